package org.newsdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The seed check: {@code newsdesk inspect SEED --json} tags exactly the expected entities. */
class SeedEntitiesTest {
  private static Path shared() {
    String override = System.getProperty("newsdesk.shared");
    return override != null ? Path.of(override) : Path.of(System.getProperty("newsdesk.repo", "."), "..", "shared");
  }

  @Test
  void seedArticleTagsExactlyTheExpectedEntities() throws Exception {
    Path seed = shared().resolve("seeds").resolve("000_5656936dd5975890.txt");
    assumeTrue(Files.exists(seed), "the seed article is not here (" + seed + "); skipping the seed check");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = NewsdeskCli.commandLine(new PrintWriter(out), new PrintWriter(err)).execute("inspect", seed.toString(), "--json");
    assertEquals(0, code, err.toString());
    JsonNode entities = Json.MAPPER.readTree(out.toString().lines().findFirst().orElseThrow()).get("entities");
    assertEquals(List.of("Vladimir Putin", "Nikol Pashinyan", "Sergey Lavrov"), names(entities.get("person")));
    assertEquals(Set.of("Nagorno-Karabakh", "Russia", "Armenia", "Azerbaijan", "Turkey", "Yerevan", "Baku", "Ankara", "Moscow"),
        Set.copyOf(names(entities.get("location"))));
    assertEquals(9, entities.get("location").size());
    assertEquals(Set.of("OSCE", "Kremlin"), Set.copyOf(names(entities.get("organization"))));
    assertEquals(Set.of("person", "location", "organization"), Set.copyOf(fields(entities)), "no other type is tagged");
  }

  private static List<String> names(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static List<String> fields(JsonNode node) {
    List<String> out = new ArrayList<>();
    node.fieldNames().forEachRemaining(out::add);
    return out;
  }
}

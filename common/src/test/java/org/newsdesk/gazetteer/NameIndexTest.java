package org.newsdesk.gazetteer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.model.EntityType;

/** The names file is a cache of the JSON next to it: read back exactly, and never trusted for other JSON. */
class NameIndexTest {
  private static final String JSON = """
      {"format": "newsdesk-gazetteer/1", "types": ["ORG", "EVENT"], "entities": [
        {"id": "vladimir-putin", "name": "Vladimir Putin", "type": "PERSON", "aliases": ["Путин", "Putin's", "VLADIMIR PUTIN"]},
        {"id": "nagorno-karabakh", "name": "Nagorno–Karabakh", "type": "LOCATION", "aliases": ["Artsakh"], "demonyms": ["Karabakhi"]},
        {"id": "expo", "name": "Émile Zola Expo", "type": "EVENT"},
        {"id": "org-thing", "name": "Org Thing", "type": "ORG"}
      ]}
      """;

  private static Path writeBoth(Path dir) throws Exception {
    Path json = dir.resolve("g.json");
    Files.writeString(json, JSON, StandardCharsets.UTF_8);
    NameIndex.write(Gazetteer.read(json), json, dir.resolve("g.names"));
    return json;
  }

  @Test
  void readsBackWhatTheGazetteerFoldsTo(@TempDir Path dir) throws Exception {
    Path json = writeBoth(dir);
    NameIndex expected = NameIndex.of(Gazetteer.read(json));
    NameIndex read = NameIndex.read(dir.resolve("g.names"), Files.readAllBytes(json)).orElseThrow();
    assertEquals(expected.entries(), read.entries());
    assertEquals(new NameIndex.Entry("vladimir-putin", EntityType.PERSON, "Vladimir Putin", List.of("vladimir putin", "путин", "putin")),
        read.entries().get(0));
    assertEquals(List.of("nagorno karabakh", "artsakh"), read.entries().get(1).keys());
    assertEquals(List.of("emile zola expo"), read.entries().get(2).keys());
    // A declared type spelled like an abbreviation of a built-in one stays the declared type.
    assertEquals(new EntityType("ORG"), read.entries().get(3).type());
  }

  @Test
  void otherJsonThanItWasMadeFromIsRefused(@TempDir Path dir) throws Exception {
    Path json = writeBoth(dir);
    byte[] edited = JSON.replace("Artsakh", "Artsakh Republic").getBytes(StandardCharsets.UTF_8);
    assertTrue(NameIndex.read(dir.resolve("g.names"), edited).isEmpty());
    assertTrue(NameIndex.read(dir.resolve("missing.names"), Files.readAllBytes(json)).isEmpty());
  }

  @Test
  void aCutOrForeignFileIsRefused(@TempDir Path dir) throws Exception {
    Path json = writeBoth(dir);
    byte[] bytes = Files.readAllBytes(json);
    Path names = dir.resolve("g.names");
    String whole = Files.readString(names, StandardCharsets.UTF_8);
    Files.writeString(names, whole.substring(0, whole.length() - 5), StandardCharsets.UTF_8);
    assertTrue(NameIndex.read(names, bytes).isEmpty(), "cut short");
    Files.writeString(names, whole.replace("\tPERSON\t", "\tperson\t"), StandardCharsets.UTF_8);
    assertTrue(NameIndex.read(names, bytes).isEmpty(), "bad type");
    Files.writeString(names, whole.replace(NameIndex.FORMAT, "newsdesk-names/9"), StandardCharsets.UTF_8);
    assertTrue(NameIndex.read(names, bytes).isEmpty(), "other format");
  }
}

package org.newsdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end through picocli: index the sample corpus, then list entities and candidates. */
class EntitiesCommandTest {
  @TempDir static Path dir;
  static Path index;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = NewsdeskCli.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @BeforeAll
  static void indexSampleCorpus() {
    index = dir.resolve("index");
    Path corpus = Path.of(System.getProperty("newsdesk.repo", ".."), "sample-corpus", "articles");
    Run r = run("index", corpus.toString(), "--index", index.toString(), "--quiet");
    assertTrue(r.code() <= 1, r.err());
    assertTrue(Files.exists(index.resolve("newsdesk-gazetteer.json")), "the builder stores the gazetteer it tagged with");
  }

  @Test
  void topEntitiesOverallAsJson() throws Exception {
    Run r = run("entities", "--index", index.toString(), "--json", "--limit", "3");
    assertEquals(0, r.code(), r.err());
    JsonNode doc = Json.MAPPER.readTree(r.out());
    assertTrue(doc.get("total").asLong() > 50);
    assertEquals(Set.of("person", "location", "organization"), Set.copyOf(fieldNames(doc.get("entities"))));
    JsonNode top = doc.get("entities").get("person").get(0);
    assertEquals("nikol-pashinyan", top.get("id").asText());
    assertEquals("Nikol Pashinyan", top.get("name").asText());
    assertTrue(top.get("articles").asLong() >= 10);
    assertEquals(3, doc.get("entities").get("location").size());
  }

  @Test
  void entitiesAmongAQuerysHitsOfOneType() throws Exception {
    Run r = run("entities", "wildfire", "--index", index.toString(), "--type", "location", "--json");
    assertEquals(0, r.code(), r.err());
    JsonNode doc = Json.MAPPER.readTree(r.out());
    assertEquals(List.of("location"), fieldNames(doc.get("entities")));
    assertEquals("california", doc.get("entities").get("location").get(0).get("id").asText());
  }

  @Test
  void aQueryOfSeveralWordsIsOneQueryAsInSearch() throws Exception {
    Run words = run("entities", "wildfire", "evacuation", "--index", index.toString(), "--json");
    assertEquals(0, words.code(), words.err());
    Run quoted = run("entities", "wildfire evacuation", "--index", index.toString(), "--json");
    JsonNode doc = Json.MAPPER.readTree(words.out());
    assertEquals("wildfire evacuation", doc.get("query").asText());
    assertEquals(Json.MAPPER.readTree(quoted.out()), doc);
  }

  @Test
  void candidatesAreUnknownProperNounsWithoutCommonWords() throws Exception {
    Run r = run("entities", "--candidates", "--index", index.toString(), "--json", "--limit", "100");
    assertEquals(0, r.code(), r.err());
    JsonNode doc = Json.MAPPER.readTree(r.out());
    List<String> phrases = new ArrayList<>();
    doc.get("candidates").forEach(c -> {
      phrases.add(c.get("phrase").asText());
      assertTrue(c.get("example").asText().contains(c.get("phrase").asText().split(" ")[0]), c.toString());
    });
    assertTrue(phrases.contains("Glass Fire"), phrases.toString());
    for (String common : List.of("The", "Read", "Advertisement", "Earlier", "Russian", "Armenian", "Pashinyan", "Putin",
        "President", "Sunday", "Photograph")) {
      assertTrue(!phrases.contains(common), common + " is not a candidate: " + phrases);
    }
    for (String known : List.of("Vladimir Putin", "Nagorno-Karabakh", "OSCE", "Yerevan")) {
      assertTrue(!phrases.contains(known), known + " is in the gazetteer");
    }
  }

  @Test
  void anExtraGazetteerMakesACandidateKnown(@TempDir Path tmp) throws Exception {
    Path extra = tmp.resolve("fires.json");
    Files.writeString(extra, "{\"format\": \"newsdesk-gazetteer/1\", \"types\": [\"EVENT\"], \"entities\": ["
        + "{\"id\": \"glass-fire\", \"name\": \"Glass Fire\", \"type\": \"EVENT\"}]}");
    Run r = run("entities", "--candidates", "--index", index.toString(), "--json", "--limit", "100", "--gazetteer", extra.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(!r.out().contains("\"Glass Fire\""), r.out());
  }

  @Test
  void badGazetteerAndBadTypeAreUsageErrors(@TempDir Path tmp) throws Exception {
    Path bad = tmp.resolve("bad.json");
    Files.writeString(bad, "{\"format\": \"newsdesk-gazetteer/1\", \"entities\": [{\"id\": \"x\", \"name\": \"X\", \"type\": \"PERSON\", \"aliases\": [\"\"]}]}");
    Run r = run("entities", "--candidates", "--index", index.toString(), "--gazetteer", bad.toString());
    assertEquals(2, r.code());
    assertEquals("newsdesk: " + bad + ": entry 0 (\"x\"): aliases[0] is empty or not text: \"\"", r.err().strip());
    Run t = run("entities", "--index", index.toString(), "--type", "animal");
    assertEquals(2, t.code());
    assertTrue(t.err().contains("unknown entity type 'animal': person, location, organization"), t.err());
    Run syntax = run("entities", "--index", index.toString(), "--type", "no such");
    assertEquals(2, syntax.code());
    assertTrue(syntax.err().contains("expected person, location, organization or a type the gazetteer declares"),
        syntax.err());
    Run m = run("entities", "--candidates", "--index", index.toString(), "--gazetteer-mode", "replace");
    assertEquals(2, m.code());
    assertTrue(m.err().contains("needs at least one --gazetteer FILE"), m.err());
    // options of the other listing are refused, not silently ignored
    Run typed = run("entities", "--candidates", "--type", "person", "--index", index.toString());
    assertEquals(2, typed.code());
    assertTrue(typed.err().contains("--type does not apply to --candidates"), typed.err());
    for (String[] option : new String[][] {{"--min-count", "3"}, {"--gazetteer", bad.toString()}}) {
      Run o = run("entities", option[0], option[1], "--index", index.toString());
      assertEquals(2, o.code(), option[0]);
      assertTrue(o.err().contains(option[0] + " applies only with --candidates"), o.err());
    }
  }

  @Test
  void textOutputListsCountsNamesAndIds() {
    Run r = run("entities", "--index", index.toString(), "--type", "org", "--limit", "2");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("all articles: "), r.out());
    assertTrue(r.out().contains("organization\n"), r.out());
    assertEquals(2, r.out().lines().filter(l -> l.matches("\\s+\\d+ {2}.+ {2}\\(.+\\)")).count(), r.out());
  }

  @Test
  void countsOverAFallbackSaySo() throws Exception {
    Run r = run("entities", "Путин", "--index", index.toString(), "--type", "person", "--limit", "3");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("No article has the words \"Путин\", a name of Vladimir Putin; counting the articles"
        + " about Vladimir Putin.\n"), r.out());
    JsonNode doc = Json.MAPPER.readTree(run("entities", "Путин", "--index", index.toString(), "--json").out());
    assertEquals("Vladimir Putin", doc.get("fell_back_to_entities").get(0).asText());
    assertFalse(doc.get("fell_back_to_any").asBoolean());
  }

  @Test
  void textIsColouredOnlyOnATerminalAndExamplesFitItsWidth() {
    String[] args = {"entities", "--index", index.toString(), "--limit", "2"};
    CliRun terminal = CliRun.run(CliEnvironment.of(java.util.Map.of(), true), args);
    assertEquals(0, terminal.code(), terminal.err());
    assertTrue(terminal.out().contains("\u001b["), terminal.out());
    CliRun noColor = CliRun.run(CliEnvironment.of(java.util.Map.of("NO_COLOR", "1"), true), args);
    assertFalse(noColor.out().contains("\u001b["), noColor.out());
    CliRun never = CliRun.run(CliEnvironment.of(java.util.Map.of(), true),
        "entities", "--index", index.toString(), "--limit", "2", "--color", "never");
    assertEquals(noColor.out(), never.out());
    CliRun narrow = CliRun.run(CliEnvironment.of(java.util.Map.of("COLUMNS", "40"), false),
        "entities", "--candidates", "--index", index.toString(), "--limit", "5");
    assertEquals(0, narrow.code(), narrow.err());
    List<String> examples = narrow.lines().stream().filter(l -> l.startsWith("     ")).toList();
    assertFalse(examples.isEmpty(), narrow.out());
    examples.forEach(l -> assertTrue(l.length() <= 40, "wrapped to the terminal: " + l));
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> out = new ArrayList<>();
    node.fieldNames().forEachRemaining(out::add);
    return out;
  }

  /** A gazetteer's own type (EVENT) is listed after the built-in ones, asked for by --type, and shown by stats. */
  @Test
  void aGazetteersOwnTypeIsListedAndAskedFor(@TempDir Path tmp) throws Exception {
    Path gazetteer = Files.writeString(tmp.resolve("events.json"), """
        {"format": "newsdesk-gazetteer/1", "types": ["EVENT"], "entities": [
          {"id": "zogg-fire", "name": "Zogg Fire", "type": "EVENT"},
          {"id": "creek-fire", "name": "Creek Fire", "type": "EVENT"},
          {"id": "glass-fire", "name": "Glass Fire", "type": "EVENT"}
        ]}
        """);
    Path events = tmp.resolve("index");
    Path corpus = Path.of(System.getProperty("newsdesk.repo", ".."), "sample-corpus", "articles", "raw");
    Run built = run("index", corpus.toString(), "--index", events.toString(), "--gazetteer", gazetteer.toString(), "--quiet");
    assertTrue(built.code() <= 1, built.err());

    JsonNode all = Json.MAPPER.readTree(run("entities", "--index", events.toString(), "--json").out());
    assertEquals(List.of("person", "location", "organization", "event"), fieldNames(all.get("entities")));
    JsonNode top = all.get("entities").get("event");
    assertEquals(3, top.size(), top.toString());
    assertEquals(Set.of("zogg-fire", "creek-fire", "glass-fire"),
        Set.of(top.get(0).get("id").asText(), top.get(1).get("id").asText(), top.get(2).get("id").asText()));

    Run one = run("entities", "--index", events.toString(), "--type", "EVENT", "--limit", "1", "--color", "never");
    assertEquals(0, one.code(), one.err());
    assertTrue(one.out().contains("event") && one.out().lines().filter(l -> l.contains("Fire")).count() == 1, one.out());
    assertFalse(one.out().contains("person"), one.out());

    Run unknown = run("entities", "--index", events.toString(), "--type", "ship");
    assertEquals(2, unknown.code());
    assertTrue(unknown.err().contains("unknown entity type 'ship'") && unknown.err().contains("declares: event"),
        unknown.err());
    Run none = run("entities", "--index", index.toString(), "--type", "event");
    assertTrue(none.err().contains("declares no other type"), none.err());

    JsonNode stats = Json.MAPPER.readTree(run("stats", "--index", events.toString(), "--json").out());
    assertEquals(3, stats.get("top_entities").get("event").size(), stats.toString());
    assertTrue(run("stats", "--index", events.toString(), "--color", "never").out().contains("events "));

    // search --facets counts them too, after the built-in facets, in the text and the JSON
    Run fire = run("search", "fire", "--index", events.toString(), "--facets", "--color", "never");
    assertTrue(fire.out().lines().anyMatch(l -> l.startsWith("event: ") && l.contains("Fire")), fire.out());
    JsonNode facets = Json.MAPPER.readTree(run("search", "fire", "--index", events.toString(), "--facets", "--json").out())
        .get("facets");
    assertEquals(List.of("person", "location", "organization", "source", "date", "event"), fieldNames(facets));
    assertTrue(facets.get("event").size() >= 1 && facets.get("event").get(0).get("value").asText().endsWith("-fire"),
        facets.toString());
    JsonNode plain = Json.MAPPER.readTree(run("search", "fire", "--index", index.toString(), "--facets", "--json").out())
        .get("facets");
    assertEquals(List.of("person", "location", "organization", "source", "date"), fieldNames(plain),
        "an index without other types: the facets as before");
  }
}

package org.newsdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.newsdesk.cli.CliRun.onIndex;
import static org.newsdesk.cli.CliRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code show}, {@code stats}, {@code completion}, help and version, end to end. */
class OtherCommandsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Numbers are printed with ASCII digits and a dot whatever the default locale (here Arabic, Egypt). */
  @Test
  void anUnknownCommandIsNamedWithTheClosestOne() {
    CliRun typo = run("serach", "ceasefire");
    assertEquals(ExitCodes.ERROR, typo.code());
    assertEquals("newsdesk: unknown command 'serach': did you mean 'search'? (see 'newsdesk --help')", typo.err().strip());
    CliRun far = run("frobnicate");
    assertEquals("newsdesk: unknown command 'frobnicate' (see 'newsdesk --help')", far.err().strip());
    assertTrue(run("rebuid", "x").err().contains("did you mean 'rebuild'?"));
    assertTrue(run("stat").err().contains("did you mean 'stats'?"));
  }

  @Test
  void outputDoesNotFollowTheDefaultLocale() {
    java.util.Locale before = java.util.Locale.getDefault();
    java.util.Locale.setDefault(java.util.Locale.forLanguageTag("ar-EG"));
    try {
      for (String[] args : List.of(new String[] {"entities"}, new String[] {"entities", "--candidates"},
          new String[] {"check"}, new String[] {"stats"}, new String[] {"timeline", "ceasefire"},
          new String[] {"search", "ceasefire"})) {
        CliRun r = run(onIndex(args));
        String all = r.out() + r.err();
        assertTrue(all.chars().noneMatch(c -> c >= 0x0660 && c <= 0x066C || c >= 0x06F0 && c <= 0x06F9),
            String.join(" ", args) + " printed Arabic-Indic digits: " + all);
        assertTrue(all.chars().anyMatch(c -> c >= '0' && c <= '9'), String.join(" ", args) + ": " + all);
      }
    } finally {
      java.util.Locale.setDefault(before);
    }
  }

  @Test
  void showPrintsTheWholeArticleWithItsEntities() {
    CliRun r = run(onIndex("show", "mw-2020-10-12-022"));
    assertEquals(ExitCodes.OK, r.code(), r.err());
    assertTrue(r.out().startsWith("Sergei Lavrov says Russia could send military observers"), r.out());
    assertTrue(r.out().contains("2020-10-12T11:05:00+03:00 · Meridian Wire · by Oliver Hatch"), r.out());
    assertTrue(r.out().matches("(?s).*\\nPersons: Sergey Lavrov \\(\\d+\\).*"), "entities with mention counts: " + r.out());
    assertTrue(r.out().contains("https://www.meridianwire.example/world/2020/10/12/lavrov-urges-observance-of-karabakh-truce"), r.out());
    CliRun narrow = run(CliEnvironment.of(Map.of("COLUMNS", "40"), false), onIndex("show", "mw-2020-10-12-022"));
    List<String> idLines = narrow.lines().stream().dropWhile(l -> !l.startsWith("id ")).limit(3).toList();
    assertTrue(idLines.get(0).startsWith("id mw-2020-10-12-022"), narrow.out());
    // it wraps between words; a path longer than the line stands whole on its own, to be copied
    assertTrue(idLines.stream().allMatch(l -> l.length() <= 40 || !l.strip().contains(" ")), "the id line wraps: " + idLines);
    assertTrue(narrow.out().contains("\n" + r.lines().stream().filter(l -> l.startsWith("id ")).findFirst().orElseThrow()
        .replaceFirst("^id mw-2020-10-12-022 · from ", "") + "\n"), "the origin path is not cut: " + narrow.out());
  }

  @Test
  void showJsonHasTheArticleAndEntityMentions() throws Exception {
    CliRun r = run(onIndex("show", "mw-2020-10-12-022", "--json"));
    assertEquals(ExitCodes.OK, r.code(), r.err());
    JsonNode a = JSON.readTree(r.out());
    assertEquals("mw-2020-10-12-022", a.get("id").asText());
    assertEquals("Meridian Wire", a.get("source").asText());
    assertEquals("2020-10-12T11:05:00+03:00", a.get("published").asText());
    assertTrue(a.get("body").asText().length() > 500);
    assertTrue(a.get("entities").get("person").isArray());
    JsonNode first = a.get("entity_mentions").get(0);
    assertTrue(first.get("id").isTextual() && first.get("name").isTextual() && first.get("type").isTextual() && first.get("mentions").isInt());
  }

  @Test
  void showOfAnUnknownIdExitsOne() {
    CliRun r = run(onIndex("show", "no-such-id"));
    assertEquals(ExitCodes.NO_HITS, r.code());
    assertTrue(r.err().contains("no article with id 'no-such-id'"), r.err());
  }

  /** What a user typed is echoed in messages with its control characters escaped: an escape sequence stays inert. */
  @Test
  void messagesEscapeControlCharactersOfWhatWasTyped() {
    CliRun show = run(onIndex("show", "a\u001b[31m"));
    assertTrue(show.err().contains("no article with id 'a\\u001B[31m'"), show.err());
    CliRun person = run(onIndex("search", "x", "--person", "x\u001b[31my"));
    assertEquals(ExitCodes.ERROR, person.code());
    assertTrue(person.err().contains("x\\u001B[31my") && !person.err().contains("\u001b"), person.err());
    CliRun index = run("search", "x", "--index", "/tmp/no\nsuch");
    assertTrue(index.err().contains("/tmp/no\\u000Asuch") && index.err().lines().count() == 1, index.err());
  }

  /** {@code search --ids | xargs newsdesk show}: every id in turn; one missing is named and the rest still shown. */
  @Test
  void showOfSeveralIdsShowsEachAndNamesTheMissingOne() throws Exception {
    List<String> ids = run(onIndex("search", "ceasefire", "--ids", "--limit", "3")).out().lines().toList();
    assertEquals(3, ids.size(), ids.toString());
    List<String> args = new java.util.ArrayList<>(List.of("show", ids.get(0), "no-such-id", ids.get(1), ids.get(2)));
    CliRun r = run(onIndex(args.toArray(String[]::new)));
    assertEquals(ExitCodes.NO_HITS, r.code());
    assertTrue(r.err().contains("no article with id 'no-such-id'"), r.err());
    for (String id : ids) {
      assertTrue(r.out().contains("id " + id), id + " in " + r.out());
    }
    assertEquals(2, r.out().lines().filter(l -> l.startsWith("─")).count(), "a rule between articles: " + r.out());

    args.add("--json");
    CliRun json = run(onIndex(args.toArray(String[]::new)));
    List<String> shown = new java.util.ArrayList<>();
    try (var parser = Json.MAPPER.createParser(json.out())) {
      var it = Json.MAPPER.readValues(parser, com.fasterxml.jackson.databind.JsonNode.class);
      it.forEachRemaining(doc -> shown.add(doc.get("id").asText()));
    }
    assertEquals(ids, shown, "one document per id found, in the order given");
  }

  @Test
  void statsReportsArticlesDateSpanSizeAndBuildTime() throws Exception {
    CliRun r = run(onIndex("stats", "--json"));
    assertEquals(ExitCodes.OK, r.code(), r.err());
    JsonNode s = JSON.readTree(r.out());
    assertEquals(22, s.get("articles").asInt());
    assertEquals("2020-09-11", s.get("date_span").get("from").asText());
    assertEquals("2021-02-15", s.get("date_span").get("to").asText());
    assertTrue(s.get("size_bytes").asLong() > 10_000);
    Instant built = Instant.parse(s.get("built_at").asText());
    assertTrue(built.isAfter(Instant.now().minusSeconds(3600)), "built by this test run: " + built);
    for (String type : List.of("person", "location", "organization")) {
      assertTrue(s.get("top_entities").get(type).isArray());
    }
    CliRun human = run(onIndex("stats"));
    assertTrue(human.out().contains("articles       22"), human.out());
    assertTrue(human.out().contains("2020-09-11 to 2021-02-15"), human.out());
    // every line fits the width; wrapped values go on under their first line, and names are not broken
    CliRun narrow = run(CliEnvironment.of(Map.of("COLUMNS", "50"), false), onIndex("stats", "--top", "8"));
    List<String> lines = narrow.lines();
    // (but for a name or path longer than the line, which stands whole on a line of its own: paths are copied)
    assertTrue(lines.stream().allMatch(l -> l.length() <= 50 || !l.substring(15).strip().contains(", ")), narrow.out());
    int persons = lines.indexOf(lines.stream().filter(l -> l.startsWith("persons ")).findFirst().orElseThrow());
    assertTrue(lines.get(persons + 1).startsWith(" ".repeat(15)) && !lines.get(persons + 1).isBlank(), narrow.out());
    assertTrue(narrow.out().contains("Vladimir Putin ("), narrow.out());
  }

  @Test
  void timelineDrawsMonthsWithTheEmptyOnesFilledIn() throws Exception {
    CliRun r = run(onIndex("timeline", "ceasefire"));
    assertEquals(ExitCodes.OK, r.code(), r.err());
    List<String> rows = r.lines().subList(0, 4);
    assertEquals(List.of("2020-10", "2020-11", "2020-12", "2021-01"), rows.stream().map(l -> l.substring(0, 7)).toList());
    int full = rows.get(0).length() - rows.get(0).indexOf('█');
    assertTrue(rows.get(1).endsWith(" 0 "), "an empty month has no bar: " + rows.get(1));
    int third = rows.get(2).length() - rows.get(2).indexOf('█');
    assertTrue(Math.abs(full / 3.0 - third) <= 1, "bars are proportional: " + r.out());
    assertTrue(r.out().contains("5 hits by month"), r.out());

    JsonNode t = JSON.readTree(run(onIndex("timeline", "ceasefire", "--json")).out());
    assertEquals("month", t.get("by").asText());
    assertEquals(5, t.get("total").asInt());
    List<String> buckets = new java.util.ArrayList<>();
    t.get("buckets").forEach(b -> buckets.add(b.get("start").asText() + " " + b.get("label").asText() + " " + b.get("count").asInt()));
    assertEquals(List.of("2020-10-01 2020-10 3", "2020-11-01 2020-11 0", "2020-12-01 2020-12 1", "2021-01-01 2021-01 1"), buckets);
    assertEquals(ExitCodes.NO_HITS, run(onIndex("timeline", "qwxzzyv")).code());
    assertEquals(ExitCodes.ERROR, run(onIndex("timeline", "ceasefire", "--by", "decade")).code());
    assertFalse(t.get("fell_back_to_any").asBoolean());
    assertEquals(0, t.get("fell_back_to_entities").size());
    assertEquals(0, t.get("undated").asInt());
  }

  /** Every line fits COLUMNS, but for a single word longer than it (a path, an id), which stays whole to be copied. */
  @Test
  void statsEntitiesAndInspectFitANarrowTerminal() {
    CliEnvironment narrow = CliEnvironment.of(Map.of("COLUMNS", "40"), false);
    Path raw = Path.of(System.getProperty("newsdesk.repo", "."), "sample-corpus", "articles", "raw",
        "003_humanitarian-ceasefire-agreed-moscow.txt");
    for (String[] args : List.of(onIndex("stats"), onIndex("entities", "--limit", "5"),
        onIndex("entities", "--candidates", "--limit", "3"), new String[] {"inspect", raw.toString()})) {
      CliRun r = run(narrow, args);
      assertEquals(ExitCodes.OK, r.code(), String.join(" ", args) + ": " + r.err());
      for (String line : r.lines()) {
        boolean longWord = java.util.Arrays.stream(line.strip().split("\\s+")).anyMatch(w -> w.length() > 25);
        assertTrue(line.length() <= 40 || longWord, args[0] + ": " + line.length() + ": " + line);
      }
    }
  }

  @Test
  void timelineSaysWhenNoHitHasADate(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
    Path src = Files.writeString(tmp.resolve("undated.jsonl"),
        "{\"id\":\"u1\",\"body\":\"Talks on the harbour.\"}\n{\"id\":\"u2\",\"body\":\"More harbour talks.\"}\n");
    Path index = tmp.resolve("index");
    assertEquals(ExitCodes.OK, run("index", src.toString(), "--index", index.toString(), "-q").code());
    CliRun r = run("timeline", "harbour", "--index", index.toString());
    assertEquals(ExitCodes.OK, r.code(), r.err());
    assertTrue(r.out().contains("2 hits by month") && r.out().contains("all undated: no date to chart"), r.out());
    JsonNode t = JSON.readTree(run("timeline", "harbour", "--index", index.toString(), "--json").out());
    assertEquals(0, t.get("buckets").size());
    assertEquals(2, t.get("undated").asInt());
  }

  @Test
  void timelineSaysWhenItCountsAnEntitysArticlesInsteadOfTheWords() throws Exception {
    CliRun r = run(onIndex("timeline", "Путин"));
    assertEquals(ExitCodes.OK, r.code(), r.err());
    assertEquals("No article has the words \"Путин\", a name of Vladimir Putin; counting the articles about Vladimir Putin.",
        r.lines().get(0));
    JsonNode t = JSON.readTree(run(onIndex("timeline", "Путин", "--json")).out());
    assertEquals("Vladimir Putin", t.get("fell_back_to_entities").get(0).asText());
    assertEquals(JSON.readTree(run(onIndex("timeline", "person:Путин", "--json")).out()).get("buckets"), t.get("buckets"));
  }

  @Test
  void statsListsTopEntitiesAndSources() throws Exception {
    JsonNode s = JSON.readTree(run(onIndex("stats", "--json", "--top", "3")).out());
    assertEquals(5, s.get("sources").asInt());
    assertEquals("Meridian Wire", s.get("top_sources").get(0).get("label").asText());
    assertEquals(8, s.get("top_sources").get(0).get("count").asInt());
    assertEquals(3, s.get("top_sources").size());
    assertTrue(s.get("top_entities").get("person").size() > 0, s.toString());
  }

  @Test
  void everyCommandHasHelpAndMineHaveExamples() {
    for (String command : NewsdeskCli.SUBCOMMANDS) {
      if (command.equals("help")) {
        continue;
      }
      CliRun r = run(command, "--help");
      assertEquals(ExitCodes.OK, r.code(), command + ": " + r.err());
      assertTrue(r.out().startsWith("Usage: newsdesk " + command), r.out());
    }
    for (String command : List.of("search", "show", "similar", "timeline", "stats", "completion")) {
      assertTrue(run(command, "--help").out().contains("Examples:"), command);
    }
    assertTrue(run("--help").out().contains("Examples:"));
    // every example line whole at 80 columns (a broken one cannot be copied), and help as wide as COLUMNS says
    for (String command : List.of("search", "show", "similar", "timeline", "stats", "entities", "index", "rebuild",
        "inspect", "completion", "rollback", "check")) {
      String help = run(command, "--help").out();
      String examples = help.substring(Math.max(0, help.indexOf("Examples:")));
      for (String line : examples.lines().toList()) {
        assertTrue(line.length() <= 80, command + ": " + line);
      }
    }
    String root = run("--help").out();
    assertTrue(root.contains("jq '.hits[].title'"), root);
    CliRun wide = run(CliEnvironment.of(Map.of("COLUMNS", "160"), false), "search", "--help");
    assertTrue(wide.out().lines().anyMatch(l -> l.length() > 80), "help uses a wide terminal");
  }

  @Test
  void versionNamesNewsdeskAndLucene() {
    CliRun r = run("--version");
    assertEquals(ExitCodes.OK, r.code());
    assertTrue(r.out().startsWith("newsdesk ") && r.out().contains("Lucene 9.12.3"), r.out());
    for (String command : List.of("search", "show", "stats", "timeline", "entities", "index", "rebuild", "inspect")) {
      CliRun sub = run(command, "--version");
      assertEquals(ExitCodes.OK, sub.code(), command);
      assertEquals(r.out(), sub.out(), command + " --version");
    }
  }

  @Test
  void completionScriptsCoverCommandsAndOptions() throws Exception {
    CliRun bash = run("completion", "bash");
    assertEquals(ExitCodes.OK, bash.code(), bash.err());
    assertTrue(bash.out().contains("complete -F") && bash.out().contains("timeline") && bash.out().contains("--person"), "bash script");
    CliRun zsh = run("completion", "zsh");
    assertTrue(zsh.out().startsWith("#compdef newsdesk") && zsh.out().contains("bashcompinit"), "zsh script");
    assertEquals(ExitCodes.ERROR, run("completion", "fish").code());
    assertTrue(bash.out().contains("TYPE_option_args=(\"person\" \"location\" \"organization\")")
        && !bash.out().contains("\"DATE\" \"ENTITY\""),
        "entities --type completes to the values it takes");
    assertTrue(bash.out().contains("ORDER_option_args=(\"relevance\" \"newest\" \"oldest\")")
        && bash.out().contains("WHEN_option_args=(\"auto\" \"always\" \"never\")") && !bash.out().contains("\"NEWEST\""),
        "enum options complete in lower case, as the docs write them");
    assertTrue(run("completion", "--help").out().contains("\"${fpath[1]}/_newsdesk\""), "help shows zsh's variable");
    Path dir = Files.createTempDirectory("completions");
    CompletionCommand.main(new String[] {dir.toString()});
    assertEquals(bash.out(), Files.readString(dir.resolve("newsdesk.bash"), StandardCharsets.UTF_8));
    assertEquals(zsh.out(), Files.readString(dir.resolve("_newsdesk"), StandardCharsets.UTF_8));
  }

}

package org.newsdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.newsdesk.cli.CliRun.onIndex;
import static org.newsdesk.cli.CliRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code newsdesk search} end to end on the sample corpus's JSON Lines articles. */
class SearchCommandTest {
  /** Every JSON Lines article that says ceasefire, cease-fire or cease fire, oldest first. */
  static final List<String> CEASEFIRE_OLDEST_FIRST = List.of(
      "cl-2020-10-06-003", "mw-2020-10-12-022", "hct-2020-10-23-041", "mw-2020-12-15-007", "cl-2021-01-11-002");

  private static List<String> ids(String... args) {
    CliRun r = run(onIndex(args));
    assertEquals(ExitCodes.OK, r.code(), r.err());
    return r.lines();
  }

  /** As in a search box: a word with a minus excludes it, instead of being an unknown option. */
  @Test
  void aMinusWordExcludesItAndShortOptionsStillWork() {
    List<String> without = ids("search", "ceasefire", "-lavrov", "--ids", "--limit", "100");
    assertEquals(ids("search", "ceasefire -lavrov", "--ids", "--limit", "100"), without);
    assertTrue(!without.isEmpty() && without.size() < CEASEFIRE_OLDEST_FIRST.size(), without.toString());
    assertEquals(List.of(String.valueOf(without.size())), ids("search", "-c", "ceasefire", "-lavrov"));
    assertEquals(2, ids("search", "ceasefire", "-n", "2", "-l").size());
    CliRun bad = run(onIndex("search", "ceasefire", "--limit", "-lavrov"));
    assertEquals(ExitCodes.ERROR, bad.code(), "an option's value is left alone: " + bad.err());
  }

  /** {@code -n3}, {@code -p2}, {@code -snewest}: a one-letter option with its value attached is the option. */
  @Test
  void shortOptionsWithAttachedValuesAreOptionsNotWords() {
    assertEquals(ids("search", "ceasefire", "-n", "3", "--ids"), ids("search", "ceasefire", "-n3", "--ids"));
    assertEquals(ids("search", "ceasefire", "--page", "2", "-n", "3", "--ids"), ids("search", "ceasefire", "-p2", "-n3", "--ids"));
    assertEquals(ids("search", "ceasefire", "--sort", "newest", "--ids"), ids("search", "ceasefire", "-snewest", "--ids"));
    assertEquals(3, ids("search", "ceasefire", "-n3", "--ids").size());
    // a word that only starts like one is still left out: -paris is not --page "aris"; -many and -mall are words
    for (String word : List.of("paris", "many", "mall")) {
      assertEquals(ids("search", "ceasefire NOT " + word, "--ids", "--limit", "100"),
          ids("search", "ceasefire", "-" + word, "--ids", "--limit", "100"), word);
    }
  }

  /** {@code -from 2020-11} would otherwise search for the words and drop the filter, with exit 0. */
  @Test
  void aLongOptionWrittenWithOneDashIsAUsageError() {
    for (String[] args : List.of(new String[] {"search", "ceasefire", "-from", "2020-11"},
        new String[] {"search", "ceasefire", "-json"}, new String[] {"timeline", "ceasefire", "-by", "month"})) {
      CliRun r = run(onIndex(args));
      assertEquals(ExitCodes.ERROR, r.code(), r.err());
      String option = args[2];
      assertTrue(r.err().startsWith("newsdesk: " + option + " is not an option: options take two dashes, -" + option)
          && r.err().contains("NOT " + option.substring(1)), r.err());
      assertEquals("", r.out());
    }
    CliRun valueOfAnOption = run(onIndex("search", "ceasefire", "--source", "-json"));
    assertTrue(!valueOfAnOption.err().contains("is not an option"), "an option's value is left alone: " + valueOfAnOption.err());
  }

  /** --json, --count and --ids each choose the whole output: two of them is a usage error, not one quietly ignored. */
  @Test
  void twoOutputModesAreAUsageError() {
    for (String[] args : List.of(new String[] {"search", "ceasefire", "--ids", "--count"},
        new String[] {"search", "ceasefire", "-lc"}, new String[] {"search", "ceasefire", "--json", "--count"},
        new String[] {"search", "ceasefire", "--json", "-l"})) {
      CliRun r = run(onIndex(args));
      assertEquals(ExitCodes.ERROR, r.code(), String.join(" ", args));
      assertTrue(r.err().contains("each choose the output: give one of them"), r.err());
      assertEquals("", r.out());
    }
  }

  /** An empty filter value (an unset shell variable) is a usage error naming the option, as the library refuses it. */
  @Test
  void anEmptyFilterValueIsAUsageError() {
    for (String option : List.of("--person", "--location", "--org", "--entity", "--source")) {
      CliRun r = run(onIndex("search", "ceasefire", option, ""));
      assertEquals(ExitCodes.ERROR, r.code(), option);
      assertTrue(r.err().contains(option + " needs a name: it was given an empty one"), r.err());
    }
    for (List<String> command : List.of(List.of("search", "x"), List.of("index", "."), List.of("stats"))) {
      List<String> args = new java.util.ArrayList<>(command);
      args.addAll(List.of("--index", ""));
      CliRun r = run(args.toArray(String[]::new));
      assertEquals(ExitCodes.ERROR, r.code(), command.toString());
      assertTrue(r.err().contains("--index needs a directory: it was given an empty one"), command + ": " + r.err());
    }
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> org.newsdesk.search.SearchRequest.of("x").withPersons(java.util.Arrays.asList("Putin", null)));
    assertTrue(e.getMessage().contains("persons must not hold a null or blank name"), e.getMessage());
  }

  /** After a cursor a page's place among the hits is unknown: no positions or --page hint, and an empty page exits 1. */
  @Test
  void cursorPagesSayWhatTheyShowAndAnEmptyOneExits1() throws Exception {
    CliRun first = run(onIndex("search", "ceasefire", "--json", "--limit", "2"));
    String cursor = Json.MAPPER.readTree(first.out()).get("next_cursor").asText();
    CliRun next = run(CliEnvironment.of(Map.of("COLUMNS", "160"), false), onIndex("search", "ceasefire", "--cursor", cursor, "--limit", "2"));
    assertEquals(ExitCodes.OK, next.code(), next.err());
    String summary = next.lines().get(next.lines().size() - 1);
    assertTrue(summary.contains("showing 2 hits after the cursor") && !summary.contains("--page"), summary);
    // a cursor past every article (oldest first, after the year 3000), as one replayed on another query can be
    String oldest = Json.MAPPER.readTree(run(onIndex("search", "ceasefire", "--sort", "oldest", "--limit", "1", "--json"))
        .out()).get("next_cursor").asText();
    String[] parts = new String(java.util.Base64.getUrlDecoder().decode(oldest), java.nio.charset.StandardCharsets.UTF_8)
        .split("\\|", 5); // version|OLDEST|day,instant|search|id: moved to the year 3000
    java.time.Instant y3000 = java.time.Instant.parse("3000-01-01T00:00:00Z");
    String pastAll = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString((parts[0] + "|OLDEST|"
        + y3000.getEpochSecond() / 86_400 + "," + y3000.toEpochMilli() + "|" + parts[3] + "|zzz")
        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    CliRun past = run(onIndex("search", "ceasefire", "--sort", "oldest", "--cursor", pastAll));
    assertEquals(ExitCodes.NO_HITS, past.code(), past.out() + past.err());
    assertTrue(past.out().contains("this page is past the last hit"), past.out());
    CliRun elsewhere = run(onIndex("search", "wildfire", "--cursor", cursor, "--limit", "2"));
    assertEquals(ExitCodes.ERROR, elsewhere.code(), elsewhere.out());
    assertTrue(elsewhere.err().contains("this cursor pages another search"), elsewhere.err());
    CliRun both = run(onIndex("search", "ceasefire", "--cursor", cursor, "--page", "2"));
    assertEquals(ExitCodes.ERROR, both.code());
    assertTrue(both.err().contains("--page and --cursor both choose the page"), both.err());
  }

  /** A first name names several people: the filter passes the articles of any of them, and says so. */
  @Test
  void aFilterNamingSeveralEntitiesSaysWhich() throws Exception {
    CliRun json = run(onIndex("search", "--person", "David", "--json"));
    assertEquals(ExitCodes.OK, json.code(), json.err());
    JsonNode names = Json.MAPPER.readTree(json.out()).get("ambiguous_filters").get("David");
    assertTrue(names.size() >= 2, json.out());
    CliRun people = run(CliEnvironment.of(Map.of("COLUMNS", "200"), false), onIndex("search", "--person", "David"));
    assertTrue(people.lines().get(0).startsWith("\"David\" names " + names.size() + " entities: ")
        && people.lines().get(0).contains(names.get(0).asText()), people.out());
    CliRun count = run(onIndex("search", "--person", "David", "--count"));
    assertEquals(ExitCodes.OK, count.code());
    assertTrue(count.out().strip().matches("\\d+") && count.err().contains("counting the articles about any of them"),
        count.out() + count.err());
    CliRun one = run(onIndex("search", "--person", "Vladimir Putin", "--json"));
    assertEquals(0, Json.MAPPER.readTree(one.out()).get("ambiguous_filters").size(), one.out());
  }

  /** A --source no article has is a usage error with the closest source, not a quiet "0 hits". */
  @Test
  void anUnknownSourceIsAnErrorWithTheClosestOne() {
    for (String asked : List.of("meridian", "Meridan Wire")) {
      CliRun r = run(onIndex("search", "ceasefire", "--source", asked));
      assertEquals(ExitCodes.ERROR, r.code(), r.out());
      assertTrue(r.err().contains("unknown source \"" + asked + "\": did you mean \"Meridian Wire\"?"), r.err());
    }
    assertTrue(!ids("search", "ceasefire", "--source", "MERIDIAN WIRE", "--ids").isEmpty(), "case does not matter");
    CliRun known = run(onIndex("search", "ceasefire", "--source", "Meridian Wire", "--from", "1999", "--to", "1999"));
    assertEquals(ExitCodes.NO_HITS, known.code(), "a known source whose articles the dates leave out: " + known.err());
    // source: in the query says it the same way (the name as the field holds it), and only when nothing is found
    CliRun field = run(onIndex("search", "ceasefire AND source:meridian"));
    assertEquals(ExitCodes.ERROR, field.code(), field.out());
    assertTrue(field.err().contains("unknown source \"meridian\": did you mean \"Meridian Wire\"?"), field.err());
    CliRun second = run(onIndex("search", "source:\"Meridian Wire\" AND source:zzq"));
    assertTrue(second.err().startsWith("newsdesk: bad query at position 27: unknown source \"zzq\""), second.err());
    assertEquals(ExitCodes.NO_HITS, run(onIndex("search", "zzqx -source:meridian")).code(), "an excluded source is not asked");
    assertTrue(!ids("search", "ceasefire OR source:meridian", "--ids").isEmpty(), "hits found: nothing to say");
  }

  /** The long option names {@link NewsdeskCli} recognises before picocli are the commands' own. */
  @Test
  void theLongOptionListsAreTheCommands() {
    for (String command : List.of("search", "timeline", "entities")) {
      picocli.CommandLine cli = NewsdeskCli.commandLine(new java.io.PrintWriter(java.io.Writer.nullWriter()),
          new java.io.PrintWriter(java.io.Writer.nullWriter())).getSubcommands().get(command);
      Set<String> names = new java.util.TreeSet<>();
      for (picocli.CommandLine.Model.OptionSpec o : cli.getCommandSpec().options()) {
        for (String name : o.names()) {
          if (name.startsWith("--")) {
            names.add(name.substring(2));
          }
        }
      }
      assertEquals(names, new java.util.TreeSet<>(NewsdeskCli.LONG_OPTIONS.get(command)), command);
    }
  }

  /** --count and --ids are for scripts: the query as asked, whatever page, and no any-word fallback. */
  @Test
  void countIsExactAndItsExitCodeFollowsTheTotal() {
    CliRun past = run(onIndex("search", "ceasefire", "--count", "--page", "5"));
    assertEquals(ExitCodes.OK, past.code(), past.err());
    assertEquals("5", past.out().strip());
    CliRun none = run(onIndex("search", "ceasefire", "xyzzyq", "--count"));
    assertEquals(ExitCodes.NO_HITS, none.code());
    assertEquals("0", none.out().strip());
    assertTrue(none.err().contains("no article has all the words; --match any finds 5"), none.err());
    CliRun ids = run(onIndex("search", "ceasefire", "xyzzyq", "--ids"));
    assertEquals(ExitCodes.NO_HITS, ids.code());
    assertEquals("", ids.out());
    CliRun any = run(onIndex("search", "ceasefire", "xyzzyq", "--count", "--match", "any"));
    assertEquals("5", any.out().strip());
  }

  @Test
  void jsonEntitiesListTheBuiltInTypesThenUserDefinedOnesByName() {
    Map<String, List<String>> byType = Map.of("product", List.of("Sputnik V"), "event", List.of("Brexit"),
        "person", List.of("Vladimir Putin"), "law", List.of("Schengen Agreement"));
    assertEquals(List.of("person", "location", "organization", "event", "law", "product"),
        List.copyOf(SearchCommand.entitiesJson(byType).keySet()));
  }

  @Test
  void ceasefireFindsExactlyTheArticlesThatMentionItInAnySpelling() {
    assertEquals(Set.copyOf(CEASEFIRE_OLDEST_FIRST), Set.copyOf(ids("search", "ceasefire", "--ids", "--limit", "100")));
  }

  @Test
  void sortsByDateBothWays() {
    assertEquals(CEASEFIRE_OLDEST_FIRST, ids("search", "ceasefire", "--ids", "--sort", "oldest"));
    List<String> newest = new ArrayList<>(CEASEFIRE_OLDEST_FIRST);
    java.util.Collections.reverse(newest);
    assertEquals(newest, ids("search", "ceasefire", "--ids", "--sort", "NEWEST"));
  }

  @Test
  void pagesThroughHits() {
    assertEquals(List.of("hct-2020-10-23-041", "mw-2020-12-15-007"), ids("search", "ceasefire", "--ids", "--sort", "oldest", "-n", "2", "--page", "2"));
    assertEquals(List.of("cl-2021-01-11-002"), ids("search", "ceasefire", "--ids", "--sort", "oldest", "-n", "2", "--page", "3"));
  }

  @Test
  void monthAndYearDatesMeanTheirWholeSpan() {
    assertEquals(CEASEFIRE_OLDEST_FIRST.subList(0, 3), ids("search", "ceasefire", "--ids", "--sort", "oldest", "--from", "2020-10", "--to", "2020-10"));
    assertEquals(CEASEFIRE_OLDEST_FIRST.subList(0, 4), ids("search", "ceasefire", "--ids", "--sort", "oldest", "--to", "2020"));
    assertEquals(CEASEFIRE_OLDEST_FIRST.subList(3, 5), ids("search", "ceasefire", "--ids", "--sort", "oldest", "--from", "2020-12-15"));
    assertEquals(List.of("mw-2020-12-15-007"), ids("search", "ceasefire", "--ids", "--from", "2020-11-01", "--to", "2020-12-31"));
  }

  @Test
  void filtersBySourceCaseInsensitively() {
    assertEquals(List.of("mw-2020-10-12-022", "mw-2020-12-15-007"), ids("search", "ceasefire", "--ids", "--sort", "oldest", "--source", "meridian WIRE"));
  }

  @Test
  void filtersAloneListEveryArticleTheyPass() {
    // no query words: the filters decide, exactly as with an empty query string
    assertEquals(ids("search", "", "--ids", "--sort", "oldest", "--source", "meridian WIRE", "--limit", "100"),
        ids("search", "--ids", "--sort", "oldest", "--source", "meridian WIRE", "--limit", "100"));
    List<String> lavrov = ids("search", "--ids", "--person", "Lavrov", "--limit", "100");
    assertFalse(lavrov.isEmpty());
    assertEquals(ids("search", "person:lavrov", "--ids", "--limit", "100").size(), lavrov.size());
  }

  @Test
  void countPrintsTheExactTotal() {
    assertEquals(List.of("5"), ids("search", "ceasefire", "--count"));
  }

  @Test
  void peopleGetNumberedHitsWithDateSourceSnippetAndTotal() {
    CliRun r = run(CliEnvironment.of(Map.of("COLUMNS", "160"), false), onIndex("search", "Lavrov", "observers"));
    assertEquals(ExitCodes.OK, r.code(), r.err());
    assertEquals("  1. Sergei Lavrov says Russia could send military observers to monitor Karabakh truce", r.lines().get(0));
    assertTrue(r.lines().get(1).startsWith("     2020-10-12\u00a0· Meridian Wire\u00a0· "), r.lines().get(1));
    assertTrue(r.lines().get(1).contains("Sergey Lavrov"), "entities on the meta line: " + r.lines().get(1));
    assertTrue(r.out().contains("observers"), r.out());
    String id = ids("search", "Lavrov", "observers", "--ids").get(0);
    assertTrue(r.lines().contains("     id " + id), "each hit ends with its id, for show and similar: " + r.out());
    assertTrue(r.out().strip().endsWith("· showing 1-1"), r.out());
    assertTrue(r.out().contains("1 hit in "), r.out());
    assertFalse(r.out().contains("\u001b["), "no colour when stdout is not a terminal");
  }

  @Test
  void fallsBackToAnyTermWithANotice() {
    CliRun r = run(onIndex("search", "ceasefire", "Halvorsen"));
    assertEquals(ExitCodes.OK, r.code(), r.err());
    assertTrue(r.lines().get(0).startsWith("No article matches all the terms"), r.out());
    CliRun json = run(onIndex("search", "ceasefire", "Halvorsen", "--json"));
    assertTrue(json.out().contains("\"fell_back_to_any\" : true"), json.out());
  }

  @Test
  void wordsThatOnlyNameAnEntityShowItsArticlesWithANotice() {
    List<String> putin = ids("search", "--person", "Putin", "--ids", "--limit", "100");
    assertFalse(putin.isEmpty());
    CliRun r = run(onIndex("search", "Путин", "--limit", "100"));
    assertEquals(ExitCodes.OK, r.code(), r.err());
    assertEquals("No article has the words \"Путин\", a name of Vladimir Putin; showing the articles about Vladimir Putin.",
        r.lines().get(0));
    assertTrue(r.out().contains(putin.size() + " hit"), r.out());
    CliRun json = run(onIndex("search", "Путин", "--json", "--limit", "100"));
    assertTrue(json.out().contains("\"fell_back_to_entities\" : [ \"Vladimir Putin\" ]"), json.out());
    // scripts count and list the words as asked, and are told where the articles are
    CliRun count = run(onIndex("search", "Путин", "--count"));
    assertEquals(ExitCodes.NO_HITS, count.code());
    assertEquals(List.of("0"), count.lines());
    assertEquals("newsdesk: no article has the words; they name Vladimir Putin (" + putin.size()
        + " articles: --entity 'Путин')", count.err().strip());
    assertEquals(putin, ids("search", "--entity", "Путин", "--ids", "--limit", "100"));
  }

  @Test
  void colourOnlyOnATerminalWithoutNoColor() {
    String[] args = onIndex("search", "ceasefire", "-n", "1");
    String bold = "\u001b[1m";
    String match = "\u001b[1;31m";
    CliRun terminal = run(CliEnvironment.of(Map.of(), true), args);
    assertTrue(terminal.out().contains(bold) && terminal.out().contains(match), terminal.out());
    assertFalse(run(CliEnvironment.of(Map.of("NO_COLOR", "1"), true), args).out().contains("\u001b["));
    assertFalse(run(CliEnvironment.of(Map.of("TERM", "dumb"), true), args).out().contains("\u001b["));
    assertFalse(run(CliEnvironment.of(Map.of(), true), onIndex("search", "ceasefire", "--color", "never")).out().contains("\u001b["));
    assertTrue(run(CliEnvironment.of(Map.of("NO_COLOR", "1"), false), onIndex("search", "ceasefire", "--color", "always")).out().contains(match));
  }

  @Test
  void fitsTheTerminalWidth() {
    for (int width : new int[] {40, 100}) {
      CliRun r = run(CliEnvironment.of(Map.of("COLUMNS", Integer.toString(width)), true), onIndex("search", "ceasefire"));
      for (String line : r.lines()) {
        String visible = line.replaceAll("\u001b\\[[0-9;]*m", "");
        assertTrue(visible.length() <= width, "wider than " + width + ": " + visible);
      }
    }
  }

  @Test
  void jsonIsOneDocumentWithTheDocumentedKeysAndTypes() throws Exception {
    CliRun r = run(onIndex("search", "ceasefire", "--json", "--facets"));
    assertEquals(ExitCodes.OK, r.code(), r.err());
    JsonNode doc = new ObjectMapper().readTree(r.out());
    assertTrue(doc.isObject());
    for (String key : List.of("query", "total", "took_ms", "suggestion", "hits", "facets")) {
      assertTrue(doc.has(key), "missing key " + key + " in " + r.out());
    }
    assertEquals("ceasefire", doc.get("query").asText());
    assertTrue(doc.get("total").isIntegralNumber());
    assertEquals(5, doc.get("total").asInt());
    assertTrue(doc.get("took_ms").isIntegralNumber());
    assertTrue(doc.get("suggestion").isNull() || doc.get("suggestion").isTextual());
    assertTrue(doc.get("facets").isObject());
    assertEquals(5, doc.get("hits").size());
    for (JsonNode hit : doc.get("hits")) {
      for (String key : List.of("id", "title", "published", "source", "url", "snippet")) {
        assertTrue(hit.get(key).isTextual(), key + " is a string in " + hit);
      }
      assertTrue(hit.get("score").isNumber(), "score is a number");
      String published = hit.get("published").asText();
      if (published.length() == 10) {
        LocalDate.parse(published);
      } else {
        OffsetDateTime.parse(published);
      }
      JsonNode entities = hit.get("entities");
      for (String type : List.of("person", "location", "organization")) {
        assertTrue(entities.get(type).isArray(), type + " is an array in " + hit);
        entities.get(type).forEach(name -> assertTrue(name.isTextual()));
      }
    }
    assertEquals(Set.copyOf(CEASEFIRE_OLDEST_FIRST), Set.copyOf(doc.get("hits").findValuesAsText("id")));
  }

  @Test
  void exitCodesAreLikeGrep() {
    assertEquals(ExitCodes.OK, run(onIndex("search", "ceasefire")).code());
    CliRun none = run(onIndex("search", "qwxzzyv"));
    assertEquals(ExitCodes.NO_HITS, none.code(), none.err());
    assertTrue(none.out().contains("0 hits"), none.out());
    assertEquals(ExitCodes.NO_HITS, run(onIndex("search", "qwxzzyv", "--json")).code());

    CliRun badQuery = run(onIndex("search", "\"unbalanced"));
    assertEquals(ExitCodes.ERROR, badQuery.code());
    assertOneLine(badQuery.err());
    assertTrue(badQuery.err().startsWith("newsdesk: bad query"), badQuery.err());

    CliRun missing = run("search", "ceasefire", "--index", CliRun.repo().resolve("no-such-index").toString());
    assertEquals(ExitCodes.ERROR, missing.code());
    assertOneLine(missing.err());
    assertTrue(missing.err().contains("no index at"), missing.err());

    CliRun usage = run(onIndex("search", "ceasefire", "--limit", "many"));
    assertEquals(ExitCodes.ERROR, usage.code());
    assertTrue(usage.err().contains("--limit"), usage.err());
    CliRun nothing = run(onIndex("search"));
    assertEquals(ExitCodes.ERROR, nothing.code());
    assertOneLine(nothing.err());
    assertTrue(nothing.err().contains("empty query: give at least one word, or a filter"), nothing.err());
    assertEquals(ExitCodes.ERROR, run(onIndex("search", "ceasefire", "--limit", "0")).code());
    assertEquals(ExitCodes.ERROR, run(onIndex("search", "ceasefire", "--page", "0")).code());
    assertEquals(ExitCodes.ERROR, run(onIndex("search", "ceasefire", "--sort", "sideways")).code());
    assertEquals(ExitCodes.ERROR, run("serch", "ceasefire").code());
    CliRun bare = run();
    assertEquals(ExitCodes.ERROR, bare.code());
    assertTrue(bare.err().startsWith("Usage: newsdesk"), bare.err());
  }

  @Test
  void debugShowsTheStackTrace() {
    String[] args = onIndex("search", "\"unbalanced", "--debug");
    CliRun r = run(args);
    assertEquals(ExitCodes.ERROR, r.code());
    assertTrue(r.err().lines().count() > 3 && r.err().contains("\tat "), r.err());
  }

  @Test
  void badDatesAreUsageErrorsThatShowTheForms() {
    for (String bad : List.of("2020-13", "2020-02-30", "yesterday", "20-09-27")) {
      CliRun r = run(onIndex("search", "ceasefire", "--from", bad));
      assertEquals(ExitCodes.ERROR, r.code(), bad);
      assertTrue(r.err().contains("bad date '" + bad + "'") && r.err().contains("YYYY-MM-DD, YYYY-MM or YYYY"), r.err());
      assertFalse(r.err().contains("Exception"), r.err());
      assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
      assertTrue(r.err().strip().endsWith("(see 'newsdesk search --help')"), r.err());
    }
    CliRun reversed = run(onIndex("search", "ceasefire", "--from", "2021", "--to", "2020"));
    assertEquals(ExitCodes.ERROR, reversed.code());
    assertTrue(reversed.err().contains("is after"), reversed.err());
  }

  @Test
  void entityFlagsTakeAnAlias() {
    assertEquals(Set.of("cl-2021-01-11-002", "hct-2020-10-23-041", "mw-2020-10-12-022"),
        Set.copyOf(ids("search", "ceasefire", "--ids", "--person", "Putin")));
    assertEquals(List.of("mw-2020-10-12-022"), ids("search", "ceasefire", "--ids", "--person", "Sergei Lavrov"));
  }

  @Test
  void anUnknownEntityGetsAClearMessageAndASuggestion() {
    CliRun r = run(onIndex("search", "ceasefire", "--person", "Putn"));
    assertEquals(ExitCodes.ERROR, r.code());
    assertOneLine(r.err());
    assertEquals("newsdesk: unknown person \"Putn\": did you mean \"Vladimir Putin\"?", r.err().strip());
    CliRun place = run(onIndex("search", "ceasefire", "--person", "Karabakh"));
    assertEquals(ExitCodes.ERROR, place.code());
    assertOneLine(place.err());
    assertEquals("newsdesk: unknown person \"Karabakh\": it is a location (Nagorno-Karabakh)", place.err().strip());
  }

  @Test
  void aMisspellingGetsDidYouMean() throws Exception {
    CliRun r = run(onIndex("search", "ceasfire"));
    assertEquals(ExitCodes.NO_HITS, r.code(), r.err());
    assertEquals("Did you mean: ceasefire?", r.lines().get(0));
    JsonNode doc = new ObjectMapper().readTree(run(onIndex("search", "ceasfire", "--json")).out());
    assertEquals("ceasefire", doc.get("suggestion").asText());
  }

  @Test
  void facetsCountHitsPerEntitySourceAndMonth() throws Exception {
    CliRun r = run(onIndex("search", "ceasefire", "--facets", "--limit", "1"));
    assertTrue(r.out().contains("date: 2020-10 (3)\u00a0· 2020-12 (1)\u00a0· 2021-01 (1)"), r.out());
    JsonNode facets = new ObjectMapper().readTree(run(onIndex("search", "ceasefire", "--facets", "--json")).out()).get("facets");
    assertEquals(5, facets.get("source").findValues("count").stream().mapToInt(JsonNode::asInt).sum());
    JsonNode first = facets.get("person").get(0);
    assertTrue(first.get("value").isTextual() && first.get("label").isTextual() && first.get("count").isIntegralNumber(), first.toString());
  }

  private static void assertOneLine(String err) {
    assertEquals(1, err.strip().lines().count(), "one line: " + err);
    assertFalse(err.contains("\tat "), "no stack trace: " + err);
  }

  /** A date range over undated articles finds nothing; the search says how many it left out, rather than "0 hits". */
  @Test
  void aDateRangeThatLeavesOutUndatedMatchesSaysSo(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
      throws Exception {
    java.nio.file.Path src = java.nio.file.Files.writeString(tmp.resolve("feed.jsonl"),
        "{\"id\":\"u1\",\"body\":\"Talks on the harbour.\"}\n{\"id\":\"u2\",\"body\":\"More harbour talks.\"}\n"
            + "{\"id\":\"d1\",\"published\":\"2019-05-01\",\"body\":\"Harbour talks in May.\"}\n");
    String index = tmp.resolve("index").toString();
    assertEquals(ExitCodes.OK, run("index", src.toString(), "--index", index, "-q").code());
    CliRun r = run("search", "harbour", "--from", "2020", "--index", index, "--color", "never");
    assertEquals(ExitCodes.NO_HITS, r.code());
    assertTrue(r.out().contains("2 articles match without the date range but have no date: --from and --to leave"
        + " undated articles out."), r.out());
    CliRun count = run("search", "harbour", "--to", "2018", "--index", index, "--count");
    assertEquals("0", count.out().strip());
    assertTrue(count.err().contains("newsdesk: 2 articles match without the date range"), count.err());
    CliRun dated = run("search", "harbour", "--from", "2019", "--index", index, "--color", "never");
    assertEquals(ExitCodes.OK, dated.code());
    assertFalse(dated.out().contains("no date"), "hits: no notice: " + dated.out());
    CliRun none = run("search", "lighthouse", "--from", "2019", "--index", index, "--color", "never");
    assertFalse(none.out().contains("no date"), "no undated match: no notice: " + none.out());
  }

  /** A query of stop words only can find nothing; the search says why instead of a bare "0 hits". */
  @Test
  void aQueryOfStopWordsOnlySaysWhyItFindsNothing() {
    CliRun r = run(onIndex("search", "the", "--color", "never"));
    assertEquals(ExitCodes.NO_HITS, r.code());
    assertTrue(r.out().contains("\"the\" has only stop words (the, of, to, ...), which are too common to be indexed"),
        r.out());
    CliRun count = run(onIndex("search", "\"to be or not to be\"", "--count"));
    assertEquals("0", count.out().strip());
    assertTrue(count.err().contains("newsdesk: \"to be or not to be\" has only stop words"), count.err());
    assertTrue(run(onIndex("search", "it's", "--color", "never")).out().contains("has only stop words"));
    assertFalse(run(onIndex("search", "the", "ceasefire", "--color", "never")).out().contains("stop words"));
    assertTrue(run(onIndex("search", "'the'", "--color", "never")).out().contains("\"'the'\" has only stop words"),
        "quotes around a word are no part of it");
    assertTrue(run(onIndex("search", "title:the", "--color", "never")).out().contains("\"title:the\" has only stop words"),
        "a text field's name is no word of the query");
    assertTrue(run(onIndex("search", "\"to be\" or not", "--color", "never")).out()
        .contains("'\"to be\" or not' has only stop words"), "a phrase among words is quoted whole");
    assertFalse(run(onIndex("search", "source:the", "--color", "never")).out().contains("stop words"),
        "a source or an entity is matched as given");
  }
}

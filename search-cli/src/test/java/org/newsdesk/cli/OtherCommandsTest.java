package org.newsdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.junit.jupiter.api.Test;

/** {@code show}, {@code stats}, {@code completion}, help and version, end to end. */
class OtherCommandsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void showPrintsTheWholeArticleWithItsEntities() {
    CliRun r = run(onIndex("show", "mw-2020-10-12-022"));
    assertEquals(ExitCodes.OK, r.code(), r.err());
    assertTrue(r.out().startsWith("Sergei Lavrov says Russia could send military observers"), r.out());
    assertTrue(r.out().contains("2020-10-12T11:05:00+03:00\u0020· Meridian Wire"), r.out());
    assertTrue(r.out().contains("Sergey Lavrov (5)"), "entities with mention counts (the surname alone counts after the full name): " + r.out());
    assertTrue(r.out().contains("https://www.meridianwire.example/world/2020/10/12/lavrov-urges-observance-of-karabakh-truce"), r.out());
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
    for (String command : List.of("search", "show", "timeline", "stats", "completion")) {
      assertTrue(run(command, "--help").out().contains("Examples:"), command);
    }
    assertTrue(run("--help").out().contains("Examples:"));
  }

  @Test
  void versionNamesNewsdeskAndLucene() {
    CliRun r = run("--version");
    assertEquals(ExitCodes.OK, r.code());
    assertTrue(r.out().startsWith("newsdesk ") && r.out().contains("Lucene 9.12.3"), r.out());
  }

  @Test
  void completionScriptsCoverCommandsAndOptionsAndTheCommittedCopiesAreCurrent() throws Exception {
    CliRun bash = run("completion", "bash");
    assertEquals(ExitCodes.OK, bash.code(), bash.err());
    assertTrue(bash.out().contains("complete -F") && bash.out().contains("timeline") && bash.out().contains("--person"), "bash script");
    CliRun zsh = run("completion", "zsh");
    assertTrue(zsh.out().startsWith("#compdef newsdesk") && zsh.out().contains("bashcompinit"), "zsh script");
    Path dir = CliRun.repo().resolve("completions");
    assertEquals(bash.out(), Files.readString(dir.resolve("newsdesk.bash"), StandardCharsets.UTF_8),
        "completions/newsdesk.bash is stale: regenerate with `./newsdesk completion bash > completions/newsdesk.bash`");
    assertEquals(zsh.out(), Files.readString(dir.resolve("_newsdesk"), StandardCharsets.UTF_8),
        "completions/_newsdesk is stale: regenerate with `./newsdesk completion zsh > completions/_newsdesk`");
    assertEquals(ExitCodes.ERROR, run("completion", "fish").code());
  }
}

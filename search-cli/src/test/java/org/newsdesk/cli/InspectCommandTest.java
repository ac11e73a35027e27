package org.newsdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code newsdesk inspect} end to end, through picocli with captured output. */
class InspectCommandTest {
  @TempDir Path dir;

  private record Result(int code, String out, String err) {
    List<String> errLines() {
      return err.lines().toList();
    }
  }

  private static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = NewsdeskCli.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  @BeforeEach
  void writeInputs() throws IOException {
    Files.writeString(dir.resolve("story.txt"), " date 2021-03-14  icon aicon bicon cicon dicon\n"
        + "Harbour city opens a floating library\n\n14 Mar, 2021 09:05\n"
        + "FILE PHOTO. Visitors on the pier. \u00a9Maria Lind / City Press\n"
        + "The floating library opened on Sunday in the old harbour.\n\nThousands of visitors came aboard.\n");
    Files.writeString(dir.resolve("feed.jsonl"),
        "{\"id\":\"w1\",\"title\":\"Rail strike called off\",\"published\":\"2021-05-02\",\"url\":\"https://n.example.org/a\","
            + "\"source\":\"Example News\",\"body\":\"The unions called off the strike after talks with Vladimir Putin.\"}\n"
            + "{\"id\":7,\"body\":\"wrong type\"}\n"
            + "{\"id\":\"w3\",\"published\":\"not a date\",\"body\":\"The council met and the vote was held on the budget.\"}\n");
  }

  @Test
  void jsonLinesHaveTheDocumentedKeys() throws IOException {
    Result r = run("inspect", "--json", dir.toString());
    List<JsonNode> lines = new ArrayList<>();
    for (String line : r.out().lines().toList()) {
      lines.add(Json.MAPPER.readTree(line));
    }
    assertEquals(3, lines.size(), r.out());
    for (JsonNode n : lines) {
      for (String key : List.of("id", "file", "url", "source", "title", "published", "caption", "credit", "language", "body")) {
        assertTrue(n.has(key), key + " in " + n);
      }
      for (String type : List.of("person", "location", "organization")) {
        assertTrue(n.get("entities").get(type).isArray(), type + " in " + n);
      }
    }
    JsonNode w1 = lines.get(0);
    assertEquals("w1", w1.get("id").asText());
    assertEquals(dir.resolve("feed.jsonl") + ":1", w1.get("file").asText());
    assertEquals("https://n.example.org/a", w1.get("url").asText());
    assertEquals("Example News", w1.get("source").asText());
    assertEquals("2021-05-02", w1.get("published").asText());
    assertEquals("en", w1.get("language").asText());
    assertEquals("[\"Vladimir Putin\"]", w1.get("entities").get("person").toString(), w1.toString());
    JsonNode w3 = lines.get(1);
    assertTrue(w3.get("published").isNull(), "kept as undated");
    JsonNode story = lines.get(2);
    assertEquals("story", story.get("id").asText());
    assertEquals("Harbour city opens a floating library", story.get("title").asText());
    assertEquals("2021-03-14T09:05:00Z", story.get("published").asText());
    assertEquals("Visitors on the pier.", story.get("caption").asText());
    assertEquals("Maria Lind / City Press", story.get("credit").asText());
  }

  @Test
  void problemsGoToStderrWithLocationAndASummaryLine() {
    Result r = run("inspect", "--json", dir.toString());
    List<String> err = r.errLines();
    assertEquals(List.of(
        "newsdesk: skipped " + dir.resolve("feed.jsonl") + ":2: field \"id\" must be a string, got number",
        "newsdesk: warning " + dir.resolve("feed.jsonl") + ":3: cannot parse \"published\" value 'not a date' as a date;"
            + " kept as undated",
        "newsdesk: inspected 2 files: 3 articles, 1 skipped, 1 warning"), err);
    assertEquals(ExitCodes.NO_HITS, r.code(), "something was skipped");
  }

  @Test
  void readableSummaryWithoutJson() throws IOException {
    Files.delete(dir.resolve("feed.jsonl"));
    Result r = run("inspect", dir.resolve("story.txt").toString());
    assertEquals(ExitCodes.OK, r.code(), r.err());
    assertTrue(r.out().contains("  title:     Harbour city opens a floating library"), r.out());
    assertTrue(r.out().contains("  published: 2021-03-14T09:05:00Z"), r.out());
    assertTrue(r.out().contains("  language:  en"), r.out());
    assertTrue(r.out().contains("  credit:    Maria Lind / City Press"), r.out());
    assertTrue(r.out().contains("  source:    (none)") && r.out().contains("  url:       (none)"), "no Java null: " + r.out());
    assertTrue(!r.out().contains("null") && !r.out().contains("={"), "no Java null or map: " + r.out());
    assertEquals("newsdesk: inspected 1 file: 1 article, 0 skipped, 0 warnings", r.err().strip());
  }

  @Test
  void formatOverridesDetection() throws IOException {
    Path misnamed = Files.writeString(dir.resolve("notes.dat"), "Snow closes passes\n\nHeavy snow closed the passes.\n");
    Result detected = run("inspect", misnamed.toString());
    assertTrue(detected.err().contains("notes.dat: unknown format (by name and content); use --format"), detected.err());
    assertEquals(ExitCodes.NO_HITS, detected.code());
    Result forced = run("inspect", "--json", "--format", "raw", misnamed.toString());
    assertEquals(ExitCodes.OK, forced.code(), forced.err());
    assertEquals("Snow closes passes", Json.MAPPER.readTree(forced.out()).get("title").asText());
  }

  @Test
  void sgmlIsRecognisedByContentWhateverItsName() throws IOException {
    Path trec = Files.writeString(dir.resolve("collection.dat"),
        "<DOC>\n<DOCNO> X-1 </DOCNO>\n<HEADLINE>Snow closes passes</HEADLINE>\n<TEXT>\nHeavy snow closed the passes.\n</TEXT>\n</DOC>\n");
    Result r = run("inspect", "--json", trec.toString());
    assertEquals(ExitCodes.OK, r.code(), r.err());
    assertEquals("X-1", Json.MAPPER.readTree(r.out()).get("id").asText());
  }

  @Test
  void unknownFormatIsAUsageError() {
    Result r = run("inspect", "--format", "docx", dir.toString());
    assertEquals(ExitCodes.ERROR, r.code());
    assertTrue(r.err().contains("unknown format 'docx': use raw, jsonl, html, warc, trec or reuters"), r.err());
    assertEquals("", r.out());
  }

  @Test
  void touchesNoIndex() throws IOException {
    List<Path> before;
    try (Stream<Path> s = Files.walk(dir)) {
      before = s.sorted().toList();
    }
    run("inspect", dir.toString());
    try (Stream<Path> s = Files.walk(dir)) {
      assertEquals(before, s.sorted().toList());
    }
  }

  @Test
  void seedThroughTheCommandLine() throws IOException {
    Path seed = Path.of(System.getProperty("newsdesk.shared",
        Path.of(System.getProperty("newsdesk.repo", "."), "..", "shared").toString()), "seeds", "000_5656936dd5975890.txt");
    assumeTrue(Files.exists(seed), "../shared/seeds not present; skipping");
    Result r = run("inspect", "--json", seed.toString());
    JsonNode n = Json.MAPPER.readTree(r.out());
    assertEquals("Russia insists all military action in Nagorno-Karabakh should stop, Putin tells Armenia's Pashinyan",
        n.get("title").asText());
    assertEquals("2020-09-27T17:38:00Z", n.get("published").asText());
    assertEquals("Russian President Vladimir Putin shakes hands with Armenian Prime Minister Nikol Pashinyan.",
        n.get("caption").asText());
    assertEquals("Yuri Kochetkov / Pool via REUTERS", n.get("credit").asText());
    assertTrue(n.get("body").asText().startsWith("All efforts should be undertaken"));
    assertTrue(n.get("body").asText().endsWith("their dispute over Nagorno-Karabakh."));
    assertFalse(n.get("body").asText().contains("FILE PHOTO"));
    assertEquals("en", n.get("language").asText());
  }

  @Test
  void stopsReadingWhenNothingReadsTheOutput() throws IOException {
    for (int i = 0; i < 50; i++) {
      Files.writeString(dir.resolve("more-" + i + ".txt"), "Story number " + i + "\n\nThe council met on Monday and voted.\n");
    }
    // a reader that takes one line and goes away, as `| head -1` does
    StringBuilder got = new StringBuilder();
    java.io.Writer headOne = new java.io.Writer() {
      @Override
      public void write(char[] chars, int off, int len) throws IOException {
        if (got.indexOf("\n") >= 0) {
          throw new IOException("Broken pipe");
        }
        got.append(chars, off, len);
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    StringWriter err = new StringWriter();
    int code = NewsdeskCli.commandLine(new PrintWriter(headOne), new PrintWriter(err)).execute("inspect", "--json",
        dir.toString());
    assertEquals(ExitCodes.OK, code);
    assertTrue(got.toString().startsWith("{\"id\":"), got.toString());
    // it stopped there: the end-of-run summary, printed after the last file, never came
    assertFalse(err.toString().contains("newsdesk: inspected "), err.toString());
  }

  /** {@code curl -s URL | newsdesk inspect -}: standard input is read like a file, and named {@code <stdin>}. */
  @Test
  void dashReadsStandardInputAndNamesIt() throws IOException {
    java.io.InputStream saved = System.in;
    try {
      ByteArrayOutputStream gz = new ByteArrayOutputStream();
      try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(gz)) {
        out.write(("{\"id\":\"p1\",\"title\":\"Pier reopens\",\"body\":\"The pier reopened after repairs.\"}\n"
            + "{\"id\":2,\"body\":\"wrong type\"}\n").getBytes(StandardCharsets.UTF_8));
      }
      System.setIn(new ByteArrayInputStream(gz.toByteArray()));
      Result r = run("inspect", "--json", "-", dir.resolve("story.txt").toString());
      List<JsonNode> lines = new ArrayList<>();
      for (String line : r.out().lines().toList()) {
        lines.add(Json.MAPPER.readTree(line));
      }
      assertEquals(List.of("<stdin>:1", dir.resolve("story.txt").toString()),
          lines.stream().map(n -> n.get("file").asText()).toList(), r.out());
      assertTrue(r.err().contains("newsdesk: skipped <stdin>:2: field \"id\" must be a string"), r.err());
      assertTrue(r.err().contains("inspected 2 files: 2 articles, 1 skipped"), r.err());
      assertEquals(1, r.code());

      System.setIn(new ByteArrayInputStream("Pier reopens\n\nThe pier reopened after repairs.\n".getBytes(StandardCharsets.UTF_8)));
      Result raw = run("inspect", "-");
      assertTrue(raw.out().startsWith("<stdin>\n") || raw.out().startsWith("<stdin>\r\n"), raw.out());
      assertTrue(raw.out().contains("id:        stdin"), raw.out());
      assertEquals(0, raw.code(), raw.err());

      Result twice = run("inspect", "-", "-");
      assertEquals(2, twice.code());
      assertTrue(twice.err().contains("can be read once"), twice.err());
    } finally {
      System.setIn(saved);
    }
  }
}

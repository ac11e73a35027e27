package org.newsdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.search.NewsSearcher;
import org.newsdesk.search.SearchHit;
import org.newsdesk.search.SearchRequest;

/**
 * The whole bad-input corpus goes through {@code newsdesk index} and {@code newsdesk rebuild} at once: the small cases
 * are test resources ({@code bad-inputs/}: malformed, truncated and wrongly typed JSON lines, truncated gzip and WARC,
 * binary files named .txt/.html/.jsonl, empty files and bodiless articles, Latin-1, Windows-1252, a BOM and invalid
 * UTF-8, unparseable and future dates); the large ones are generated here (a huge article, a 1 MB single line,
 * HTML nested 100,000 deep, a symlink loop, an unreadable file, and a directory of many tiny files, which only the
 * {@code index} run and the second, incremental rebuild get, to keep the run short). Each problem is
 * reported with its file (and line or record) and reason and counted, the run goes on to the end with exit code 1,
 * and the articles indexed before are all still there, found by the same exact searches.
 *
 * <p>Sizes: {@code -Dnewsdesk.robust.heavy=true} uses the issue's full sizes (a 50 MB article, 100,000 tiny files);
 * the default run uses a 4 MB article and 10,000 tiny files to stay within the test-time budget
 * ({@code -Dnewsdesk.robust.hugeArticleMb=N} and {@code -Dnewsdesk.robust.tinyFiles=N} set each on its own).
 */
class BadInputRobustnessTest {
  private static final boolean HEAVY = Boolean.getBoolean("newsdesk.robust.heavy");
  private static final int HUGE_MB = Integer.getInteger("newsdesk.robust.hugeArticleMb", HEAVY ? 50 : 4);
  private static final int TINY_FILES = Integer.getInteger("newsdesk.robust.tinyFiles", HEAVY ? 100_000 : 10_000);

  @TempDir Path tmp;

  @Test
  void everyBadInputIsReportedAndCountedAndNothingIndexedBeforeIsLost() throws Exception {
    Path base = tmp.resolve("base");
    RebuildFixture.writeCorpus(base, 2, 30, 5);
    Path bad = badCorpus(tmp.resolve("bad"));
    Path tiny = tinyFiles(tmp.resolve("tiny"));
    Path huge = hugeArticle(tmp.resolve("huge"));
    long badFiles;
    try (Stream<Path> all = Files.walk(bad)) {
      badFiles = all.filter(p -> !Files.isDirectory(p)).count();
    }

    // index: the bad corpus and the tiny files are added to an index that already holds the baseline.
    Path indexA = tmp.resolve("index-a");
    assertEquals(0, RebuildFixture.run("rebuild", base.toString(), "--index", indexA.toString(), "-q").code());
    List<String> before = RebuildFixture.contents(indexA);
    RebuildFixture.Result indexed = RebuildFixture.run("index", bad.toString(), tiny.toString(), huge.toString(), "--index",
        indexA.toString(), "--json", "-q");
    JsonNode ir = checkReport("index", indexed, bad, true);
    assertBaselineIntact(before, indexA, ir.get("added").asLong(), true);

    // rebuild over the same sources: unchanged files are not re-read, but their problems are reported again.
    RebuildFixture.Result again = RebuildFixture.run("rebuild", base.toString(), bad.toString(), tiny.toString(), huge.toString(),
        "--index", indexA.toString(), "--json", "-q");
    JsonNode ar = checkReport("rebuild", again, bad, false);
    assertEquals(0, ar.get("added").asLong() + ar.get("updated").asLong() + ar.get("deleted").asLong(), ar.toString());
    assertEquals(ir.get("errors").size(), ar.get("errors").size(), "the same problems are reported");
    assertBaselineIntact(before, indexA, ir.get("added").asLong(), true);

    // rebuild from scratch: the baseline and the bad corpus as the sources of a second index (the tiny files and the
    // huge article only in the heavy run: the index run above already read them through the same code).
    Path indexB = tmp.resolve("index-b");
    assertEquals(0, RebuildFixture.run("rebuild", base.toString(), "--index", indexB.toString(), "-q").code());
    List<String> sources = new ArrayList<>(List.of("rebuild", base.toString(), bad.toString()));
    if (HEAVY) {
      sources.addAll(List.of(tiny.toString(), huge.toString()));
    }
    sources.addAll(List.of("--index", indexB.toString(), "--json", "-q"));
    RebuildFixture.Result rebuilt = RebuildFixture.run(sources.toArray(String[]::new));
    JsonNode rr = checkReport("rebuild", rebuilt, bad, true);
    assertEquals(0, rr.get("deleted").asLong(), "nothing is deleted because of bad input");
    assertEquals(60, rr.get("unchanged").asLong(), "the baseline articles are untouched");
    assertBaselineIntact(before, indexB, rr.get("added").asLong(), HEAVY);
    assertEquals(ir.get("added").asLong() - (HEAVY ? 0 : TINY_FILES + 1), rr.get("added").asLong(),
        "index and rebuild take the same articles");
    assertEquals(ir.get("skipped").asLong(), rr.get("skipped").asLong(), "index and rebuild skip the same inputs");

    System.out.printf(Locale.ROOT, "bad inputs: %d files plus %d tiny files (a %d MB article), fed to index and rebuild;"
        + " %d problems reported per run (%d skipped); articles lost: 0%n", badFiles, TINY_FILES, HUGE_MB,
        ir.get("errors").size(), ir.get("skipped").asLong());
  }

  /** Checks one run's report against the corpus; returns it. */
  private static JsonNode checkReport(String command, RebuildFixture.Result run, Path bad, boolean commits) throws IOException {
    assertEquals(1, run.code(), command + " finishes, with exit code 1 because inputs were skipped: " + run.err());
    JsonNode r = Json.MAPPER.readTree(run.out());
    assertEquals(commits, r.get("committed").asBoolean(), "the good inputs are committed, and only when there are new ones");
    List<Problem> problems = new ArrayList<>();
    long skipped = 0;
    for (JsonNode e : r.get("errors")) {
      Problem p = new Problem(e.get("file").asText(), e.get("line").isNull() ? null : e.get("line").asLong(),
          e.get("record").isNull() ? null : e.get("record").asText(), e.get("kind").asText(), e.get("reason").asText(),
          e.get("skipped").asBoolean());
      assertTrue(p.file.startsWith(bad.toString()), "problem names its file: " + p);
      assertFalse(p.reason.isBlank(), "problem has a reason: " + p);
      assertFalse(p.reason.contains("\n") || p.reason.contains("Exception"), "reason is one plain line: " + p);
      problems.add(p);
      skipped += p.skipped ? 1 : 0;
    }
    assertEquals(skipped, r.get("skipped").asLong(), "every skipped input is counted");
    long byReason = 0;
    for (JsonNode n : r.get("skipped_by_reason")) {
      byReason += n.asLong();
    }
    assertEquals(skipped, byReason);

    Expect x = new Expect(problems, bad);
    x.line("json/malformed.jsonl", 2, "bad_json", "Unexpected end-of-input");
    x.line("json/malformed.jsonl", 3, "bad_record", "\"id\" must be a string, got number");
    x.line("json/malformed.jsonl", 4, "bad_record", "\"body\" must be a string, got array");
    x.line("json/malformed.jsonl", 5, "bad_json", "expected a JSON object");
    x.line("json/malformed.jsonl", 6, "bad_json", "invalid JSON");
    x.line("json/malformed.jsonl", 7, "bad_record", "\"title\" must be a string, got object");
    x.line("json/malformed.jsonl", 8, "no_body", "\"body\" is missing");
    x.line("json/malformed.jsonl", 9, "no_body", "\"body\" is empty");
    x.warning("json/malformed.jsonl", 10, "future_date", "2999-01-01");
    x.warning("json/malformed.jsonl", 11, "undated", "the day after tomorrow");
    x.line("json/malformed.jsonl", 12, "bad_record", "\"published\" must be a string");
    x.line("json/malformed.jsonl", 13, "bad_json", "expected a JSON object");
    x.line("json/malformed.jsonl", 14, "bad_record", "\"id\" is empty");
    x.line("json/malformed.jsonl", 15, "bad_json", "Trailing token after the JSON object");
    x.file("json/cut-off.jsonl", "truncated", "file ends inside line 2");
    x.warning("json/cp1252-line.jsonl", 1, "bad_encoding", "Windows-1252");
    x.warning("text/latin1.txt", 1, "bad_encoding", "Windows-1252");
    x.warning("text/windows-1252.txt", 1, "bad_encoding", "Windows-1252");
    x.warning("text/invalid-utf8.txt", 3, "bad_encoding", "Windows-1252");
    x.file("binary/photo.txt", "binary_file", "binary");
    x.file("binary/page.html", "binary_file", "binary");
    x.file("binary/archive.jsonl", "binary_file", "binary");
    x.file("empty/empty.txt", "empty_file", "empty");
    x.file("empty/empty.jsonl", "empty_file", "empty");
    x.file("empty/blank.html", "empty_file", "empty");
    x.file("empty/whitespace.txt", "empty_file", "empty");
    x.file("empty/no-body.html", "no_body", "no article text");
    x.file("empty/title-only.txt", "no_body", "no article body");
    x.file("gz/cut.jsonl.gz", "truncated", "articles before that point were kept");
    x.warningFile("gz/not-gzip.jsonl.gz", "bad_encoding", "not gzip data, though the name ends in .gz; read as it is");
    x.record("warc/cut.warc", "3", "truncated", "records before it were kept");
    x.record("warc/cut.warc.gz", "3", "truncated", "records before it were kept");
    x.warningFile("dates/bad-date.html", "undated", "no parseable date");
    // An HTML page's date is only believed when plausible: a year 2999 page is read as undated.
    x.warningFile("dates/future-date.html", "undated", "no parseable date");
    x.file("big/loop", "unreadable", "symbolic link loop");
    x.unreadable();
    // The two WARC files hold the same first two pages (same URLs, so the same ids): flagged, kept once.
    assertEquals(2, problems.stream().filter(p -> p.kind.equals("duplicate_id") && p.file.contains("/warc/cut.warc")).count(),
        "duplicate ids are flagged: " + problems);
    x.nothingFor("json/bom.jsonl");
    x.nothingFor("text/bom.txt");
    return r;
  }

  /** The baseline's count and exact searches are as before, and the good parts of the bad corpus were added. */
  private static void assertBaselineIntact(List<String> before, Path index, long added, boolean withLarge) {
    try (NewsSearcher s = NewsSearcher.open(index)) {
      long total = s.search(SearchRequest.of("").withLimit(1)).total();
      long baseline = Long.parseLong(before.get(0).substring("total=".length()));
      assertEquals(baseline + added, total, "count = baseline + added");
      for (int q = 0; q < RebuildFixture.QUERIES.size(); q++) {
        List<String> ids = new ArrayList<>();
        for (SearchHit h : s.search(SearchRequest.of(RebuildFixture.QUERIES.get(q)).withLimit(SearchRequest.MAX_LIMIT)).hits()) {
          if (h.id().matches("a[01]-\\d+")) {
            ids.add(h.id());
          }
        }
        ids.sort(null);
        assertEquals(before.get(q + 1), RebuildFixture.QUERIES.get(q) + "=" + ids, "baseline hits unchanged");
      }
      for (int f = 0; f < 2; f++) {
        for (int i = 0; i < 30; i++) {
          assertTrue(s.get("a" + f + "-" + i).isPresent(), "baseline article a" + f + "-" + i + " is still there");
        }
      }
      // The good parts of the bad corpus: decoded right, and the large ones searchable.
      assertTitle(s, "café", "Tidewater café reopens");
      assertTitle(s, "fares", "\u201cTidewater\u201d fares rise");
      assertTitle(s, "tables", "Tidewater tide tables published");
      if (withLarge) {
        assertEquals(1, s.search(SearchRequest.of("zebrafinchend")).total(), "the huge article is searchable to its end");
      }
      assertTrue(s.search(SearchRequest.of("deepnestedword")).total() == 1, "the deeply nested page's text is indexed");
      assertTrue(s.search(SearchRequest.of("longlinetail")).total() >= 1, "the 1 MB line is indexed");
      if (withLarge) {
        assertEquals(TINY_FILES, s.search(SearchRequest.of("tinynote").withLimit(1)).total(), "every tiny file is indexed");
      }
      assertTrue(s.get("bad-good-4").isPresent(), "a JSON line after a BOM is read");
      assertTrue(s.get("bad-good-5").isPresent(), "a file named .gz that is not gzip is read as it is");
      assertTrue(s.get("bad-future").isPresent() && s.get("bad-undated").isPresent(), "flagged articles are kept");
      assertTrue(s.search(SearchRequest.of("estuary timetable")).total() >= 2, "WARC records before the cut are kept");
    }
  }

  private static void assertTitle(NewsSearcher s, String query, String title) {
    List<String> titles = s.search(SearchRequest.of("title:" + query)).hits().stream().map(SearchHit::title).toList();
    assertTrue(titles.contains(title), "'" + title + "' in " + titles);
  }

  /** The resources plus the generated large cases, in one directory. */
  private Path badCorpus(Path bad) throws IOException, URISyntaxException {
    Path resources = Path.of(BadInputRobustnessTest.class.getResource("bad-inputs").toURI());
    try (Stream<Path> files = Files.walk(resources)) {
      for (Path f : files.toList()) {
        Path to = bad.resolve(resources.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(to);
        } else {
          Files.copy(f, to);
        }
      }
    }
    Path big = Files.createDirectories(bad.resolve("big"));
    Random random = new Random(9);
    String[] words = "the harbour pilot said the tidewater channel was dredged before the spring tides came in".split(" ");
    StringBuilder longLine = new StringBuilder(1 << 20);
    while (longLine.length() < 1 << 20) {
      longLine.append(words[random.nextInt(words.length)]).append(' ');
    }
    longLine.append("longlinetail");
    Files.writeString(big.resolve("one-line.jsonl"), "{\"id\":\"bad-long-line\",\"title\":\"One long line\",\"body\":\"" + longLine + "\"}");
    Files.writeString(big.resolve("one-line.txt"), "One long line of tidewater text " + longLine);
    StringBuilder nested = new StringBuilder("<!doctype html><html><head><title>Deep page</title><meta property=\"article:published_time\" content=\"2021-05-03\"></head><body>");
    nested.append("<div>".repeat(100_000)).append("<p>The deepnestedword sits at the bottom of a very deep page about the harbour.</p>")
        .append("</div>".repeat(100_000)).append("</body></html>");
    Files.writeString(big.resolve("nested.html"), nested);
    Files.createSymbolicLink(big.resolve("loop"), Path.of("."));
    unreadableFile(big);
    return bad;
  }

  /** One huge raw-text article whose last sentence holds a word found nowhere else. */
  private static Path hugeArticle(Path dir) throws IOException {
    Path big = Files.createDirectories(dir);
    Random random = new Random(11);
    String[] words = "the harbour pilot said the tidewater channel was dredged before the spring tides came in".split(" ");
    try (BufferedWriter w = Files.newBufferedWriter(big.resolve("huge.txt"), StandardCharsets.UTF_8)) {
      w.write("A very long tidewater chronicle\n27 Sep, 2020 17:38\n");
      long limit = (long) HUGE_MB << 20;
      for (long n = 0; n < limit; ) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < 14; i++) {
          line.append(words[random.nextInt(words.length)]).append(' ');
        }
        line.append("end.\n");
        w.write(line.toString());
        n += line.length();
      }
      w.write("The chronicle closes with zebrafinchend.\n");
    }
    return dir;
  }

  /** A directory of many tiny, valid articles, a thousand per subdirectory. */
  private static Path tinyFiles(Path tiny) throws IOException {
    for (int i = 0; i < TINY_FILES; i++) {
      Path dir = Files.createDirectories(tiny.resolve(String.format(Locale.ROOT, "%03d", i / 1000)));
      Files.writeString(dir.resolve("n" + i + ".txt"), "Tiny note " + i + "\n27 Sep, 2020 17:38\nA tinynote about tide " + i + ".\n");
    }
    return tiny;
  }

  /**
   * A file the builder cannot read. Not root: mode 000. Root reads through any mode, so there the file is a link to
   * {@code /proc/self/mem}, which stats as a regular file and fails every read with an I/O error.
   */
  private static void unreadableFile(Path dir) throws IOException {
    Path file = dir.resolve("unreadable.txt");
    if (!isRoot()) {
      Files.writeString(file, "Secret\n\nNobody may read this.\n");
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
    } else if (Files.exists(Path.of("/proc/self/mem"))) {
      Files.createSymbolicLink(file, Path.of("/proc/self/mem"));
    } else {
      System.out.println("unreadable file case skipped: running as root (mode 000 does not stop root) and no /proc/self/mem");
    }
  }

  static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  /** One reported problem. */
  private record Problem(String file, Long line, String record, String kind, String reason, boolean skipped) {}

  /** Looks problems up by file, relative to the bad corpus. */
  private record Expect(List<Problem> problems, Path bad) {
    private List<Problem> of(String rel) {
      String file = bad.resolve(rel).toString();
      return problems.stream().filter(p -> p.file.equals(file)).toList();
    }

    void line(String rel, long line, String kind, String reason) {
      find(rel, line, null, kind, reason, true);
    }

    void warning(String rel, long line, String kind, String reason) {
      find(rel, line, null, kind, reason, false);
    }

    void record(String rel, String record, String kind, String reason) {
      find(rel, null, record, kind, reason, true);
    }

    void file(String rel, String kind, String reason) {
      find(rel, null, null, kind, reason, true);
    }

    void warningFile(String rel, String kind, String reason) {
      find(rel, null, null, kind, reason, false);
    }

    void unreadable() {
      if (isRoot() && !Files.exists(Path.of("/proc/self/mem"))) {
        return;
      }
      find("big/unreadable.txt", null, null, "unreadable", isRoot() ? "Input/output error" : "permission denied", true);
    }

    void nothingFor(String rel) {
      String prefix = bad.resolve(rel).toString();
      List<Problem> found = problems.stream().filter(p -> p.file.startsWith(prefix)).toList();
      assertTrue(found.isEmpty(), "no problem for " + rel + ": " + found);
    }

    private void find(String rel, Long line, String record, String kind, String reason, boolean skipped) {
      List<Problem> candidates = of(rel);
      Problem match = candidates.stream()
          .filter(p -> java.util.Objects.equals(p.line, line) && java.util.Objects.equals(p.record, record) && p.kind.equals(kind))
          .findFirst().orElse(null);
      assertNotNull(match, rel + (line == null ? "" : ":" + line) + (record == null ? "" : "#" + record) + " " + kind
          + " expected among " + candidates);
      assertTrue(match.reason.contains(reason), "'" + reason + "' in " + match);
      assertEquals(skipped, match.skipped, match.toString());
    }
  }
}

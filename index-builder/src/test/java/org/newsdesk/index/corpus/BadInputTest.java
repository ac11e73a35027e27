package org.newsdesk.index.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.index.IndexBuilder;
import org.newsdesk.index.IndexOptions;
import org.newsdesk.index.IndexReport;
import org.newsdesk.model.Article;

/**
 * Bad input through the whole read → clean → tag path, as {@code newsdesk inspect} runs it: each case is reported with
 * its file (and line or record), counted, and the good file next to it is still read.
 */
class BadInputTest {
  private static final String GOOD = "Good article stays readable\n\nThe council said the park will open in May.\n";

  @TempDir Path dir;
  private Path good;

  @BeforeEach
  void writeGoodFile() throws IOException {
    good = Files.writeString(dir.resolve("good.txt"), GOOD);
  }

  /** The outcome of one inspect run. */
  private record Run(List<Article> articles, List<InputProblem> problems, IndexReport report) {
    InputProblem only(Path file) {
      List<InputProblem> found = problems.stream().filter(p -> p.location().startsWith(file.toString())).toList();
      assertEquals(1, found.size(), "problems for " + file + ": " + problems);
      return found.get(0);
    }

    Article article(String originSuffix) {
      return articles.stream().filter(a -> a.origin().endsWith(originSuffix)).findFirst()
          .orElseThrow(() -> new AssertionError("no article from " + originSuffix + " in " + articles));
    }
  }

  private Run inspect() throws IOException {
    Run run = inspect(dir);
    assertTrue(run.articles().stream().anyMatch(a -> a.origin().equals(good.toString())), "the run went on to the good file");
    return run;
  }

  private Run inspect(Path... paths) throws IOException {
    List<Article> articles = Collections.synchronizedList(new ArrayList<>());
    List<InputProblem> problems = Collections.synchronizedList(new ArrayList<>());
    IndexReport report = IndexBuilder.inspect(List.of(paths), IndexOptions.defaults(dir.resolve("unused-index")),
        articles::add, problems::add);
    assertEquals(problems.stream().filter(InputProblem::skipped).count(), report.skippedTotal(), "every skip is counted");
    return new Run(articles, problems, report);
  }

  private static void assertProblem(InputProblem p, String location, InputProblem.Kind kind, boolean skipped, String... words) {
    assertEquals(location, p.location());
    assertEquals(kind, p.kind(), p.toString());
    assertEquals(skipped, p.skipped(), p.toString());
    for (String w : words) {
      assertTrue(p.reason().contains(w), "'" + w + "' in: " + p.reason());
    }
  }

  /** An archive by section ({@code business/001.txt}, {@code sport/001.txt}): every file is its own article. */
  @Test
  void sameFileNameInTwoFoldersGetsTheFoldersInItsId() throws IOException {
    Path a = Files.createDirectories(dir.resolve("2020")).resolve("story.txt");
    Path b = Files.createDirectories(dir.resolve("2021")).resolve("Story.txt.gz");
    Path c = Files.createDirectories(dir.resolve("2021/09")).resolve("story.html");
    Path unique = dir.resolve("2021/other.txt");
    Files.writeString(a, "Budget passes\n\nThe council passed the 2020 budget.\n");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(b))) {
      out.write("Budget fails\n\nThe council rejected the 2021 budget.\n".getBytes(StandardCharsets.UTF_8));
    }
    Files.writeString(c, "<html><head><title>Budget</title></head><body><article><p>The council met again in September"
        + " to talk about the budget, which it had rejected in the spring, and passed it.</p></article></body></html>");
    Files.writeString(unique, "Other news\n\nNothing else happened.\n");
    Run run = inspect();
    assertEquals(List.of(), run.problems().stream().filter(p -> p.kind() == InputProblem.Kind.DUPLICATE_ID).toList(),
        "no duplicate: nothing is lost");
    assertEquals("2020-story", run.article("2020/story.txt").id());
    assertEquals("2021-story", run.article("2021/Story.txt.gz").id());
    assertEquals("2021-09-story", run.article("2021/09/story.html").id());
    assertEquals("other", run.article("2021/other.txt").id(), "a name no other file has is the id");

    // Files given one by one are named below their own folders, never by absolute paths.
    Run separately = inspect(a, b);
    assertEquals("2020-story", separately.article("2020/story.txt").id());
    assertEquals("2021-story", separately.article("2021/Story.txt.gz").id());
  }

  /** Two sources with the same layout are told apart by their names; a link to a file is that file; a clash is said. */
  @Test
  void sameNamesAcrossSourcesLinksAndCase() throws IOException {
    Path one = Files.createDirectories(dir.resolve("wire1/business")).resolve("001.txt");
    Path two = Files.createDirectories(dir.resolve("wire2/business")).resolve("001.txt");
    Files.writeString(one, "Sales rise\n\nSales rose in the first quarter.\n");
    Files.writeString(two, "Sales fall\n\nSales fell in the second quarter.\n");
    Run sources = inspect(dir.resolve("wire1"), dir.resolve("wire2"));
    assertEquals("wire1-business-001", sources.article("wire1/business/001.txt").id());
    assertEquals("wire2-business-001", sources.article("wire2/business/001.txt").id());
    // sources whose own folders share a name: as many of their folders as tell them apart
    Path xFeed = Files.createDirectories(dir.resolve("x/feed/business")).resolve("001.txt");
    Path yFeed = Files.createDirectories(dir.resolve("y/feed/business")).resolve("001.txt");
    Files.writeString(xFeed, "X\n\nThe x feed.\n");
    Files.writeString(yFeed, "Y\n\nThe y feed.\n");
    Run feeds = inspect(dir.resolve("x/feed"), dir.resolve("y/feed"));
    assertEquals("x-feed-business-001", feeds.article("x/feed/business/001.txt").id());
    assertEquals("y-feed-business-001", feeds.article("y/feed/business/001.txt").id());

    // a folder-qualified name that another file's plain name already is: said, naming both
    Path flat = Files.createDirectories(dir.resolve("flat"));
    Files.createDirectories(flat.resolve("a"));
    Files.createDirectories(flat.resolve("b"));
    Files.writeString(flat.resolve("a/001.txt"), "A\n\nThe a story.\n");
    Files.writeString(flat.resolve("b/001.txt"), "B\n\nThe b story.\n");
    Files.writeString(flat.resolve("a-001.txt"), "Flat\n\nThe flat story.\n");
    Run flatRun = inspect(flat);
    List<InputProblem> flatClash = flatRun.problems().stream().filter(p -> p.kind() == InputProblem.Kind.DUPLICATE_ID).toList();
    assertEquals(1, flatClash.size(), flatRun.problems().toString());
    assertTrue(flatClash.get(0).reason().startsWith("same id 'a-001' as "), flatClash.get(0).reason());

    Path linked = Files.createDirectories(dir.resolve("linked"));
    Path real = Files.createDirectories(linked.resolve("real")).resolve("note.txt");
    Files.writeString(real, "A note\n\nThe note says little.\n");
    try {
      Files.createSymbolicLink(linked.resolve("link"), linked.resolve("real"));
    } catch (UnsupportedOperationException | IOException e) {
      Assumptions.abort("no symbolic links here: " + e);
    }
    Run links = inspect(linked);
    assertEquals(List.of("note", "note"), links.articles().stream().map(Article::id).toList(),
        "one file read through a link keeps its one id");

    Path x = Files.createDirectories(dir.resolve("case"));
    Files.writeString(x.resolve("Story.txt"), "Upper\n\nThe first story.\n");
    Files.writeString(x.resolve("story.txt"), "Lower\n\nThe second story.\n");
    Run clash = inspect(x);
    List<InputProblem> said = clash.problems().stream().filter(p -> p.kind() == InputProblem.Kind.DUPLICATE_ID).toList();
    assertEquals(1, said.size(), clash.problems().toString());
    assertTrue(said.get(0).reason().contains("same id 'story' as " + x.resolve("Story.txt")), said.get(0).reason());
  }

  @Test
  void emptyFiles() throws IOException {
    Path txt = Files.write(dir.resolve("empty.txt"), new byte[0]);
    Path jsonl = Files.writeString(dir.resolve("blank.jsonl"), "\n  \n");
    Path warc = Files.write(dir.resolve("empty.warc"), new byte[0]);
    Path gz = Files.write(dir.resolve("nothing.txt.gz"), new byte[0]);
    Path trecGz = Files.write(dir.resolve("nothing.trec.gz"), new byte[0]);
    Run run = inspect();
    // the SGML readers say it as the others do, once
    assertProblem(run.only(trecGz), trecGz.toString(), InputProblem.Kind.EMPTY_FILE, true, "empty file");
    assertProblem(run.only(txt), txt.toString(), InputProblem.Kind.EMPTY_FILE, true, "empty file");
    assertProblem(run.only(jsonl), jsonl.toString(), InputProblem.Kind.EMPTY_FILE, true, "empty file");
    assertProblem(run.only(warc), warc.toString(), InputProblem.Kind.EMPTY_FILE, true, "empty file");
    assertProblem(run.only(gz), gz.toString(), InputProblem.Kind.EMPTY_FILE, true, "empty file");
    assertEquals(5, run.report().skippedTotal());
  }

  /** Text saved as UTF-16 with a byte-order mark (Windows' "Unicode" text) is read, not skipped as binary. */
  @Test
  void utf16TextWithAByteOrderMarkIsRead() throws IOException {
    Path le = Files.write(dir.resolve("notepad.txt"), ("\uFEFFHarbour reopens \uD83D\uDEA2\r\n\r\nThe harbour in Tromsø reopened on"
        + " Monday.\r\n").getBytes(StandardCharsets.UTF_16LE));
    Path be = Files.write(dir.resolve("feed.jsonl"), ("\uFEFF{\"id\":\"u1\",\"body\":\"Dvořák's \u0436 concert.\"}\n")
        .getBytes(StandardCharsets.UTF_16BE));
    Path gz = Files.write(dir.resolve("story.txt.gz"), gzip(("\uFEFFGzipped \u00e9t\u00e9\n\nA long summer.\n")
        .getBytes(StandardCharsets.UTF_16LE)));
    byte[] noise = new byte[3000];
    new java.util.Random(5).nextBytes(noise);
    noise[0] = (byte) 0xFF;
    noise[1] = (byte) 0xFE;
    Path binary = Files.write(dir.resolve("photo.txt"), noise);
    Run run = inspect();
    assertProblem(run.only(binary), binary.toString(), InputProblem.Kind.BINARY_FILE, true, "binary");
    assertEquals(List.of(), run.problems().stream().filter(p -> !p.location().equals(binary.toString())).toList());
    assertEquals("Harbour reopens \uD83D\uDEA2", run.article(le.toString()).title());
    assertEquals("The harbour in Tromsø reopened on Monday.", run.article(le.toString()).body());
    assertEquals("Dvořák's \u0436 concert.", run.article(be + ":1").body());
    assertEquals("Gzipped \u00e9t\u00e9", run.article(gz.toString()).title());
  }

  /** Whether a file is gzip is told by its first bytes: a misnamed {@code .gz} is read as it is, with a warning. */
  @Test
  void gzipIsToldByContentNotByName() throws IOException {
    Path notGzip = Files.writeString(dir.resolve("plain.jsonl.gz"), "{\"id\":\"a\",\"body\":\"Plain lines.\"}\n");
    Path sgmNotGzip = Files.writeString(dir.resolve("plain.sgm.gz"),
        "<DOC>\n<DOCNO> X-1 </DOCNO>\n<TEXT>Plain SGML.</TEXT>\n</DOC>\n");
    Path gzipJsonl = Files.write(dir.resolve("feed.jsonl"),
        gzip("{\"id\":\"b\",\"body\":\"Compressed lines.\"}\n".getBytes(StandardCharsets.UTF_8)));
    Path gzipStory = Files.write(dir.resolve("story"),
        gzip("Storm closes port\n\nThe port closed on Monday as the storm came in.\n".getBytes(StandardCharsets.UTF_8)));
    Path gzipPage = Files.write(dir.resolve("page.html"), gzip(("<html><head><title>Dam opens</title></head><body>"
        + "<article><p>The new dam opened on Tuesday, two years late and well over its budget, officials said.</p>"
        + "</article></body></html>").getBytes(StandardCharsets.UTF_8)));
    Run run = inspect();
    assertProblem(run.only(notGzip), notGzip.toString(), InputProblem.Kind.BAD_ENCODING, false,
        "not gzip data, though the name ends in .gz", "read as it is");
    assertProblem(run.only(sgmNotGzip), sgmNotGzip.toString(), InputProblem.Kind.BAD_ENCODING, false,
        "not gzip data, though the name ends in .gz");
    assertEquals("Plain lines.", run.article("plain.jsonl.gz:1").body());
    assertEquals("Plain SGML.", run.article("plain.sgm.gz:1").body());
    assertEquals("Compressed lines.", run.article("feed.jsonl:1").body());
    assertEquals("Storm closes port", run.article(gzipStory.toString()).title());
    assertEquals("Dam opens", run.article(gzipPage.toString()).title());
    assertEquals(0, run.report().skippedTotal(), run.problems().toString());
    assertEquals(List.of(), run.problems().stream().filter(p -> p.location().startsWith(gzipJsonl.toString())).toList());
  }

  @Test
  void binaryFilesNamedAsText() throws IOException {
    byte[] binary = new byte[4096];
    for (int i = 0; i < binary.length; i++) {
      binary[i] = (byte) (i * 31 + 7);
    }
    Path txt = Files.write(dir.resolve("photo.txt"), binary);
    Path html = Files.write(dir.resolve("photo.html"), binary);
    Run run = inspect();
    assertProblem(run.only(txt), txt.toString(), InputProblem.Kind.BINARY_FILE, true, "binary");
    assertProblem(run.only(html), html.toString(), InputProblem.Kind.BINARY_FILE, true, "binary");
  }

  @Test
  void truncatedGzipKeepsTheLinesBeforeTheCut() throws IOException {
    StringBuilder lines = new StringBuilder();
    for (int i = 1; i <= 400; i++) {
      lines.append("{\"id\":\"gz-").append(i).append("\",\"body\":\"Line ").append(i)
          .append(" of a long file: the council met and the mayor said the budget would pass on ").append(i * 7919)
          .append(".\"}\n");
    }
    byte[] gz = gzip(lines.toString().getBytes(StandardCharsets.UTF_8));
    Path cut = Files.write(dir.resolve("cut.jsonl.gz"), Arrays.copyOf(gz, gz.length / 2));
    Run run = inspect();
    assertProblem(run.only(cut), cut.toString(), InputProblem.Kind.TRUNCATED, true, "truncated or corrupt gzip",
        "articles before that point were kept");
    long kept = run.articles().stream().filter(a -> a.origin().startsWith(cut.toString())).count();
    assertTrue(kept > 10 && kept < 400, "lines before the cut are kept: " + kept);
  }

  /** A small file cut short: the damage comes within the reader's first block, and the lines before it still count. */
  @Test
  void aSmallTruncatedGzipKeepsTheLinesBeforeTheCut() throws IOException {
    StringBuilder lines = new StringBuilder();
    for (int i = 1; i <= 40; i++) {
      lines.append("{\"id\":\"small-").append(i).append("\",\"body\":\"Line ").append(i)
          .append(" of a short file, told at some length: ").append(Integer.toHexString(i * 0x9E3779B1)).append(".\"}\n");
    }
    byte[] text = lines.toString().getBytes(StandardCharsets.UTF_8);
    assertTrue(text.length < 8192, "smaller than the reader's first block: " + text.length);
    byte[] gz = gzip(text);
    Path cut = Files.write(dir.resolve("small.jsonl.gz"), Arrays.copyOf(gz, gz.length * 2 / 3));
    Run run = inspect();
    assertProblem(run.only(cut), cut.toString(), InputProblem.Kind.TRUNCATED, true, "truncated or corrupt gzip");
    long kept = run.articles().stream().filter(a -> a.origin().startsWith(cut.toString())).count();
    assertTrue(kept > 5 && kept < 40, "lines before the cut are kept: " + kept);
  }

  @Test
  void truncatedWarcKeepsTheRecordsBeforeTheCut() throws IOException {
    byte[] warc = Reading.class.getResourceAsStream("pages.warc").readAllBytes();
    Path cut = Files.write(dir.resolve("cut-plain.warc"), Arrays.copyOf(warc, warc.length - 120));
    byte[] warcGz = Reading.class.getResourceAsStream("pages-per-record.warc.gz").readAllBytes();
    Path cutGz = Files.write(dir.resolve("cut.warc.gz"), Arrays.copyOf(warcGz, warcGz.length - 100));
    Run run = inspect();
    assertProblem(run.only(cut), cut + "#6", InputProblem.Kind.TRUNCATED, true, "ends inside this record",
        "records before it were kept");
    assertProblem(run.only(cutGz), cutGz + "#6", InputProblem.Kind.TRUNCATED, true, "records before it were kept");
    assertEquals("https://post.example.com/news/bridge", run.article("cut-plain.warc#3").url());
    assertEquals("https://post.example.com/news/bridge", run.article("cut.warc.gz#3").url());
  }

  @Test
  void invalidUtf8IsDecodedWithAWarningNamingTheLine() throws IOException {
    byte[] text = "Markets calm after vote\n\nTraders said the result was expected.\nPrices rose \u00c3( slightly.\n"
        .getBytes(StandardCharsets.ISO_8859_1);
    Path txt = Files.write(dir.resolve("bad-utf8.txt"), text);
    Path jsonl = Files.write(dir.resolve("bad-utf8.jsonl"), concat(
        "{\"id\":\"u1\",\"body\":\"fine line\"}\n".getBytes(StandardCharsets.UTF_8),
        "{\"id\":\"u2\",\"body\":\"caf\u00e9 \u2013 bar\"}\n".getBytes(Charset.forName("windows-1252"))));
    Run run = inspect();
    assertProblem(run.only(txt), txt + ":4", InputProblem.Kind.BAD_ENCODING, false, "not valid UTF-8", "Windows-1252");
    assertProblem(run.only(jsonl), jsonl + ":2", InputProblem.Kind.BAD_ENCODING, false, "not valid UTF-8");
    assertTrue(run.article("bad-utf8.txt").body().contains("Prices rose Ã( slightly."));
    assertEquals("café – bar", run.article("bad-utf8.jsonl:2").body());
    assertEquals(0, run.report().skippedTotal(), "warnings are not skips");
  }

  @Test
  void jsonLinesWithWrongTypesAreSkippedOneByOne() throws IOException {
    Path jsonl = Files.writeString(dir.resolve("types.jsonl"), String.join("\n",
        "{\"id\":\"ok-1\",\"body\":\"A good line.\"}",
        "{\"id\":5,\"body\":\"numeric id\"}",
        "{\"id\":\"t3\",\"body\":[\"a\",\"list\"]}",
        "{\"id\":\"t4\",\"body\":\"text\",\"title\":7}",
        "{\"id\":\"t5\",\"body\":\"unclosed",
        "[1,2,3]",
        "{\"id\":\"ok-7\",\"body\":\"Another good line.\"}",
        "{\"id\":\"t8\",\"body\":\"text\"} xyz",
        "{\"id\":\"t9\",\"body\":\"text\"}{\"id\":\"t9b\",\"body\":\"glued\"}") + "\n");
    Run run = inspect();
    List<InputProblem> p = run.problems().stream().filter(x -> x.location().startsWith(jsonl.toString())).toList();
    assertEquals(7, p.size(), p.toString());
    assertProblem(p.get(0), jsonl + ":2", InputProblem.Kind.BAD_RECORD, true, "field \"id\" must be a string, got number");
    assertProblem(p.get(1), jsonl + ":3", InputProblem.Kind.BAD_RECORD, true, "field \"body\" must be a string, got array");
    assertProblem(p.get(2), jsonl + ":4", InputProblem.Kind.BAD_RECORD, true, "field \"title\" must be a string, got number");
    assertProblem(p.get(3), jsonl + ":5", InputProblem.Kind.BAD_JSON, true, "invalid JSON at column");
    assertProblem(p.get(4), jsonl + ":6", InputProblem.Kind.BAD_JSON, true, "expected a JSON object");
    assertProblem(p.get(5), jsonl + ":8", InputProblem.Kind.BAD_JSON, true, "Trailing token after the JSON object");
    assertProblem(p.get(6), jsonl + ":9", InputProblem.Kind.BAD_JSON, true, "column 26: Trailing token");
    assertEquals("ok-1", run.article("types.jsonl:1").id());
    assertEquals("ok-7", run.article("types.jsonl:7").id());
    assertEquals(7, run.report().skippedTotal());
  }

  @Test
  void jsonLinesBeyondJacksonsLimitsAreSkippedOneByOneAndLongStringsAreRead() throws IOException {
    String deep = "[".repeat(1500) + "]".repeat(1500);
    String bigBody = "x".repeat(20_000_001); // beyond Jackson's default 20 M chars, well under the 64 MiB line limit
    Path jsonl = Files.writeString(dir.resolve("limits.jsonl"), String.join("\n",
        "{\"id\":\"ok-1\",\"body\":\"A good line.\"}",
        "{\"id\":\"deep\",\"body\":\"b\",\"x\":" + deep + "}",
        "{\"id\":\"num\",\"body\":\"b\",\"x\":" + "9".repeat(1500) + "}",
        "{\"id\":\"key\",\"body\":\"b\",\"" + "k".repeat(60_000) + "\":1}",
        "{\"id\":\"big\",\"body\":\"" + bigBody + "\"}",
        "{\"id\":\"ok-6\",\"body\":\"Another good line.\"}") + "\n");
    Run run = inspect();
    List<InputProblem> p = run.problems().stream().filter(x -> x.location().startsWith(jsonl.toString())).toList();
    assertEquals(2, p.size(), p.toString());
    assertProblem(p.get(0), jsonl + ":2", InputProblem.Kind.BAD_JSON, true, "invalid JSON: ", "nesting depth");
    assertProblem(p.get(1), jsonl + ":3", InputProblem.Kind.BAD_JSON, true, "invalid JSON: ", "Number value length");
    assertEquals("key", run.article("limits.jsonl:4").id());
    assertEquals(bigBody.length(), run.article("limits.jsonl:5").body().length());
    assertEquals("ok-6", run.article("limits.jsonl:6").id());
  }

  @Test
  void wholeDocumentJsonIsOneProblemNotOnePerLine() throws IOException {
    Path array = Files.writeString(dir.resolve("export.json"), "[\n  {\"id\": \"a\", \"body\": \"x\"},\n  {\"id\": \"b\"}\n]\n");
    Path pretty = Files.writeString(dir.resolve("pretty.jsonl"), "{\n  \"id\": \"a\",\n  \"body\": \"x\"\n}\n");
    Run run = inspect();
    assertProblem(run.only(array), array.toString(), InputProblem.Kind.BAD_JSON, true, "not JSON Lines", "file skipped");
    assertProblem(run.only(pretty), pretty.toString(), InputProblem.Kind.BAD_JSON, true, "pretty-printed object");
  }

  @Test
  void articlesWithNoBody() throws IOException {
    Path jsonl = Files.writeString(dir.resolve("nobody.jsonl"), "{\"id\":\"n1\",\"title\":\"Only a title\"}\n"
        + "{\"id\":\"n2\",\"body\":\"   \"}\n");
    Path txt = Files.writeString(dir.resolve("title-only.txt"), "Just a headline and nothing else\n");
    Path trec = Files.writeString(dir.resolve("notext.trec"), "<DOC>\n<DOCNO> X-1 </DOCNO>\n<HEADLINE>No text</HEADLINE>\n</DOC>\n");
    Run run = inspect();
    List<InputProblem> p = run.problems().stream().filter(x -> x.location().startsWith(jsonl.toString())).toList();
    assertProblem(p.get(0), jsonl + ":1", InputProblem.Kind.NO_BODY, true, "required field \"body\" is missing");
    assertProblem(p.get(1), jsonl + ":2", InputProblem.Kind.NO_BODY, true, "field \"body\" is empty");
    assertProblem(run.only(txt), txt.toString(), InputProblem.Kind.NO_BODY, true, "no article body");
    assertProblem(run.only(trec), trec + ":1", InputProblem.Kind.NO_BODY, true, "X-1 has no <TEXT>");
  }

  @Test
  void unparseableDatesAreKeptAsUndatedAndSayWhichValue() throws IOException {
    Path jsonl = Files.writeString(dir.resolve("dates.jsonl"),
        "{\"id\":\"d1\",\"body\":\"Text one.\",\"published\":\"sometime last spring\"}\n"
            + "{\"id\":\"d2\",\"body\":\"Text two.\",\"published\":\"2021-02-30\"}\n"
            + "{\"id\":\"d3\",\"body\":\"Text three.\",\"published\":\"Tue, 3 Jun 2008 11:05:30 GMT\"}\n");
    Path trec = Files.writeString(dir.resolve("dates.trec"),
        "<DOC>\n<DOCNO> D-4 </DOCNO>\n<DATE>the 5th of never</DATE>\n<TEXT>Some text here.</TEXT>\n</DOC>\n");
    Run run = inspect();
    List<InputProblem> p = run.problems().stream().filter(x -> x.location().startsWith(jsonl.toString())).toList();
    assertEquals(2, p.size(), p.toString());
    assertProblem(p.get(0), jsonl + ":1", InputProblem.Kind.UNDATED, false, "'sometime last spring'", "kept as undated");
    assertProblem(p.get(1), jsonl + ":2", InputProblem.Kind.UNDATED, false, "'2021-02-30'");
    assertProblem(run.only(trec), trec + ":1", InputProblem.Kind.UNDATED, false, "'the 5th of never'", "D-4");
    assertNull(run.article("dates.jsonl:1").published());
    assertNull(run.article("dates.trec:1").published());
    assertEquals("2008-06-03T11:05:30Z", run.article("dates.jsonl:3").published().toString());
    assertEquals(0, run.report().skippedTotal(), "undated articles are kept");
  }

  @Test
  void anUnparseableDateIsReportedOnceWhenIndexed() throws IOException {
    Path jsonl = Files.writeString(dir.resolve("dates.jsonl"),
        "{\"id\":\"d1\",\"body\":\"Text one.\",\"published\":\"sometime last spring\"}\n"
            + "{\"id\":\"d2\",\"body\":\"Text two, no date given.\"}\n");
    IndexReport report = IndexBuilder.index(List.of(jsonl), IndexOptions.defaults(dir.resolve("index")),
        org.newsdesk.index.BuildListener.NONE);
    List<InputProblem> undated = report.problems().stream()
        .filter(x -> x.kind() == InputProblem.Kind.UNDATED).toList();
    // the reader says why line 1 has no date; the builder adds only line 2, which the reader had nothing to say about
    assertEquals(2, undated.size(), undated.toString());
    assertProblem(undated.get(0), jsonl + ":1", InputProblem.Kind.UNDATED, false, "'sometime last spring'");
    assertProblem(undated.get(1), jsonl + ":2", InputProblem.Kind.UNDATED, false, "no parseable date");
    assertEquals(2, report.indexed());
  }

  /**
   * A UTF-8 file with one stray byte (a file cut and pasted together) stays UTF-8, the byte replaced; a page that is
   * not UTF-8 is read in the charset it declares.
   */
  @Test
  void aStrayByteInUtf8AndAPageInTheCharsetItDeclares() throws IOException {
    Path stray = Files.write(dir.resolve("stray.txt"), concat(
        "Caf\u00e9 talks in Z\u00fcrich\n\nThe \u201cquoted\u201d mayor spoke.\n".getBytes(StandardCharsets.UTF_8),
        new byte[] {(byte) 0xFF, '\n'}));
    Path ru = Files.write(dir.resolve("ru.html"), ("<html><head><meta charset=\"windows-1251\"><title>\u041f\u0443\u0442\u0438\u043d"
        + " \u0432 \u041c\u043e\u0441\u043a\u0432\u0435</title></head><body><article><p>\u041f\u0440\u0435\u0437\u0438\u0434\u0435\u043d\u0442"
        + " \u0420\u043e\u0441\u0441\u0438\u0438 \u0432\u0441\u0442\u0440\u0435\u0442\u0438\u043b\u0441\u044f \u0441 \u043c\u044d\u0440\u043e\u043c"
        + " \u0432 \u041c\u043e\u0441\u043a\u0432\u0435 \u0432\u043e \u0432\u0442\u043e\u0440\u043d\u0438\u043a.</p></article></body></html>")
        .getBytes(Charset.forName("windows-1251")));
    Run run = inspect();
    assertProblem(run.only(stray), stray + ":4", InputProblem.Kind.BAD_ENCODING, false, "read as UTF-8", "replaced");
    assertEquals("Caf\u00e9 talks in Z\u00fcrich", run.article("stray.txt").title());
    assertTrue(run.article("stray.txt").body().contains("\u201cquoted\u201d") && run.article("stray.txt").body().contains("\uFFFD"),
        run.article("stray.txt").body());
    assertEquals("\u041f\u0443\u0442\u0438\u043d \u0432 \u041c\u043e\u0441\u043a\u0432\u0435", run.article("ru.html").title());
    assertTrue(run.problems().stream().noneMatch(p -> p.location().startsWith(ru.toString())), run.problems().toString());
  }

  /** A .txt file is sniffed: JSON objects are JSON Lines, a story whose title starts with a brace is a story. */
  @Test
  void aTextFileStartingWithABraceIsAStoryUnlessItIsJson() throws IOException {
    Files.writeString(dir.resolve("braced.txt"), "{Update} Storm reaches the coast\n\nThe storm reached the coast at noon.\n");
    Files.writeString(dir.resolve("feed.txt"), "{\"id\":\"f1\",\"body\":\"The ferry sailed.\"}\n");
    Run run = inspect();
    assertEquals("{Update} Storm reaches the coast", run.article("braced.txt").title());
    assertEquals("The ferry sailed.", run.article("feed.txt:1").body());
  }

  /** A one-line array first in a feed is one bad line: the objects after it are read. */
  @Test
  void aOneLineArrayFirstInAFeedIsOneBadLine() throws IOException {
    Path feed = Files.writeString(dir.resolve("arr.jsonl"), "[\"id\",\"body\"]\n{\"id\":\"a1\",\"body\":\"The ferry sailed.\"}\n");
    Run run = inspect();
    assertEquals("The ferry sailed.", run.article("arr.jsonl:2").body());
    assertProblem(run.only(feed), feed + ":1", InputProblem.Kind.BAD_JSON, true);
  }

  /** A small feed whose end a crash left as NUL bytes keeps the lines before them. */
  @Test
  void aFeedEndingInNulBytesKeepsItsLines() throws IOException {
    Path feed = Files.write(dir.resolve("crashed.jsonl"), concat(
        "{\"id\":\"c1\",\"body\":\"The ferry sailed.\"}\n".getBytes(StandardCharsets.UTF_8), new byte[300]));
    Run run = inspect();
    assertEquals("The ferry sailed.", run.article("crashed.jsonl:1").body());
    assertProblem(run.only(feed), feed.toString(), InputProblem.Kind.TRUNCATED, true, "300 NUL bytes");
  }

  /** Files named in another script are articles of their own, not one "article" replacing the other. */
  @Test
  void namesInOtherScriptsAreArticlesOfTheirOwn() throws IOException {
    Files.writeString(dir.resolve("новости.txt"), "Новости\n\nСовет собрался во вторник.\n");
    Files.writeString(dir.resolve("статья.txt"), "Статья\n\nМэр выступил в среду.\n");
    Run run = inspect();
    assertEquals(java.util.Set.of("новости", "статья", "good"),
        run.articles().stream().map(Article::id).collect(java.util.stream.Collectors.toSet()));
    assertTrue(run.problems().isEmpty(), run.problems().toString());
  }

  /** A small gzip that inflates past what any article holds is too large, found without inflating it all. */
  @Test
  void aDecompressionBombIsTooLarge() throws IOException {
    Path bomb = dir.resolve("bomb.txt.gz");
    try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(bomb))) {
      out.write("Title\n\n".getBytes(StandardCharsets.UTF_8));
      byte[] a = new byte[1 << 20];
      java.util.Arrays.fill(a, (byte) 'a');
      for (int i = 0; i <= SourceFile.MAX_ARTICLE_BYTES >> 20; i++) {
        out.write(a);
      }
    }
    Run run = inspect();
    assertProblem(run.only(bomb), bomb.toString(), InputProblem.Kind.TOO_LARGE, true, "decompresses to more than 64 MiB");
  }

  @Test
  void latin1AndWindows1252Text() throws IOException {
    Path latin1 = Files.write(dir.resolve("latin1.txt"),
        "Caf\u00e9 owners in Z\u00fcrich protest\n\nThe caf\u00e9 association said rents doubled.\n".getBytes(StandardCharsets.ISO_8859_1));
    Path cp1252 = Files.write(dir.resolve("cp1252.txt"),
        "\u201cRecord\u201d sales at \u20ac5 each\n\nThe shop\u2019s owner was pleased.\n".getBytes(Charset.forName("windows-1252")));
    Run run = inspect();
    assertProblem(run.only(latin1), latin1 + ":1", InputProblem.Kind.BAD_ENCODING, false, "Windows-1252");
    assertProblem(run.only(cp1252), cp1252 + ":1", InputProblem.Kind.BAD_ENCODING, false, "Windows-1252");
    assertEquals("Café owners in Zürich protest", run.article("latin1.txt").title());
    assertEquals("\u201cRecord\u201d sales at \u20ac5 each", run.article("cp1252.txt").title());
    assertEquals("The shop\u2019s owner was pleased.", run.article("cp1252.txt").body());
  }

  @Test
  void utf8ByteOrderMarkIsDropped() throws IOException {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    Path txt = Files.write(dir.resolve("bom.txt"), concat(bom, "Headline after a BOM\n\nBody text here.\n".getBytes(StandardCharsets.UTF_8)));
    Path jsonl = Files.write(dir.resolve("bom.jsonl"), concat(bom, "{\"id\":\"b1\",\"body\":\"Body.\"}\n".getBytes(StandardCharsets.UTF_8)));
    Run run = inspect();
    assertEquals("Headline after a BOM", run.article("bom.txt").title());
    assertEquals("b1", run.article("bom.jsonl:1").id());
    assertTrue(run.problems().stream().noneMatch(p -> p.location().startsWith(txt.toString()) || p.location().startsWith(jsonl.toString())),
        run.problems().toString());
  }

  @Test
  void oneMegabyteSingleLine() throws IOException {
    String sentence = "The committee met again and the chair said the vote would be held next week. ";
    String big = sentence.repeat((1 << 20) / sentence.length() + 1);
    Files.writeString(dir.resolve("big.jsonl"), "{\"id\":\"big\",\"body\":\"" + big + "\"}\n");
    Files.writeString(dir.resolve("big.txt"), "A very long article\n\n" + big + "\n");
    Run run = inspect();
    assertEquals(big.strip(), run.article("big.jsonl:1").body());
    assertEquals(big.strip(), run.article("big.txt").body());
    assertEquals("en", run.article("big.txt").language());
    assertEquals(List.of(), run.problems());
  }

  @Test
  void symlinkLoopAndBrokenLinkInAWalkedDirectory() throws IOException {
    Path sub = Files.createDirectories(dir.resolve("sub"));
    Files.writeString(sub.resolve("inner.txt"), "Inner headline\n\nInner body text.\n");
    Path loop = Files.createSymbolicLink(sub.resolve("loop"), dir);
    Path broken = Files.createSymbolicLink(dir.resolve("gone.txt"), dir.resolve("does-not-exist.txt"));
    Run run = inspect();
    assertProblem(run.only(loop), loop.toString(), InputProblem.Kind.UNREADABLE, true, "symbolic link loop");
    assertProblem(run.only(broken), broken.toString(), InputProblem.Kind.UNREADABLE, true, "broken symbolic link");
    assertEquals(1, run.articles().stream().filter(a -> a.origin().endsWith("inner.txt")).count(), "read once, not in a loop");
  }

  @Test
  void unreadableFileInAWalkedDirectory() throws IOException {
    Path secret = Files.writeString(dir.resolve("secret.txt"), "Secret headline\n\nSecret body.\n");
    Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("---------"));
    try {
      assumeFalse(Files.isReadable(secret), "running as root: file permissions do not stop reading here");
      Run run = inspect();
      assertProblem(run.only(secret), secret.toString(), InputProblem.Kind.UNREADABLE, true, "permission denied");
    } finally {
      Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
    }
  }

  /** A file given by a path through a folder that cannot be entered is said to be out of reach, not missing. */
  @Test
  void aPathThroughAFolderThatCannotBeEnteredSaysSo() throws IOException {
    Path locked = Files.createDirectories(dir.resolve("locked"));
    Path inside = Files.writeString(locked.resolve("b.txt"), "B\n\nThe b story.\n");
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
    try {
      assumeFalse(Files.exists(inside), "running as root: folder permissions do not stop it here");
      java.nio.file.AccessDeniedException e = org.junit.jupiter.api.Assertions.assertThrows(
          java.nio.file.AccessDeniedException.class, () -> Corpus.scan(List.of(inside), java.util.Optional.empty(), p -> { }));
      assertEquals("cannot enter " + locked.toAbsolutePath(), e.getReason());
    } finally {
      Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
    }
  }

  @Test
  void unreadableFileReportedWhenOpeningFails() throws IOException {
    // Works as root too: the file vanishes between the directory walk and the read.
    Path file = Files.writeString(dir.resolve("vanishing.txt"), "Headline\n\nBody.\n");
    List<InputProblem> problems = new ArrayList<>();
    List<SourceFile> files = Corpus.scan(List.of(dir), java.util.Optional.empty(), problems::add);
    Files.delete(file);
    List<RawArticle> articles = new ArrayList<>();
    for (SourceFile f : files) {
      Corpus.read(f, articles::add, problems::add);
    }
    assertEquals(1, problems.size(), problems.toString());
    assertProblem(problems.get(0), file.toString(), InputProblem.Kind.UNREADABLE, true, "cannot read", "no such file");
    assertEquals(1, articles.size(), "the good file was read");
    assertFalse(articles.get(0).origin().contains("vanishing"));
  }

  @Test
  void truncatedGzippedSgmlKeepsTheRecordsBeforeTheCut() throws IOException {
    StringBuilder sgml = new StringBuilder();
    for (int i = 1; i <= 300; i++) {
      sgml.append("<DOC>\n<DOCNO> T-").append(i).append(" </DOCNO>\n<TEXT>\nRecord ").append(i)
          .append(" says the ferry timetable changes on ").append(i * 7919 % 1000).append(" routes.\n</TEXT>\n</DOC>\n");
    }
    byte[] gz = gzip(sgml.toString().getBytes(StandardCharsets.UTF_8));
    Path cut = Files.write(dir.resolve("cut.trec.gz"), Arrays.copyOf(gz, gz.length * 2 / 3));
    Run run = inspect();
    List<InputProblem> p = run.problems().stream().filter(x -> x.location().startsWith(cut.toString())).toList();
    assertProblem(p.get(0), cut.toString(), InputProblem.Kind.TRUNCATED, true, "truncated or corrupt gzip", "records before that point were kept");
    assertTrue(p.size() <= 2, "at most the cut record is reported besides: " + p);
    long kept = run.articles().stream().filter(a -> a.origin().startsWith(cut.toString())).count();
    assertTrue(kept > 10 && kept < 300, "records before the cut are kept: " + kept);
  }

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(bytes)) {
      out.write(data);
    }
    return bytes.toByteArray();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}

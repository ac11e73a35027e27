package org.newsdesk.index.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class WarcCorpusReaderTest extends CorpusReaderTest {
  @Override
  boolean textFormat() {
    return false; // WARC is a binary record format: no byte order mark in front of it
  }

  @Override
  String fixture() {
    return "pages.warc";
  }

  @Override
  CorpusFormat format() {
    return CorpusFormat.WARC;
  }

  /** Six records: warcinfo, request, an HTML page, a PNG, a 301 redirect, a Latin-1 HTML page. */
  @Override
  int expectedArticles() {
    return 2;
  }

  @Override
  void checkArticles(List<RawArticle> articles) {
    assertEquals(List.of("https://post.example.com/news/bridge", "https://town.example.net/cafe-award"),
        articles.stream().map(a -> a.field(RawArticle.URL)).toList());
    assertTrue(articles.get(0).origin().endsWith("pages.warc#3"), articles.get(0).origin());
    assertTrue(articles.get(1).origin().endsWith("pages.warc#6"), articles.get(1).origin());
    assertTrue(articles.get(0).content().contains("Old bridge reopens to cyclists"));
    assertTrue(articles.get(1).content().contains("Corner café wins"), "decoded with the HTTP charset, ISO-8859-1");
  }

  @Test
  void readsPerRecordGzipAsCrawlsShipIt() throws IOException {
    Path gz = Reading.copyResource("pages-per-record.warc.gz", dir.resolve("crawl").resolve("pages.warc.gz"));
    Reading r = Reading.of(gz);
    assertEquals(List.of(), r.problems);
    assertEquals(List.of("https://post.example.com/news/bridge", "https://town.example.net/cafe-award"),
        r.articles.stream().map(a -> a.field(RawArticle.URL)).toList());
  }

  /**
   * A Content-Type that jwarc's lenient parser still rejects (a control character in it; found by
   * {@code ReaderFuzzTest}): reported for its record, the payload decides (here, an HTML page), and the records
   * after it are read as usual.
   */
  @Test
  void anUnparsableContentTypeIsReportedAndThePayloadDecides() throws IOException {
    String warc = new String(Reading.class.getResourceAsStream("pages.warc").readAllBytes(), StandardCharsets.ISO_8859_1);
    String broken = warc.replaceFirst("Content-Type: text/html; charset=utf-8", "Content-Type: tex\u0001/html; charset=utf-8")
        .replaceFirst("Content-Type: image/png", "Content-Type: imag\u0001/png");
    Path file = Files.write(dir.resolve("broken-type.warc"), broken.getBytes(StandardCharsets.ISO_8859_1));
    Reading r = Reading.of(file);
    assertEquals(List.of("https://post.example.com/news/bridge", "https://town.example.net/cafe-award"),
        r.articles.stream().map(a -> a.field(RawArticle.URL)).toList(), () -> "the page is still read, the PNG is not HTML: " + r.problems);
    assertEquals(List.of(file + "#3", file + "#4"), r.problems.stream().map(InputProblem::location).toList(), r.problems.toString());
    assertTrue(r.problems.stream().allMatch(p -> p.kind() == InputProblem.Kind.BAD_RECORD && !p.skipped()
        && p.reason().contains("unreadable Content-Type")), r.problems.toString());
  }
}

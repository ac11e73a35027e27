package org.newsdesk.index.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class WarcCorpusReaderTest extends CorpusReaderTest {
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
}

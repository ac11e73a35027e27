package org.newsdesk.index.corpus;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

class HtmlReaderTest extends CorpusReaderTest {
  @Override
  String fixture() {
    return "page.html";
  }

  @Override
  CorpusFormat format() {
    return CorpusFormat.HTML;
  }

  @Override
  int expectedArticles() {
    return 1;
  }

  @Override
  void checkArticles(List<RawArticle> articles) {
    assertTrue(articles.get(0).content().contains("<article>"), "the page is handed on whole; the HTML cleaner extracts it");
  }
}

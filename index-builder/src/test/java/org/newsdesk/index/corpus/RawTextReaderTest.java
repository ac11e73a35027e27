package org.newsdesk.index.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

class RawTextReaderTest extends CorpusReaderTest {
  @Override
  String fixture() {
    return "raw/harbour-library.txt";
  }

  @Override
  CorpusFormat format() {
    return CorpusFormat.RAW_TEXT;
  }

  @Override
  int expectedArticles() {
    return 1;
  }

  @Override
  void checkArticles(List<RawArticle> articles) {
    RawArticle a = articles.get(0);
    assertTrue(a.content().contains("Harbour city opens its first floating library"));
    assertNull(a.field(RawArticle.ID), "raw text carries no id; the cleaner derives it from the path");
    assertEquals(java.util.Map.of(), a.fields());
  }
}

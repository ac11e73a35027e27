package org.newsdesk.index.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

class TrecReaderTest extends CorpusReaderTest {
  @Override
  String fixture() {
    return "collection.trec";
  }

  @Override
  CorpusFormat format() {
    return CorpusFormat.TREC;
  }

  @Override
  int expectedArticles() {
    return 3;
  }

  @Override
  void checkArticles(List<RawArticle> articles) {
    assertEquals(List.of("XN910101-0001", "XN910101-0002", "XN910101-0003"),
        articles.stream().map(a -> a.field(RawArticle.ID)).toList());
    RawArticle first = articles.get(0);
    assertTrue(first.origin().endsWith("collection.trec:1"), first.origin());
    assertEquals("Snow closes mountain passes", first.field(RawArticle.TITLE));
    assertEquals("1991-01-01", first.field(RawArticle.PUBLISHED), "YYMMDD");
    assertEquals("GENEVA (XN)", first.field(RawArticle.DATELINE));
    assertTrue(first.content().contains("Thursday & restore"), "entities decoded");
    RawArticle second = articles.get(1);
    assertTrue(second.origin().endsWith("collection.trec:14"), second.origin());
    assertEquals("Ferry fares to rise in spring", second.field(RawArticle.TITLE), "HEAD is a title tag too");
    assertEquals("1991-01-01", second.field(RawArticle.PUBLISHED), "date with weekday and edition after it");
    assertTrue(second.content().contains("Season tickets"));
    assertNull(articles.get(2).field(RawArticle.TITLE));
    assertNull(articles.get(2).field(RawArticle.PUBLISHED));
  }
}

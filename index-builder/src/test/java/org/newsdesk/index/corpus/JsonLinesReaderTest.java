package org.newsdesk.index.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

class JsonLinesReaderTest extends CorpusReaderTest {
  @Override
  String fixture() {
    return "articles.jsonl";
  }

  @Override
  CorpusFormat format() {
    return CorpusFormat.JSONL;
  }

  @Override
  int expectedArticles() {
    return 3;
  }

  @Override
  void checkArticles(List<RawArticle> articles) {
    assertEquals(List.of("wire-001", "wire-002", "wire-003"), articles.stream().map(a -> a.field(RawArticle.ID)).toList());
    RawArticle first = articles.get(0);
    assertTrue(first.origin().endsWith("articles.jsonl:1"), first.origin());
    assertEquals("Rail strike called off after late-night talks", first.field(RawArticle.TITLE));
    assertEquals("2021-05-02T22:15:00Z", first.field(RawArticle.PUBLISHED));
    assertEquals("https://news.example.org/2021/05/rail-strike", first.field(RawArticle.URL));
    assertEquals("Example News", first.field(RawArticle.SOURCE));
    assertTrue(first.content().startsWith("Unions called off"));
    assertEquals("2021-06-10", articles.get(1).field(RawArticle.PUBLISHED));
    assertTrue(articles.get(2).origin().endsWith(":3"));
    assertNull(articles.get(2).field(RawArticle.TITLE));
  }
}

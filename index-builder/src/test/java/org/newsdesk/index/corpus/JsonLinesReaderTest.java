package org.newsdesk.index.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

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

  /** An incremental rebuild names the hashes it already has: those lines are skipped before their JSON is parsed. */
  @Test
  void knownHashesAreSkippedBeforeParsing() throws Exception {
    SourceFile file = new SourceFile(fixtureFile(), CorpusFormat.JSONL);
    List<RawArticle> all = new ArrayList<>();
    Corpus.read(file, all::add, problem -> { throw new AssertionError(problem.toString()); });
    String secondHash = all.get(1).contentHash();
    List<String> asked = new ArrayList<>();
    List<RawArticle> read = new ArrayList<>();
    Corpus.read(file, read::add, problem -> { throw new AssertionError(problem.toString()); }, hash -> {
      asked.add(hash);
      return hash.equals(secondHash);
    });
    assertEquals(all.stream().map(RawArticle::contentHash).toList(), asked, "every line's hash is offered, in order");
    assertEquals(List.of("wire-001", "wire-003"), read.stream().map(a -> a.field(RawArticle.ID)).toList());
    assertEquals(all.get(2).origin(), read.get(1).origin(), "line numbers are kept");
  }
}

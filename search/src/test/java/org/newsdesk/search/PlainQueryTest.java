package org.newsdesk.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;
import org.newsdesk.analysis.NewsAnalyzer;
import org.newsdesk.analysis.NewsAnalyzers;
import org.newsdesk.gazetteer.Gazetteer;

class PlainQueryTest {
  private static final List<String> WORDS = List.of("ceasefire", "Putin", "armenia", "Armenia", "the", "and", "AND", "OR",
      "NOT", "or", "2020", "covid19", "Ελλάδα", "naïve", "北京", "U", "x", "running", "talks", "it's", "cease-fire",
      "İstanbul", "straße", "ﬁre", "a1b2", "Lavrov", "Karabakh", "be", "peace*", "title:x", "\"a", "١٢٣", "ＡＢＣ");

  @Test
  void sameQueryAsTheClassicParser() throws Exception {
    Random random = new Random(11);
    EntityResolver entities = new EntityResolver(Gazetteer.parse(Fixtures.GAZETTEER.getBytes(java.nio.charset.StandardCharsets.UTF_8), "test"));
    int plain = 0;
    int phrases = 0;
    try (Analyzer analyzer = NewsAnalyzers.forQueries(); IndexChain chain = new IndexChain(NewsAnalyzer.Options.DEFAULT)) {
      for (int round = 0; round < 3000; round++) {
        int n = 1 + random.nextInt(round % 50 == 0 ? 20 : 4);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < n; i++) {
          text.append(i == 0 ? "" : random.nextInt(20) == 0 ? "  " : " ").append(WORDS.get(random.nextInt(WORDS.size())));
        }
        String q = round % 3 == 0 ? "\"" + text + "\"" : text.toString();
        for (boolean all : new boolean[] {true, false}) {
          Query fast = PlainQuery.parse(q, analyzer, chain, 0.5f, all);
          if (fast != null) {
            plain++;
            phrases += q.startsWith("\"") ? 1 : 0;
            Query parsed = new NewsQueryParser(q, analyzer, chain, entities, 0.5f, all).parse(q);
            assertEquals(parsed, fast, q);
            assertEquals(parsed.toString(), fast.toString(), q);
          }
        }
      }
    }
    assertTrue(plain > 1000, "plain queries taken: " + plain);
    assertTrue(phrases > 200, "plain phrases taken: " + phrases);
  }

  @Test
  void syntaxAndStopWordsGoToTheParser() {
    try (Analyzer analyzer = NewsAnalyzers.forQueries(); IndexChain chain = new IndexChain(NewsAnalyzer.Options.DEFAULT)) {
      for (String q : List.of("the", "ceasefire AND armenia", "cease-fire", "title:ceasefire", "peace*", "\"ceasefire talks\"",
          "a  b", "ceasefire the", "\"ceasefire the talks\"", "\" ceasefire\"", "\"\"", "x".repeat(3) + " y".repeat(PlainQuery.MAX_WORDS))) {
        assertNull(PlainQuery.parse(q, analyzer, chain, 0.5f, true), q);
      }
    }
  }
}

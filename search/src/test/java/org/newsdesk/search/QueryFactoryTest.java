package org.newsdesk.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.PhraseQuery;
import org.junit.jupiter.api.Test;
import org.newsdesk.analysis.NewsAnalyzer;
import org.newsdesk.analysis.NewsAnalyzers;
import org.newsdesk.gazetteer.Gazetteer;

class QueryFactoryTest {
  /**
   * The proximity clause pairs neighbouring words in the order the user wrote them, in every JVM run: it once
   * followed {@code Query.visit}, whose order over Boolean clauses changes with {@code Class.hashCode()}.
   */
  @Test
  void proximityPairsFollowTheQueryOrder() throws Exception {
    EntityResolver entities = new EntityResolver(Gazetteer.parse(Fixtures.GAZETTEER.getBytes(StandardCharsets.UTF_8), "test"));
    try (Analyzer analyzer = NewsAnalyzers.forQueries(); IndexChain chain = new IndexChain(NewsAnalyzer.Options.DEFAULT)) {
      QueryFactory factory = new QueryFactory(analyzer, chain, Ranking.defaults());
      for (SearchRequest.MatchMode mode : SearchRequest.MatchMode.values()) {
        assertEquals(List.of("\"month kill\"~8", "\"kill talk\"~8", "\"talk ceasefir\"~8", "\"ceasefir border\"~8"),
            proximityPairs(factory.build(SearchRequest.of("month killed talks ceasefire border"), mode, entities, 0)), mode.name());
        assertEquals(List.of("\"border month\"~8"),
            proximityPairs(factory.build(SearchRequest.of("border (month OR month) -talks"), mode, entities, 0)), mode.name());
      }
    }
  }

  private static List<String> proximityPairs(QueryFactory.Parts parts) {
    List<String> pairs = new ArrayList<>();
    for (BooleanClause c : ((BooleanQuery) parts.ranked()).clauses()) {
      if (c.getQuery() instanceof BoostQuery boost && boost.getQuery() instanceof BooleanQuery phrases) {
        for (BooleanClause p : phrases.clauses()) {
          if (p.getQuery() instanceof PhraseQuery phrase) {
            pairs.add(phrase.toString("body"));
          }
        }
      }
    }
    return pairs;
  }

}

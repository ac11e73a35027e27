package org.newsdesk.search;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.newsdesk.schema.NewsField;

/**
 * RM3-style pseudo-relevance feedback: the top hits of the first search are taken as relevant, a relevance model
 * P(w|R) = Σ_d P(w|d)·P(d|q) is estimated from their text, and its strongest terms are added to the query,
 * interpolated with the original. Terms in more than a tenth of the collection are left out (they carry no
 * evidence, and the stop list misses some). Stateless apart from its collaborators; thread-safe.
 */
final class Feedback {
  private final Analyzer analyzer;
  private final Ranking ranking;

  Feedback(Analyzer analyzer, Ranking ranking) {
    this.analyzer = analyzer;
    this.ranking = ranking;
  }

  /**
   * The expanded query, or {@code original} when feedback is off or the first search found nothing. With
   * {@code sameMatches} the expansion terms only re-rank what {@code original} matches (all-terms mode); without,
   * they may also bring in new articles (any-term mode).
   */
  Query expand(Query original, Query text, IndexSearcher searcher, boolean sameMatches) throws IOException {
    if (ranking.feedbackDocs() == 0 || ranking.feedbackTerms() == 0) {
      return original;
    }
    // Equal scores by article id, as the results are ranked, not by document number (which follows the build's
    // worker threads); with the scores, which weigh each document.
    TopDocs top = searcher.search(original, ranking.feedbackDocs(), RelevanceTop.sort(), true);
    if (top.scoreDocs.length == 0) {
      return original;
    }
    double scoreSum = 0;
    for (ScoreDoc sd : top.scoreDocs) {
      scoreSum += sd.score;
    }
    Map<String, Double> model = new HashMap<>();
    for (ScoreDoc sd : top.scoreDocs) {
      Document doc = searcher.storedFields().document(sd.doc);
      Map<String, Integer> tf = termFrequencies(
          java.util.Objects.toString(doc.get(NewsField.TITLE.fieldName()), "") + "\n" + doc.get(NewsField.BODY.fieldName()));
      int length = tf.values().stream().mapToInt(Integer::intValue).sum();
      double docWeight = sd.score / scoreSum;
      tf.forEach((w, f) -> model.merge(w, docWeight * f / Math.max(1, length), Double::sum));
    }
    Set<String> originalTerms = bodyTerms(text);
    int maxDf = Math.max(1, searcher.getIndexReader().numDocs() / 10);
    BooleanQuery.Builder expansion = new BooleanQuery.Builder();
    int added = 0;
    double norm = 0;
    java.util.List<Map.Entry<String, Double>> ranked = model.entrySet().stream()
        .filter(e -> e.getKey().length() > 2 && !e.getKey().chars().allMatch(Character::isDigit))
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .toList();
    java.util.List<Map.Entry<String, Double>> chosen = new java.util.ArrayList<>();
    for (Map.Entry<String, Double> e : ranked) {
      if (added == ranking.feedbackTerms()) {
        break;
      }
      if (searcher.getIndexReader().docFreq(new Term(NewsField.BODY.fieldName(), e.getKey())) > maxDf) {
        continue;
      }
      chosen.add(e);
      norm += e.getValue();
      added++;
    }
    if (chosen.isEmpty()) {
      return original;
    }
    int weightUnits = Math.max(1, originalTerms.size());
    for (Map.Entry<String, Double> e : chosen) {
      float w = (float) (weightUnits * e.getValue() / norm);
      BooleanQuery.Builder both = new BooleanQuery.Builder()
          .add(new BoostQuery(new TermQuery(new Term(NewsField.TITLE.fieldName(), e.getKey())), ranking.titleBoost()), BooleanClause.Occur.SHOULD)
          .add(new TermQuery(new Term(NewsField.BODY.fieldName(), e.getKey())), BooleanClause.Occur.SHOULD);
      expansion.add(new BoostQuery(both.build(), w), BooleanClause.Occur.SHOULD);
    }
    float alpha = ranking.feedbackOriginalWeight();
    return new BooleanQuery.Builder()
        .add(new BoostQuery(original, alpha), sameMatches ? BooleanClause.Occur.MUST : BooleanClause.Occur.SHOULD)
        .add(new BoostQuery(expansion.build(), 1 - alpha), BooleanClause.Occur.SHOULD)
        .build();
  }

  private Map<String, Integer> termFrequencies(String text) throws IOException {
    Map<String, Integer> tf = new HashMap<>();
    try (TokenStream ts = analyzer.tokenStream(NewsField.BODY.fieldName(), text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        tf.merge(term.toString(), 1, Integer::sum);
      }
      ts.end();
    }
    return tf;
  }

  private static Set<String> bodyTerms(Query text) {
    Set<String> terms = new LinkedHashSet<>();
    text.visit(new QueryVisitor() {
      @Override
      public void consumeTerms(Query query, Term... ts) {
        for (Term t : ts) {
          if (t.field().equals(NewsField.BODY.fieldName())) {
            terms.add(t.text());
          }
        }
      }
    });
    return terms;
  }
}

package org.newsdesk.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.spell.LevenshteinDistance;
import org.apache.lucene.util.BytesRef;
import org.newsdesk.schema.ArticleDocuments;
import org.newsdesk.schema.NewsField;

/**
 * The news sources an index holds (their display names, from the source field's doc values), to tell a
 * {@code --source} that names no source of the index from one whose articles the other filters leave out. Stateless.
 */
final class Sources {
  /** A name at least this similar (Lucene's Levenshtein similarity, 0 to 1) is suggested. */
  private static final float SIMILAR = 0.6f;

  private Sources() {}

  /**
   * Checks that each of {@code asked} is a source of the index (compared as the filter compares them, ignoring case).
   * Asked only when a search found nothing, so that a search that finds articles pays nothing for it.
   *
   * @throws SearchException for the first that is not, with the index's source most like it
   */
  static void checkKnown(List<String> asked, IndexSearcher searcher) throws IOException {
    if (asked.isEmpty()) {
      return;
    }
    for (String a : asked) {
      String unknown = unknown(a, searcher);
      if (unknown != null) {
        throw new SearchException(unknown);
      }
    }
  }

  /**
   * The sources a query's {@code source:} clauses name that the index does not have (not an excluded one), each as a
   * {@link QuerySyntaxException} at its place in the query. Asked only when a search found nothing.
   *
   * @throws QuerySyntaxException for the first such source
   */
  static void checkNamed(String queryText, Query query, IndexSearcher searcher) throws IOException {
    for (String key : named(query)) {
      String unknown = unknown(key, searcher);
      if (unknown != null) {
        throw new QuerySyntaxException(queryText, position(queryText, key), unknown);
      }
    }
  }

  /**
   * Where the {@code source:} clause that names {@code key} starts in the query (its value quoted or not, in any
   * case); the first {@code source:} when none reads as it; -1 when there is none.
   */
  private static int position(String queryText, String key) {
    int first = -1;
    for (int at = 0; at + 7 <= queryText.length(); at++) {
      if (queryText.regionMatches(true, at, "source:", 0, 7)) {
        first = first < 0 ? at : first;
        int value = at + 7 < queryText.length() && queryText.charAt(at + 7) == '"' ? at + 8 : at + 7;
        if (queryText.regionMatches(true, value, key, 0, key.length())) {
          return at;
        }
      }
    }
    return first;
  }

  /** Why {@code asked} is no source of the index, with the closest one; null when it is one. */
  private static String unknown(String asked, IndexSearcher searcher) throws IOException {
    String key = ArticleDocuments.sourceKey(asked);
    // a count, not the doc values' names: those keep a source whose articles were all deleted until a merge
    if (searcher.count(new TermQuery(new Term(NewsField.SOURCE.fieldName(), key))) > 0) {
      return null;
    }
    String like = closest(key, all(searcher));
    return "unknown source \"" + asked + "\"" + (like == null ? "" : ": did you mean \"" + like + "\"?")
        + " (`newsdesk stats` lists the sources)";
  }

  /**
   * The sources a query names through the {@code source:} field (as the field holds them: {@link
   * ArticleDocuments#sourceKey}), in query order.
   */
  private static List<String> named(Query query) {
    Set<Term> terms = new LinkedHashSet<>();
    query.visit(QueryVisitor.termCollector(terms)); // not the terms of excluded clauses (-source:x)
    List<String> named = new ArrayList<>();
    for (Term t : terms) {
      if (t.field().equals(NewsField.SOURCE.fieldName())) {
        named.add(t.text());
      }
    }
    return named;
  }

  /** The display names of the index's sources, in order. */
  static List<String> all(IndexSearcher searcher) throws IOException {
    TreeSet<String> names = new TreeSet<>();
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      SortedSetDocValues values = leaf.reader().getSortedSetDocValues(NewsField.SOURCE.fieldName());
      if (values == null) {
        continue;
      }
      TermsEnum terms = values.termsEnum();
      for (BytesRef term = terms.next(); term != null; term = terms.next()) {
        names.add(term.utf8ToString());
      }
    }
    return new ArrayList<>(names);
  }

  /** The source whose name holds {@code key} as a word's start (meridian: Meridian Wire), else the most similar one. */
  private static String closest(String key, List<String> names) {
    for (String n : names) {
      String k = ArticleDocuments.sourceKey(n);
      if (k.startsWith(key) || k.contains(" " + key)) {
        return n;
      }
    }
    LevenshteinDistance distance = new LevenshteinDistance();
    String best = null;
    float bestSimilarity = SIMILAR;
    for (String n : names) {
      float similarity = distance.getDistance(key, ArticleDocuments.sourceKey(n));
      if (similarity >= bestSimilarity) {
        best = n;
        bestSimilarity = similarity;
      }
    }
    return best;
  }
}

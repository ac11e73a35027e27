package org.newsdesk.search;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.newsdesk.schema.NewsField;

/**
 * Did-you-mean: replaces each rare or unknown word of a query with the closest more frequent word of the body text
 * ({@code ceasfire} → {@code ceasefire}). The index holds stems, so a suggested stem is turned back into a word by
 * reading it in an article that contains it. Thread-safe.
 */
final class Suggester {
  /** Results this small or smaller get a suggestion for their rare words. */
  static final long FEW_HITS = 2;
  /** A word whose stem is in at most this many articles is worth correcting. */
  private static final int RARE = 2;
  /** Candidates weighed against each other ({@link #weightedDistance}). */
  private static final int CANDIDATES = 8;
  /**
   * Letters typed for each other (same sound, next key): a substitution between them costs half, so that among
   * words as many edits away the likelier one can win over a more frequent one ({@code opek}: opec, not oper), though
   * not over one far more frequent ({@code intrest}: interest, not intrastate). So does a doubled letter typed once.
   */
  private static final String[] CONFUSABLE = {"ck", "cs", "sz", "iy", "ae", "ei", "ou", "mn", "dt", "bp", "fv", "gj"};
  private static final Pattern WORD = Pattern.compile("(?<![\\w:\\\\])\\p{L}{3,}(?![\\w:*?~])");
  private static final String BODY = NewsField.BODY.fieldName();

  private final Analyzer analyzer;
  /** Re-reads articles as the index did; made on the first correction, since most queries need none. */
  private final IndexChain indexChain;
  private final DirectSpellChecker checker = new DirectSpellChecker();
  /**
   * For words the index has (in a few articles): one edit at most, so that a rare but right word is not "corrected"
   * into a frequent other one two letters away ({@code parade}: party, {@code wineries}: windy).
   */
  private final DirectSpellChecker nearChecker = new DirectSpellChecker();

  /** {@code analyzer} analyzes queries; articles are re-read with {@code indexChain}. */
  Suggester(Analyzer analyzer, IndexChain indexChain) {
    this.analyzer = analyzer;
    this.indexChain = indexChain;
    checker.setMaxEdits(2);
    checker.setMinQueryLength(4);
    nearChecker.setMaxEdits(1);
    nearChecker.setMinQueryLength(4);
    // the default (1% of the articles) would refuse a small index's word in a few articles; RARE decides
    nearChecker.setMaxQueryFrequency(RARE);
  }

  /** The query with misspelled words replaced, or null when no word needs it. */
  String suggest(String query, IndexSearcher searcher) throws IOException {
    IndexReader reader = searcher.getIndexReader();
    Matcher m = WORD.matcher(query);
    StringBuilder out = new StringBuilder();
    boolean changed = false;
    while (m.find()) {
      String word = m.group();
      String replacement = word.equals("AND") || word.equals("OR") || word.equals("NOT") ? null
          : correct(word, searcher, reader);
      m.appendReplacement(out, Matcher.quoteReplacement(replacement == null ? word : replacement));
      changed |= replacement != null;
    }
    m.appendTail(out);
    return changed ? out.toString() : null;
  }

  /**
   * A correction of {@code word} when it is in at most {@link #RARE} articles, or null. (Correcting words in a few
   * more articles into far more frequent ones was tried: on Reuters it turned thorough into through, curtain into
   * certain, aground into around, as often as goverment into government.)
   */
  private String correct(String word, IndexSearcher searcher, IndexReader reader) throws IOException {
    String stem = stem(word);
    if (stem == null) {
      return null;
    }
    int df = reader.docFreq(new Term(BODY, stem));
    if (df > RARE) {
      return null;
    }
    SuggestWord[] candidates = df == 0
        ? checker.suggestSimilar(new Term(BODY, stem), CANDIDATES, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX)
        : nearChecker.suggestSimilar(new Term(BODY, stem), CANDIDATES, reader, SuggestMode.SUGGEST_MORE_POPULAR);
    // Fewest edits first; among those, likelier typos and more frequent words: a half-cost edit is worth a factor
    // of 100 in frequency (on Reuters: opec over oper, 17x as frequent; coffee over come; interest over intrastate)
    SuggestWord best = null;
    double bestEdits = Double.MAX_VALUE;
    double bestScore = -Double.MAX_VALUE;
    for (SuggestWord c : candidates) {
      double edits = distance(stem, c.string, false);
      double score = Math.log10(Math.max(1, c.freq)) - 4 * distance(stem, c.string, true);
      if (edits < bestEdits || edits == bestEdits && score > bestScore) {
        best = c;
        bestEdits = edits;
        bestScore = score;
      }
    }
    return best == null ? null : surfaceForm(best.string, searcher);
  }

  /** Edit distance (with transpositions) where a substitution between {@link #CONFUSABLE} letters costs half. */
  static double weightedDistance(String a, String b) {
    return distance(a, b, true);
  }

  /**
   * Edit distance with transpositions; with {@code weighted}, a {@link #CONFUSABLE} substitution costs half, and so
   * does typing a doubled letter once or a single one twice.
   */
  private static double distance(String a, String b, boolean weighted) {
    double[][] d = new double[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        char x = a.charAt(i - 1);
        char y = b.charAt(j - 1);
        double sub = x == y ? 0 : weighted && confusable(x, y) ? 0.5 : 1;
        // a doubled letter typed once, or a single one twice (cofee, occured), is half an edit too
        double delete = weighted && (i >= 2 && a.charAt(i - 2) == x || i < a.length() && a.charAt(i) == x) ? 0.5 : 1;
        double insert = weighted && (j >= 2 && b.charAt(j - 2) == y || j < b.length() && b.charAt(j) == y) ? 0.5 : 1;
        double v = Math.min(Math.min(d[i - 1][j] + delete, d[i][j - 1] + insert), d[i - 1][j - 1] + sub);
        if (i > 1 && j > 1 && x == b.charAt(j - 2) && a.charAt(i - 2) == y) {
          v = Math.min(v, d[i - 2][j - 2] + 1);
        }
        d[i][j] = v;
      }
    }
    return d[a.length()][b.length()];
  }

  private static boolean confusable(char x, char y) {
    for (String pair : CONFUSABLE) {
      if (pair.charAt(0) == x && pair.charAt(1) == y || pair.charAt(0) == y && pair.charAt(1) == x) {
        return true;
      }
    }
    return false;
  }

  private String stem(String word) throws IOException {
    try (TokenStream ts = analyzer.tokenStream(BODY, word)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      String first = ts.incrementToken() ? term.toString() : null;
      boolean more = ts.incrementToken();
      ts.end();
      return more ? null : first;
    }
  }

  /** A word as written in an article whose analysis gives {@code stem}; prefers a single word over a compound. */
  private String surfaceForm(String stem, IndexSearcher searcher) throws IOException {
    // Equal scores by article id, not by document number, which follows the build's worker threads.
    TopDocs top = searcher.search(new TermQuery(new Term(BODY, stem)), 5, RelevanceTop.sort());
    String fallback = null;
    for (org.apache.lucene.search.ScoreDoc sd : top.scoreDocs) {
      String body = searcher.storedFields().document(sd.doc).get(BODY);
      String found = body == null ? null : surfaceIn(body, stem);
      if (found != null && found.chars().allMatch(Character::isLetterOrDigit)) {
        return found;
      }
      fallback = fallback == null ? found : fallback;
    }
    return fallback;
  }

  private String surfaceIn(String body, String stem) throws IOException {
    String fallback = null;
    try (TokenStream ts = indexChain.get().tokenStream(BODY, body)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        if (term.toString().equals(stem)) {
          String surface = body.substring(offset.startOffset(), offset.endOffset()).toLowerCase(java.util.Locale.ROOT);
          if (surface.chars().allMatch(Character::isLetterOrDigit)) {
            ts.end();
            return surface;
          }
          fallback = fallback == null ? surface : fallback;
        }
      }
      ts.end();
    }
    return fallback;
  }
}

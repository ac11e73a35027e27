package org.newsdesk.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.newsdesk.schema.NewsField;

/**
 * Did-you-mean: replaces each rare or unknown word of a query with the nearest more frequent word of the body text,
 * as typed ({@code ceasfire} → {@code ceasefire}). The index holds stems, which only find the candidates: each
 * candidate stem is turned back into the words it stands for by re-reading a few articles that contain it, and those
 * words are what the typed word is compared with ({@code unware}: unaware, not unwarranted, whose stem unwarr is as
 * near to unwar). Thread-safe.
 */
final class Suggester {
  /** Results this small or smaller get a suggestion for their rare words. */
  static final long FEW_HITS = 2;
  /**
   * A word the index has is corrected only into a word this many times as frequent (in articles) when the typed word
   * is that word with one of the commonest slips: a letter left out ({@code unware}: unaware, {@code reopend}:
   * reopened, {@code goverment}: government), a letter doubled or undoubled ({@code accross}: across), or two
   * neighbours swapped ({@code chrsyler}: chrysler, {@code strenghten}: strengthen). Such pairs are less often two
   * real words than other one-edit pairs: on Reuters, of the words in 1 to 9 articles one such slip from a word 10 to
   * 300 times as frequent, two in three to five in six were typos in samples (knowlegeable, soverign, interupt,
   * breakdwon, canot; but fiction, bristle, diary).
   */
  static final int SLIP_RATIO = 10;
  /**
   * For any other one edit (a letter too many, another letter), the word it would be corrected into must be this
   * many times as frequent: such pairs are often two real words. On Reuters, below 300 times about half are
   * ({@code coral}, 2 articles, and coal, 58 times as many; {@code vidal} and vital, 68; {@code aground} and around,
   * 158; {@code curtain} and certain, 183; {@code thorough} and through, 222); above it most are typos (worht,
   * contorl, suppoort). Frequency cannot tell every real word from a typo (goverment, in 9 articles, is as rare next to
   * government as thorough next to through; only the kind of edit tells them apart): the ratios keep guesses likely.
   */
  static final int OTHER_RATIO = 300;
  /** Candidate stems looked at. */
  private static final int CANDIDATES = 8;
  /** Articles re-read for the spellings of each candidate stem. */
  private static final int FORM_ARTICLES = 5;
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
  /** Candidate stems: up to 2 edits from the typed word's stem; the typed word's own distance decides. */
  private final DirectSpellChecker checker = new DirectSpellChecker();

  /** {@code analyzer} analyzes queries; articles are re-read with {@code indexChain}. */
  Suggester(Analyzer analyzer, IndexChain indexChain) {
    this.analyzer = analyzer;
    this.indexChain = indexChain;
    checker.setMaxEdits(2);
    checker.setMinQueryLength(4);
    // not a share of the articles (the default refuses words in over 1%): the ratios decide which words are corrected
    checker.setMaxQueryFrequency(Integer.MAX_VALUE);
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

  /** One spelling of a candidate stem, as weighed against the typed word. */
  private record Choice(String form, int freq, double edits, double weighted, int kept, boolean letters, int seen) {
    /**
     * Fewest edits first; among those, likelier typos and more frequent words: a half-cost edit is worth a factor of
     * 100 in frequency (on Reuters: opec over oper, 17x as frequent; coffee over come; interest over intrastate).
     * Then the spelling that keeps more of the typed letters ({@code reopend}: reopened, not reopen or reopens), a
     * single word over a compound's spelling, the spelling seen more often, and the first in the alphabet.
     */
    boolean betterThan(Choice o) {
      if (edits != o.edits) {
        return edits < o.edits;
      }
      double score = Math.log10(Math.max(1, freq)) - 4 * weighted;
      double other = Math.log10(Math.max(1, o.freq)) - 4 * o.weighted;
      if (score != other) {
        return score > other;
      }
      if (kept != o.kept) {
        return kept > o.kept;
      }
      if (letters != o.letters) {
        return letters;
      }
      return seen != o.seen ? seen > o.seen : form.compareTo(o.form) < 0;
    }
  }

  /**
   * A correction of {@code word}, or null: the spelling nearest to it as typed of a more frequent stem, up to 2 edits
   * away for a word the index lacks, 1 for a word it has (in a few articles) and only into a word {@link #SLIP_RATIO}
   * or {@link #OTHER_RATIO} times as frequent.
   */
  private String correct(String word, IndexSearcher searcher, IndexReader reader) throws IOException {
    String stem = stem(word);
    if (stem == null) {
      return null;
    }
    String typed = word.toLowerCase(Locale.ROOT);
    Term term = new Term(BODY, stem);
    int df = reader.docFreq(term);
    if ((long) df * SLIP_RATIO > reader.maxDoc()) {
      return null; // no word is frequent enough to be its correction: spare the search for candidates
    }
    List<SuggestWord> candidates = new ArrayList<>();
    BooleanQuery.Builder stems = new BooleanQuery.Builder();
    for (SuggestWord c : checker.suggestSimilar(term, CANDIDATES, reader, SuggestMode.SUGGEST_MORE_POPULAR)) {
      if (c.freq >= (long) df * SLIP_RATIO) {
        candidates.add(c);
        stems.add(new TermQuery(new Term(BODY, c.string)), BooleanClause.Occur.SHOULD);
      }
    }
    if (candidates.isEmpty()) {
      return null;
    }
    // The articles are re-read only around the words that can analyze to a candidate (as the highlighter does)
    Analyzer windows = HighlightWindows.forQuery(indexChain.get(), indexChain.compounds(), stems.build(), BODY);
    try {
      return best(typed, df, candidates, windows == null ? indexChain.get() : windows, searcher);
    } finally {
      if (windows != null) {
        windows.close();
      }
    }
  }

  /** The best spelling of the candidates for {@code typed}, a word in {@code df} articles, or null. */
  private static String best(String typed, int df, List<SuggestWord> candidates, Analyzer chain,
      IndexSearcher searcher) throws IOException {
    Choice best = null;
    for (SuggestWord c : candidates) {
      for (Map.Entry<String, Integer> spelling : surfaceForms(c.string, chain, searcher).entrySet()) {
        String form = spelling.getKey();
        double edits = distance(typed, form, false);
        if (edits == 0 || edits > (df == 0 ? 2 : 1)
            || df > 0 && c.freq < (long) df * (slip(typed, form) ? SLIP_RATIO : OTHER_RATIO)) {
          continue;
        }
        Choice choice = new Choice(form, c.freq, edits, distance(typed, form, true), kept(typed, form),
            form.chars().allMatch(Character::isLetterOrDigit), spelling.getValue());
        if (best == null || choice.betterThan(best)) {
          best = choice;
        }
      }
    }
    return best == null ? null : best.form;
  }

  /**
   * True when {@code typed} is {@code form} with a letter left out, a letter typed twice (the doubled letter typed
   * once is a letter left out), or two neighbours swapped.
   */
  private static boolean slip(String typed, String form) {
    if (form.length() == typed.length() + 1) {
      return kept(typed, form) == typed.length();
    }
    if (typed.length() == form.length() + 1) {
      for (int i = 1; i < typed.length(); i++) {
        if (typed.charAt(i) == typed.charAt(i - 1)
            && (typed.substring(0, i) + typed.substring(i + 1)).equals(form)) {
          return true;
        }
      }
      return false;
    }
    if (typed.length() == form.length()) {
      int i = 0;
      while (i < typed.length() && typed.charAt(i) == form.charAt(i)) {
        i++;
      }
      return i + 1 < typed.length() && typed.charAt(i) == form.charAt(i + 1) && typed.charAt(i + 1) == form.charAt(i)
          && typed.substring(i + 2).equals(form.substring(i + 2));
    }
    return false;
  }

  /** How many letters of {@code typed} {@code form} keeps, in order (their longest common subsequence). */
  private static int kept(String typed, String form) {
    int[][] l = new int[typed.length() + 1][form.length() + 1];
    for (int i = 1; i <= typed.length(); i++) {
      for (int j = 1; j <= form.length(); j++) {
        l[i][j] = typed.charAt(i - 1) == form.charAt(j - 1) ? l[i - 1][j - 1] + 1 : Math.max(l[i - 1][j], l[i][j - 1]);
      }
    }
    return l[typed.length()][form.length()];
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

  /**
   * The words, lower-cased, that give {@code stem} in the first {@link #FORM_ARTICLES} articles containing it, with how
   * often each was seen. The articles are taken by score, equal scores by article id, not by document number, which
   * follows the build's worker threads.
   */
  private static Map<String, Integer> surfaceForms(String stem, Analyzer chain, IndexSearcher searcher)
      throws IOException {
    TopDocs top = searcher.search(new TermQuery(new Term(BODY, stem)), FORM_ARTICLES, RelevanceTop.sort());
    Map<String, Integer> forms = new TreeMap<>();
    for (ScoreDoc sd : top.scoreDocs) {
      String body = searcher.storedFields().document(sd.doc).get(BODY);
      if (body == null) {
        continue;
      }
      try (TokenStream ts = chain.tokenStream(BODY, body)) {
        CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
        OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
        ts.reset();
        while (ts.incrementToken()) {
          if (term.toString().equals(stem)) {
            forms.merge(body.substring(offset.startOffset(), offset.endOffset()).toLowerCase(Locale.ROOT), 1,
                Integer::sum);
          }
        }
        ts.end();
      }
    }
    return forms;
  }
}

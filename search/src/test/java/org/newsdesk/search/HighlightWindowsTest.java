package org.newsdesk.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.newsdesk.analysis.NewsAnalyzer;

/**
 * Analyzing only a text's candidate windows finds every token of the query's terms that analyzing the whole text
 * finds, at the same offsets: what the highlighter needs for a query of plain terms.
 */
class HighlightWindowsTest {
  private static final IndexChain CHAIN = new IndexChain(NewsAnalyzer.Options.DEFAULT);
  private static final String BODY = "body";
  /** News words with every analysis edge the windows rely on: case, accents, possessives, compounds, stemming. */
  private static final String[] WORDS = {
      "the", "The", "ceasefire", "Ceasefire", "CEASEFIRE", "ceasefires", "cease-fire", "cease", "fire", "fires",
      "Cease-Fire", "wildfire", "wild", "firefighters", "fighter", "peacekeeping", "peace", "keeping", "air", "strike",
      "airstrikes", "Putin's", "Putin’s", "Pashinyan", "Nagorno-Karabakh", "Karabakh's", "OSCE", "U.S.", "talks",
      "talked", "talking", "happy", "happiness", "happily", "hoping", "hope", "hopeful", "possibility", "possible",
      "ability", "arbility", "toy", "toys", "ties", "tie", "flies", "fly", "agreed", "agree", "relational", "rate",
      "rating", "generalizations", "général", "café", "Zürich", "naïve", "São", "Москва", "東京", "1,200", "3.5",
      "2020", "o'clock", "e-mail", "x", "a", "yes", "sky", "army", "armies", "(fire)", "fire,", "\"cease", "fire\"",
      "state-of-the-art", "ceasefire-related", "pre-ceasefire"};
  private static final String[] GAPS = {" ", " ", " ", "\n", "\n\n", "\t", ", ", ". ", " - ", "  "};

  @AfterAll
  static void close() {
    CHAIN.close();
  }

  @Test
  void findsTheSameTermsAtTheSameOffsetsAsTheWholeText() throws IOException {
    SplittableRandom random = new SplittableRandom(3);
    Analyzer chain = CHAIN.get();
    int compared = 0;
    for (int i = 0; i < 3_000; i++) {
      StringBuilder text = new StringBuilder();
      int n = 1 + random.nextInt(120);
      for (int w = 0; w < n; w++) {
        text.append(WORDS[random.nextInt(WORDS.length)]).append(GAPS[random.nextInt(GAPS.length)]);
      }
      String t = text.toString();
      List<String> tokens = tokens(chain, t, null);
      if (tokens.isEmpty()) {
        continue;
      }
      // Query terms: some of the text's own terms (real stems), sometimes one it does not have.
      List<String> terms = new ArrayList<>();
      for (int k = 1 + random.nextInt(3); k > 0; k--) {
        terms.add(random.nextInt(5) == 0 ? "peac" : term(tokens.get(random.nextInt(tokens.size()))));
      }
      Query query = anyOf(terms);
      Analyzer windows = HighlightWindows.forQuery(chain, CHAIN.compounds(), query, BODY);
      if (windows == null) {
        continue; // a term with punctuation (u.s, 1,200): the whole text is analyzed, nothing to compare
      }
      try (windows) {
        Set<String> wanted = Set.copyOf(terms);
        assertEquals(tokens(chain, t, wanted), tokens(windows, t, wanted), "terms " + terms + " in: " + t);
      }
      compared++;
    }
    assertTrue(compared > 1_000, "compared " + compared);
  }

  @Test
  void leavesOutTheWordsThatCannotMatch() throws IOException {
    String text = "The council met on Tuesday. After weeks of shelling, both sides agreed to a cease-fire that"
        + " held overnight.\n\nMarkets rose and the harbour reopened; officials said talks would resume.";
    Analyzer windows = HighlightWindows.forQuery(CHAIN.get(), CHAIN.compounds(), new TermQuery(new Term(BODY, "ceasefir")), BODY);
    assertNotNull(windows);
    try (windows; HighlightWindows.WindowReader reader = new HighlightWindows.WindowReader(new StringReader(text),
        new char[][] {"cea".toCharArray()})) {
      char[] buffer = new char[text.length()];
      int n = reader.read(buffer, 0, buffer.length);
      assertEquals("to a cease-fire that held", new String(buffer, 0, n)); // two words on each side
      assertEquals(-1, reader.read(buffer, 0, buffer.length));
      assertEquals(text.indexOf("cease-fire"), reader.correctOffset("to a ".length()));
      assertEquals(List.of("ceasefir " + text.indexOf("cease-fire") + "-" + (text.indexOf("cease-fire") + 10)),
          tokens(windows, text, Set.of("ceasefir")));
    }
  }

  @Test
  void onlyForQueriesOfPlainTerms() {
    List<List<String>> compounds = CHAIN.compounds();
    assertNull(HighlightWindows.prefixes(new PhraseQuery(BODY, "ceas", "fire"), BODY, compounds));
    assertNull(HighlightWindows.prefixes(new PrefixQuery(new Term(BODY, "cease")), BODY, compounds));
    assertNull(HighlightWindows.prefixes(new TermQuery(new Term(BODY, "u.s")), BODY, compounds));
    assertNull(HighlightWindows.prefixes(new TermQuery(new Term("title", "fire")), BODY, compounds));
    // A term that a compound's part starts like brings in the compound's closed form and first word.
    List<String> prefixes = HighlightWindows.prefixes(anyOf(List.of("fire")), BODY, compounds);
    assertTrue(prefixes.containsAll(List.of("fir", "cea", "wil")), prefixes.toString());
  }

  private static Query anyOf(List<String> terms) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (String t : terms) {
      b.add(new TermQuery(new Term(BODY, t)), BooleanClause.Occur.SHOULD);
    }
    return b.build();
  }

  private static String term(String token) {
    return token.substring(0, token.indexOf(' '));
  }

  /** "term start-end" of every token, or only of those whose term is {@code wanted}, sorted. */
  private static List<String> tokens(Analyzer analyzer, String text, Set<String> wanted) throws IOException {
    TreeSet<String> out = new TreeSet<>();
    try (TokenStream ts = analyzer.tokenStream(BODY, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        if (wanted == null || wanted.contains(term.toString())) {
          out.add(term + " " + offset.startOffset() + "-" + offset.endOffset());
        }
      }
      ts.end();
    }
    return new ArrayList<>(out);
  }
}

package org.newsdesk.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;

class SnippetsTest {
  private static final String ALPHABET = "ab  \n\n\t\r\u000B\f\u00a0\u2028\u0085\u2003\u001Cé.";

  /** What the snippets were before they became loops; the loops must give the same text. */
  private static String flattenByRegex(String text) {
    return text.replaceAll("\\s*\\n\\s*", " ").strip();
  }

  @Test
  void sameTextAsTheRegularExpressionOnRandomText() {
    Random random = new Random(42);
    for (int round = 0; round < 5000; round++) {
      int length = random.nextInt(round % 10 == 0 ? 800 : 260);
      StringBuilder s = new StringBuilder();
      for (int i = 0; i < length; i++) {
        s.append(random.nextInt(3) == 0 ? ALPHABET.charAt(random.nextInt(ALPHABET.length())) : 'w');
      }
      String text = s.toString();
      assertEquals(flattenByRegex(text), Snippets.flatten(text), text);
    }
  }

  /** Only a query with a phrase somewhere needs the highlighter's position checks. */
  @Test
  void findsPhrasesAnywhereInTheQuery() {
    TermQuery term = new TermQuery(new Term("body", "ceasefir"));
    PhraseQuery phrase = new PhraseQuery("body", "strong", "harvest");
    assertFalse(Snippets.hasPhrase(term));
    assertFalse(Snippets.hasPhrase(new PrefixQuery(new Term("body", "cease"))));
    assertFalse(Snippets.hasPhrase(new BooleanQuery.Builder().add(term, BooleanClause.Occur.MUST)
        .add(new TermQuery(new Term("title", "armenia")), BooleanClause.Occur.SHOULD).build()));
    assertTrue(Snippets.hasPhrase(phrase));
    assertTrue(Snippets.hasPhrase(new BoostQuery(phrase, 2f)));
    assertTrue(Snippets.hasPhrase(new BooleanQuery.Builder().add(term, BooleanClause.Occur.SHOULD)
        .add(phrase, BooleanClause.Occur.MUST).build()));
    assertTrue(Snippets.hasPhrase(new MultiPhraseQuery.Builder().add(new Term("body", "cease"))
        .add(new Term[] {new Term("body", "fire"), new Term("body", "fires")}).build()));
  }

  /** A passage of a thousand characters is cut around its first match, at spaces, never inside a marked match. */
  @Test
  void longPassagesAreCutAroundTheirFirstMatch() {
    String words = "the council met again to discuss the harbour and the budget for the coming year ";
    String passage = words.repeat(6) + "and agreed a **ceasefire** with the **fishermen** " + words.repeat(6);
    String cut = Snippets.shorten(passage, "**", "**");
    assertTrue(cut.startsWith("…") && cut.endsWith("…"), cut);
    assertTrue(cut.length() <= Snippets.MAX_PASSAGE + 2 * "…".length() + 2, cut.length() + ": " + cut);
    assertTrue(cut.contains("**ceasefire**") && cut.contains("**fishermen**"), cut);
    assertEquals(0, cut.replace("**ceasefire**", "").replace("**fishermen**", "").split("\\*\\*", -1).length - 1,
        "no marker left unpaired: " + cut);
    assertFalse(cut.contains("  "), cut);

    String two = "Short one with a **match**." + Snippets.ELLIPSIS + passage;
    String both = Snippets.shorten(two, "**", "**");
    assertTrue(both.startsWith("Short one with a **match**." + Snippets.ELLIPSIS + "…"), both);

    String shortSnippet = "A ceasefire **held** overnight.";
    assertTrue(shortSnippet == Snippets.shorten(shortSnippet, "**", "**"));
    // a marker pair the cut would split is kept whole
    String late = words.repeat(5).substring(0, 290) + " **ceasefire** " + words.repeat(3);
    String kept = Snippets.shorten("**talks** " + late, "**", "**");
    assertTrue(kept.contains("**talks**") && !kept.matches(".*\\*\\*[a-z]*…$"), kept);
  }
}

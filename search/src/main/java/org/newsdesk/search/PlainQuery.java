package org.newsdesk.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.newsdesk.schema.NewsField;

/**
 * The commonest queries, a few plain words or one quoted phrase of them, turned into exactly the query {@link NewsQueryParser} makes of them,
 * without the classic parser: on a busy searcher the parser's machinery (and analyzing every word once per field)
 * costs more than the rest of building the query. Anything else (syntax, operators, a word that analyzes to no
 * term or to several) is left to the parser. Stateless.
 */
final class PlainQuery {
  /** The most words handled here; longer queries go through the parser (and its clause limit). */
  static final int MAX_WORDS = 16;
  private static final String TITLE = NewsField.TITLE.fieldName();
  private static final String BODY = NewsField.BODY.fieldName();

  private PlainQuery() {}

  /**
   * The parser's query for {@code text} when it is 1 to {@link #MAX_WORDS} words of letters and digits separated by
   * spaces (or such words in double quotes), none of them an operator and each analyzing to one term; otherwise null.
   */
  static Query parse(String text, Analyzer analyzer, IndexChain phrases, float titleBoost, boolean all) {
    String t = text.strip();
    if (t.length() > 2 && t.charAt(0) == '"' && t.charAt(t.length() - 1) == '"') {
      return phrase(t.substring(1, t.length() - 1), analyzer, phrases, titleBoost);
    }
    String[] words = words(text);
    if (words == null) {
      return null;
    }
    Query[] perWord = new Query[words.length];
    for (int i = 0; i < words.length; i++) {
      String term = singleTerm(analyzer, words[i]);
      if (term == null) {
        return null;
      }
      // Title and body share one analysis chain, so one term serves both fields, as the parser's two analyses give.
      perWord[i] = new BooleanQuery.Builder()
          .add(new BoostQuery(new TermQuery(new Term(TITLE, term)), titleBoost), BooleanClause.Occur.SHOULD)
          .add(new BoostQuery(new TermQuery(new Term(BODY, term)), 1f), BooleanClause.Occur.SHOULD)
          .build();
    }
    if (perWord.length == 1) {
      return perWord[0];
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (Query q : perWord) {
      b.add(q, all ? BooleanClause.Occur.MUST : BooleanClause.Occur.SHOULD);
    }
    return b.build();
  }

  /**
   * A quoted run of plain words: the phrase over title (boosted) and body, or the term query for one word; null
   * when a word is no plain word or analyzes to no term or several (stop words leave gaps the parser keeps), or
   * when a phrase has a compound in it, which the index holds at other positions (see NewsQueryParser).
   */
  private static Query phrase(String inner, Analyzer analyzer, IndexChain phrases, float titleBoost) {
    String[] words = words(inner);
    if (words == null || inner.length() != inner.strip().length()) {
      return null;
    }
    String[] terms = new String[words.length];
    for (int i = 0; i < words.length; i++) {
      terms[i] = singleTerm(analyzer, words[i]);
      if (terms[i] == null || words.length > 1 && phrases != null && singleTerm(phrases.get(), words[i]) == null) {
        return null;
      }
    }
    Query title = terms.length == 1 ? new TermQuery(new Term(TITLE, terms[0])) : new PhraseQuery(TITLE, terms);
    Query body = terms.length == 1 ? new TermQuery(new Term(BODY, terms[0])) : new PhraseQuery(BODY, terms);
    return new BooleanQuery.Builder()
        .add(new BoostQuery(title, titleBoost), BooleanClause.Occur.SHOULD)
        .add(new BoostQuery(body, 1f), BooleanClause.Occur.SHOULD)
        .build();
  }

  /** The words of a plain query, or null when it holds anything but letters, digits and single spaces. */
  private static String[] words(String text) {
    String t = text.strip();
    if (t.isEmpty()) {
      return null;
    }
    int count = 1;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c == ' ') {
        if (t.charAt(i - 1) == ' ') {
          return null;
        }
        count++;
      } else if (!Character.isLetterOrDigit(c) || Character.isSurrogate(c)) {
        return null;
      }
    }
    if (count > MAX_WORDS) {
      return null;
    }
    String[] words = t.split(" ");
    for (String w : words) {
      if (w.equals("AND") || w.equals("OR") || w.equals("NOT")) {
        return null;
      }
    }
    return words;
  }

  /** The one term {@code word} analyzes to in the text fields, or null for none or several. */
  static String singleTerm(Analyzer analyzer, String word) {
    try (TokenStream ts = analyzer.tokenStream(BODY, word)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      String first = ts.incrementToken() ? term.toString() : null;
      boolean more = first != null && ts.incrementToken();
      ts.end();
      return more ? null : first;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

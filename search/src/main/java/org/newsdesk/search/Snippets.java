package org.newsdesk.search;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

/**
 * Highlighter passages on one line, for hits. Written as a plain loop because every highlighted hit goes through
 * here; the method says the regular expression it is equivalent to. A hit without a passage shows its article's
 * lead instead, made at index time ({@link org.newsdesk.schema.Leads}). Stateless.
 */
final class Snippets {
  private Snippets() {}

  /**
   * The text on one line: {@code text.replaceAll("\\s*\\n\\s*", " ").strip()}, i.e. every run of whitespace that
   * holds a line break becomes one space.
   */
  static String flatten(String text) {
    int n = text.length();
    StringBuilder out = null;
    int copied = 0;
    int i = 0;
    while (i < n) {
      if (!isRegexSpace(text.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      boolean newline = false;
      while (i < n && isRegexSpace(text.charAt(i))) {
        newline |= text.charAt(i) == '\n';
        i++;
      }
      if (newline) {
        if (out == null) {
          out = new StringBuilder(n);
        }
        out.append(text, copied, start).append(' ');
        copied = i;
      }
    }
    if (out == null) {
      return text.strip();
    }
    return out.append(text, copied, n).toString().strip();
  }

  /** Java regex {@code \s} without UNICODE_CHARACTER_CLASS: {@code [ \t\n\x0B\f\r]}. */
  private static boolean isRegexSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
  }

  /**
   * True if the query holds a phrase, whose words are highlighted only where they stand as the phrase. The
   * highlighter re-analyzes each shown body; for a query without phrases it only needs to look for the query's
   * terms in the token stream, which costs a fraction of indexing the body into a memory index for position checks
   * (the cold highlighting of a command-line search: about 180 -> 145 ms with its other start-up work), with the
   * same highlights.
   */
  static boolean hasPhrase(Query query) {
    boolean[] found = {false};
    query.visit(new QueryVisitor() {
      @Override
      public QueryVisitor getSubVisitor(org.apache.lucene.search.BooleanClause.Occur occur, Query parent) {
        if (parent instanceof PhraseQuery || parent instanceof MultiPhraseQuery) {
          found[0] = true;
        }
        return this;
      }

      @Override
      public void consumeTerms(Query q, Term... terms) {
        if (q instanceof PhraseQuery || q instanceof MultiPhraseQuery) {
          found[0] = true;
        }
      }

      @Override
      public void visitLeaf(Query q) {
        if (q instanceof PhraseQuery || q instanceof MultiPhraseQuery) {
          found[0] = true;
        }
      }
    });
    return found[0];
  }
}

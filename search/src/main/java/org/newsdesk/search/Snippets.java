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

  /**
   * The text HTML-escaped as the highlighter's formatter escapes passages for {@link SearchRequest.Markers#html}
   * markers (Lucene's {@code DefaultPassageFormatter}, the OWASP rules): {@code & < > " ' /}.
   */
  static String escapeHtml(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#x27;");
        case '/' -> out.append("&#x2F;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** Passages are joined with this by the highlighter's formatter (NewsSearcher). */
  static final String ELLIPSIS = " … ";
  /** A passage longer than this (a sentence of a long list, a page without full stops) is cut around its matches. */
  static final int MAX_PASSAGE = 300;
  /** How much of a cut passage comes before its first match. */
  private static final int BEFORE_MATCH = 80;

  /**
   * The snippet with each passage of more than {@link #MAX_PASSAGE} characters cut to about that length around its
   * first match, at spaces and never between a {@code pre} and its {@code post} marker, with "…" where text was
   * left out. The highlighter's passages are whole sentences, and a sentence can run to a thousand characters.
   */
  static String shorten(String snippet, String pre, String post) {
    if (snippet.length() <= MAX_PASSAGE) {
      return snippet;
    }
    StringBuilder out = new StringBuilder(snippet.length());
    int from = 0;
    while (from <= snippet.length()) {
      int end = snippet.indexOf(ELLIPSIS, from);
      String passage = snippet.substring(from, end < 0 ? snippet.length() : end);
      out.append(out.length() == 0 ? "" : ELLIPSIS).append(shortenPassage(passage, pre, post));
      if (end < 0) {
        break;
      }
      from = end + ELLIPSIS.length();
    }
    return out.toString();
  }

  private static String shortenPassage(String passage, String pre, String post) {
    if (passage.length() <= MAX_PASSAGE) {
      return passage;
    }
    int match = pre.isEmpty() ? -1 : passage.indexOf(pre);
    int start = match < 0 ? 0 : Math.max(0, match - BEFORE_MATCH);
    if (start > 0) {
      int space = passage.indexOf(' ', start);
      start = space < 0 || space >= match ? match : space + 1;
    }
    int end = Math.min(passage.length(), start + MAX_PASSAGE);
    if (end < passage.length()) {
      // Walk the marker pairs in order (pre and post may be the same string, as in --json's **): a cut inside a pair
      // moves past its post; else it moves back to a space after the last pair closed before it.
      int lastClosed = start;
      int openAt = -1;
      for (int i = start; !pre.isEmpty(); ) {
        int at = passage.indexOf(openAt < 0 ? pre : post, i);
        if (at < 0 || openAt < 0 && at >= end) {
          break;
        }
        if (openAt < 0) {
          openAt = at;
          i = at + pre.length();
        } else {
          openAt = -1;
          i = at + post.length();
          lastClosed = i;
          if (i >= end) {
            end = i;
            break;
          }
        }
      }
      if (openAt < 0 && end < passage.length()) {
        int space = passage.lastIndexOf(' ', end);
        if (space > start && space >= lastClosed) {
          end = space;
        }
      }
    }
    return (start > 0 ? "…" : "") + passage.substring(start, end).strip() + (end < passage.length() ? "…" : "");
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

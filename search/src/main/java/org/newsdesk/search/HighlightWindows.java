package org.newsdesk.search;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.charfilter.BaseCharFilter;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

/**
 * Highlighting a query of plain terms without analyzing all of each shown body. The postings hold no offsets, so
 * the highlighter re-analyzes every shown body with the indexing chain; for a one-query process (the command line)
 * that analysis, run before the JIT has compiled the tokenizer, was the longest step after opening the index. Only
 * words that can analyze to one of the query's terms matter, and analysis changes the start of a word only by case
 * and accents: stemming works on its end, and a compound's tokens start where one of its words starts. So the chain
 * is given only the words that start like a query term (or like a compound one of whose parts does), any word with
 * a non-ASCII letter, and the two words on each side of them (a compound's other half); the rest of the body is left
 * out and the offsets are mapped back. The highlighter then finds the same terms at the same offsets
 * ({@code HighlightWindowsTest} compares the matches with those of the whole body).
 *
 * <p>Only for queries without phrases (which are checked on positions) and without wildcard, prefix or fuzzy terms
 * (which could match any word); anything else gets the chain as it is.
 */
final class HighlightWindows {
  /** Words on each side of a candidate that are kept with it. */
  static final int CONTEXT_WORDS = 2;
  /**
   * Characters of a term compared with the start of a word. Stemming changes only a stem's last letter (happy:
   * happi, hoping: hope), except -biliti → -ble (possibility: possibl), whose first changed letter has at least three
   * before it: so at most three, and never a term's last.
   */
  private static final int PREFIX_CHARS = 3;

  private HighlightWindows() {}

  /**
   * An analyzer that analyzes only the candidate windows of a text for {@code query}'s terms in {@code field}, or
   * null when the query cannot be highlighted that way. Made per search, since the windows depend on the query: its
   * token stream components cost a few microseconds once, against re-analyzing whole bodies. Close it after use (the
   * chain itself is not closed).
   */
  static Analyzer forQuery(Analyzer chain, List<List<String>> compounds, Query query, String field) {
    List<String> prefixes = prefixes(query, field, compounds);
    if (prefixes == null || prefixes.isEmpty()) {
      return null;
    }
    char[][] starts = prefixes.stream().map(String::toCharArray).toArray(char[][]::new);
    return new AnalyzerWrapper(chain.getReuseStrategy()) {
      @Override
      protected Analyzer getWrappedAnalyzer(String fieldName) {
        return chain;
      }

      @Override
      protected Reader wrapReader(String fieldName, Reader reader) {
        return new WindowReader(reader, starts);
      }
    };
  }

  /**
   * The word starts that may analyze to one of the query's terms in {@code field}: each term's first characters,
   * and the first word and closed form of every compound with a part that starts like a term. Null when the query
   * has no plain terms there, a phrase, a term with a character other than a-z and 0-9 (it may come from a word
   * with punctuation inside, "u.s."), or a term that matches by pattern.
   */
  static List<String> prefixes(Query query, String field, List<List<String>> compounds) {
    if (Snippets.hasPhrase(query)) {
      return null;
    }
    Set<String> terms = new LinkedHashSet<>();
    boolean[] other = {false};
    query.visit(new QueryVisitor() {
      @Override
      public boolean acceptField(String f) {
        return field.equals(f);
      }

      @Override
      public void consumeTerms(Query q, Term... ts) {
        for (Term t : ts) {
          if (t.field().equals(field)) {
            terms.add(t.text());
          }
        }
      }

      @Override
      public void consumeTermsMatching(Query q, String f, Supplier<ByteRunAutomaton> automaton) {
        if (field.equals(f)) {
          other[0] = true;
        }
      }
    });
    if (other[0] || terms.isEmpty()) {
      return null;
    }
    Set<String> prefixes = new LinkedHashSet<>();
    for (String t : terms) {
      if (t.isEmpty() || !t.chars().allMatch(c -> c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) {
        return null;
      }
      prefixes.add(prefix(t));
    }
    List<String> termPrefixes = List.copyOf(prefixes);
    for (List<String> compound : compounds) {
      for (String part : compound) {
        if (termPrefixes.stream().anyMatch(part::startsWith)) {
          prefixes.add(prefix(compound.get(0)));
          prefixes.add(prefix(compound.get(1)));
          break;
        }
      }
    }
    return new ArrayList<>(prefixes);
  }

  private static String prefix(String word) {
    return word.substring(0, Math.max(1, Math.min(PREFIX_CHARS, word.length() - 1)));
  }

  /**
   * The candidate windows of the text read from {@code in}, in order, one line break between windows, with the
   * offsets of every kept character mapped back to the text. Words are runs of characters between ASCII spaces,
   * tabs and line breaks: no token of the chain spans those.
   */
  static final class WindowReader extends BaseCharFilter {
    private final char[][] starts;
    // The text is a char array and the loops over it make no call or allocation per character or word: a one-query
    // process (the command line) runs them in the interpreter, over every character of ten bodies.
    private char[] text = new char[4096];
    private int textLength;
    private char[] out;
    private int length;
    private int position;

    WindowReader(Reader in, char[][] starts) {
      super(in);
      this.starts = starts;
    }

    @Override
    public int read(char[] buffer, int offset, int count) throws IOException {
      if (out == null) {
        readAll();
        window();
      }
      if (position >= length) {
        return -1;
      }
      int n = Math.min(count, length - position);
      System.arraycopy(out, position, buffer, offset, n);
      position += n;
      return n;
    }

    private void readAll() throws IOException {
      for (int n; (n = input.read(text, textLength, text.length - textLength)) >= 0; ) {
        textLength += n;
        if (textLength == text.length) {
          text = Arrays.copyOf(text, text.length * 2);
        }
      }
    }

    private void window() {
      char[] t = text;
      int n = textLength;
      // Word bounds, then which words are kept.
      int[] wordStarts = new int[64];
      int[] wordEnds = new int[64];
      int w = 0;
      for (int i = 0; i < n; ) {
        while (i < n && isSpace(t[i])) {
          i++;
        }
        int start = i;
        while (i < n && !isSpace(t[i])) {
          i++;
        }
        if (i > start) {
          if (w == wordStarts.length) {
            wordStarts = Arrays.copyOf(wordStarts, w * 2);
            wordEnds = Arrays.copyOf(wordEnds, w * 2);
          }
          wordStarts[w] = start;
          wordEnds[w] = i;
          w++;
        }
      }
      boolean[] keep = new boolean[w];
      for (int k = 0; k < w; k++) {
        if (isCandidate(t, wordStarts[k], wordEnds[k])) {
          for (int j = Math.max(0, k - CONTEXT_WORDS); j <= Math.min(w - 1, k + CONTEXT_WORDS); j++) {
            keep[j] = true;
          }
        }
      }
      out = new char[n];
      length = 0;
      for (int k = 0; k < w; k++) {
        if (!keep[k]) {
          continue;
        }
        int from = wordStarts[k];
        int last = k;
        while (last + 1 < w && keep[last + 1]) {
          last++;
        }
        int to = wordEnds[last];
        if (length > 0) {
          out[length++] = '\n';
        }
        // From here on, an offset in the output is this much short of the same character in the text.
        addOffCorrectMap(length, from - length);
        System.arraycopy(t, from, out, length, to - from);
        length += to - from;
        k = last;
      }
      text = null;
    }

    /** True if some letter-or-digit run of the word starts like a query term, or the word is not all ASCII. */
    private boolean isCandidate(char[] t, int from, int to) {
      for (int i = from; i < to; ) {
        char c = t[i];
        if (c >= 0x80) {
          return true;
        }
        if (!isAsciiLetterOrDigit(c)) {
          i++;
          continue;
        }
        int runEnd = i;
        while (runEnd < to && t[runEnd] < 0x80 && isAsciiLetterOrDigit(t[runEnd])) {
          runEnd++;
        }
        if (startsLikeATerm(t, i, runEnd)) {
          return true;
        }
        i = runEnd;
      }
      return false;
    }

    private boolean startsLikeATerm(char[] t, int from, int to) {
      for (char[] start : starts) {
        if (to - from < start.length) {
          continue;
        }
        boolean match = true;
        for (int j = 0; j < start.length && match; j++) {
          char c = t[from + j];
          match = (c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c) == start[j];
        }
        if (match) {
          return true;
        }
      }
      return false;
    }

    private static boolean isAsciiLetterOrDigit(char c) {
      return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    private static boolean isSpace(char c) {
      return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }
  }
}

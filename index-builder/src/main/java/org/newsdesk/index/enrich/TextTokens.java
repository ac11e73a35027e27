package org.newsdesk.index.enrich;

import java.util.Arrays;
import org.apache.lucene.analysis.CharArrayMap;

/**
 * A text split into the same tokens as {@link NameTokens}, for matching against the gazetteer's trie: only the
 * token boundaries are computed up front, and everything else (the folded form, the case shape, whether a token
 * may continue a name) only for the few tokens the matcher asks about. Most tokens of a text start no name and
 * cost one look-up of their lower-cased characters, with no string made for them.
 *
 * <p>Answers are exactly those of the same-named {@link NameTokens} fields (GazetteerEntityTaggerTest compares the
 * mentions found both ways). Each thread has one instance, which serves one text at a time ({@link #of}).
 */
final class TextTokens implements TokenShapes {
  /** ASCII letters and digits: the word characters of nearly every token ({@link NameTokens#isWordChar}). */
  private static final boolean[] ASCII_WORD = new boolean[128];

  static {
    for (char c = 0; c < 128; c++) {
      ASCII_WORD[c] = NameTokens.isWordChar(c);
    }
  }

  /**
   * Each thread's instance, filled anew by every {@link #of}: the tagger scans one text at a time, and arrays the size
   * of a text (its characters and token bounds), allocated and zeroed per text, were a fifth of tagging's time.
   */
  private static final ThreadLocal<TextTokens> REUSED = ThreadLocal.withInitial(TextTokens::new);
  /** Texts longer than this (rare) get arrays of their own, so that a thread does not keep them afterwards. */
  private static final int REUSED_MAX_CHARS = 1 << 20;

  private String text;
  /** The text's characters: scanning an array skips String.charAt's bounds and coder checks on every character. */
  private char[] chars = new char[4096];
  private int[] start = new int[1024];
  private int[] end = new int[1024];
  /** Whether token i is all ASCII, so its folded form is its lower-cased characters. */
  private boolean[] ascii = new boolean[1024];
  private int size;
  private char[] scratch = new char[32];

  private TextTokens() {}

  /**
   * Splits a text into tokens (boundaries only), as {@link NameTokens#tokenEnd} does. The result is this thread's
   * instance: it is valid until the thread's next call.
   */
  static TextTokens of(String text) {
    int len = text.length();
    TextTokens t = len > REUSED_MAX_CHARS ? new TextTokens() : REUSED.get();
    t.text = text;
    t.size = 0;
    if (t.chars.length < len) {
      t.chars = new char[Math.max(len, t.chars.length * 2)];
    }
    text.getChars(0, len, t.chars, 0);
    char[] c = t.chars;
    int i = 0;
    while (i < len) {
      char first = c[i];
      if (first < 128 ? !ASCII_WORD[first] : !NameTokens.isWordChar(first)) {
        i++;
        continue;
      }
      // ASCII letters and digits in a loop of their own; anything else (an apostrophe, a non-ASCII letter) is left
      // to tokenEnd, whose rules depend only on what follows the point it starts from.
      int e = i + 1;
      while (e < len && c[e] < 128 && ASCII_WORD[c[e]]) {
        e++;
      }
      boolean plain = first < 128;
      if (e < len && (c[e] >= 128 || c[e] == '\'')) {
        int longer = NameTokens.tokenEnd(text, e);
        if (longer > e) {
          plain &= isAscii(c, e, longer);
          e = longer;
        }
      }
      t.add(i, e, plain);
      i = e;
    }
    return t;
  }

  private static boolean isAscii(char[] c, int from, int to) {
    int all = 0;
    for (int k = from; k < to; k++) {
      all |= c[k];
    }
    return all < 128;
  }

  private void add(int s, int e, boolean plain) {
    if (size == start.length) {
      start = Arrays.copyOf(start, size * 2);
      end = Arrays.copyOf(end, size * 2);
      ascii = Arrays.copyOf(ascii, size * 2);
    }
    start[size] = s;
    end[size] = e;
    ascii[size] = plain;
    size++;
  }

  @Override
  public int size() {
    return size;
  }

  int start(int i) {
    return start[i];
  }

  int end(int i) {
    return end[i];
  }

  /** The value {@code map} holds for token i's folded form ({@link NameTokens#fold}), or null. */
  <V> V lookup(CharArrayMap<V> map, int i) {
    int s = start[i];
    int n = end[i] - s;
    if (!ascii[i]) {
      return map.get(NameTokens.fold(text.substring(s, end[i])));
    }
    if (scratch.length < n) {
      scratch = new char[Math.max(n, scratch.length * 2)];
    }
    for (int k = 0; k < n; k++) {
      char c = chars[s + k];
      scratch[k] = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }
    return map.get(scratch, 0, n);
  }

  /** False if token i's folded form is certainly not one of {@code filter}'s words. */
  boolean mayBeIn(FirstWordFilter filter, int i) {
    return !ascii[i] || filter.mayContainAscii(chars, start[i], end[i]);
  }

  /** {@link NameTokens#joinable}: token i (i > 0) may continue a name that token i-1 is part of. */
  boolean joinable(int i) {
    int prevLen = NameTokens.isAbbreviation(text, start[i - 1], end[i - 1]) ? 1 : end[i - 1] - start[i - 1];
    return NameTokens.joinableGap(text, end[i - 1], start[i], prevLen);
  }

  /** {@link NameTokens#capitalized}: token i's first letter is upper or title case. */
  @Override
  public boolean capitalized(int i) {
    int cp = text.codePointAt(start[i]);
    return Character.isUpperCase(cp) || Character.isTitleCase(cp);
  }

  /** Token i starts with an ASCII lower-case letter. */
  boolean startsLowerCase(int i) {
    char c = chars[start[i]];
    return c >= 'a' && c <= 'z';
  }

  @Override
  public boolean spelled(int i, String word) {
    return end[i] - start[i] == word.length() && text.regionMatches(start[i], word, 0, word.length());
  }

  @Override
  public boolean inCapitals(int i) {
    return NameTokens.inCapitals(text, start[i], end[i]);
  }

  @Override
  public boolean hasLowerCase(int i) {
    return NameTokens.hasLowerCase(text, start[i], end[i]);
  }

  @Override
  public int length(int i) {
    return end[i] - start[i];
  }

  @Override
  public boolean breakBefore(int i) {
    return i > 0 && NameTokens.clauseBreak(text, end[i - 1], start[i]);
  }

  @Override
  public boolean listBefore(int i) {
    return i > 0 && NameTokens.listGap(text, end[i - 1], start[i]);
  }
}

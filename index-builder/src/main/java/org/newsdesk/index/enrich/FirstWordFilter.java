package org.newsdesk.index.enrich;

/**
 * A quick "certainly no name starts here" test before the trie's first look-up: one bit per hash of a word's
 * length and its first, second and last lower-cased letters, set for every first word of a name. Most words of a
 * text (sentence starts, names not in the gazetteer, lower-case words where some name starts lower case) clear it
 * with three character reads instead of a lower-cased copy, a hash over it and a probe. It answers for all-ASCII
 * tokens only ({@link TextTokens} looks the others up). Immutable.
 */
final class FirstWordFilter {
  private static final int BITS = 1 << 16;
  private final long[] bits = new long[BITS / 64];

  /** A filter for these folded first words. */
  FirstWordFilter(Iterable<String> words) {
    for (String w : words) {
      if (w.isEmpty()) {
        continue;
      }
      int h = hash(w.length(), w.charAt(0), w.charAt(Math.min(1, w.length() - 1)), w.charAt(w.length() - 1));
      bits[h >>> 6] |= 1L << h;
    }
  }

  /**
   * False if no first word can be the all-ASCII token {@code text[start, end)} once folded (lower-cased). A token
   * with another character must not be asked: folding may change its length or letters ({@code ß} becomes
   * {@code ss}, combining accents go).
   */
  boolean mayContainAscii(char[] text, int start, int end) {
    int n = end - start;
    char first = text[start];
    char second = text[start + Math.min(1, n - 1)];
    char last = text[end - 1];
    int h = hash(n, lower(first), lower(second), lower(last));
    return (bits[h >>> 6] & 1L << h) != 0;
  }

  private static char lower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }

  private static int hash(int length, char first, char second, char last) {
    int h = ((length * 31 + first) * 31 + second) * 31 + last;
    h *= 0x9E3779B1;
    return (h >>> 16) & (BITS - 1);
  }
}

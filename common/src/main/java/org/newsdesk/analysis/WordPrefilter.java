package org.newsdesk.analysis;

/**
 * A quick "certainly not in the set" test for a small word set, before its hash look-up: one bit per (length, first
 * character modulo 64) pair and one per (length, last character modulo 64) pair that some word of the set has. Most
 * words of a text are longer than every stop word, or start or end with a letter no word of that length in the set
 * does, and skip the hash look-up; a word that passes may still be absent. Immutable.
 */
final class WordPrefilter {
  private final long[] firstChars;
  private final long[] lastChars;

  /** A prefilter for the given words (non-empty strings). */
  WordPrefilter(Iterable<?> words) {
    int max = 0;
    for (Object w : words) {
      max = Math.max(max, chars(w).length);
    }
    firstChars = new long[max + 1];
    lastChars = new long[max + 1];
    for (Object w : words) {
      char[] c = chars(w);
      if (c.length > 0) {
        firstChars[c.length] |= 1L << (c[0] & 63);
        lastChars[c.length] |= 1L << (c[c.length - 1] & 63);
      }
    }
  }

  private static char[] chars(Object word) {
    return word instanceof char[] c ? c : word.toString().toCharArray();
  }

  /** False if the word {@code buffer[0, length)} is certainly not in the set. */
  boolean mayContain(char[] buffer, int length) {
    return length == 0 || length < firstChars.length && (firstChars[length] & 1L << (buffer[0] & 63)) != 0
        && (lastChars[length] & 1L << (buffer[length - 1] & 63)) != 0;
  }
}

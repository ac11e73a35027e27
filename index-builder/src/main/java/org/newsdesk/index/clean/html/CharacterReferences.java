package org.newsdesk.index.clean.html;

import org.jsoup.nodes.Entities;
import org.jsoup.parser.Parser;

/**
 * Decodes the character references of a run of text or an attribute value as jsoup's tokenizer does. The common
 * well-formed ones ({@code &amp;}, {@code &nbsp;}, {@code &#8217;}, {@code &#x2014;}: a name or number ended by
 * {@code ;}) are decoded here, names through jsoup's own table; a run holding any other {@code &} is handed whole to
 * {@link Parser#unescapeEntities}, which costs a tokenizer per run. Stateless.
 */
final class CharacterReferences {
  /** Longer numbers are left to jsoup (overflow). */
  private static final int MAX_DIGITS = 6;

  private CharacterReferences() {}

  /** The text of {@code chars[from, to)} with its character references decoded. */
  static String decode(char[] chars, int from, int to, boolean inAttribute) {
    StringBuilder out = new StringBuilder(to - from);
    int copied = from;
    for (int i = from; i < to; i++) {
      if (chars[i] != '&') {
        continue;
      }
      int end = i + 1 < to && chars[i + 1] == '#' ? numeric(chars, i + 2, to, out, copied, i)
          : named(chars, i + 1, to, out, copied, i);
      if (end < 0) {
        return Parser.unescapeEntities(new String(chars, from, to - from), inAttribute);
      }
      copied = end;
      i = end - 1;
    }
    return out.append(chars, copied, to - copied).toString();
  }

  /**
   * A numeric reference whose digits start at {@code p}: appended (after the text since {@code copied}), and the
   * index after its {@code ;} returned; -1 when jsoup's rules for it are not the plain ones.
   */
  private static int numeric(char[] chars, int p, int to, StringBuilder out, int copied, int amp) {
    boolean hex = p < to && (chars[p] == 'x' || chars[p] == 'X');
    int start = hex ? p + 1 : p;
    int value = 0;
    int q = start;
    for (; q < to && q - start <= MAX_DIGITS; q++) {
      int digit = Character.digit(chars[q], hex ? 16 : 10);
      if (digit < 0 || chars[q] >= 0x80) {
        break;
      }
      value = value * (hex ? 16 : 10) + digit;
    }
    if (q == start || q - start > MAX_DIGITS || q >= to || chars[q] != ';' || !isPlain(value)) {
      return -1;
    }
    out.append(chars, copied, amp - copied).appendCodePoint(value);
    return q + 1;
  }

  /** Code points jsoup takes as they are: not a control, not Windows-1252's range, not a surrogate or beyond. */
  private static boolean isPlain(int c) {
    return c >= 0x20 && c < 0x7F || c >= 0xA0 && c < 0xD800 || c >= 0xE000 && c <= 0x10FFFF && c != 0xFFFE
        && c != 0xFFFF;
  }

  /** A named reference whose name starts at {@code p}, as {@link #numeric}. */
  private static int named(char[] chars, int p, int to, StringBuilder out, int copied, int amp) {
    int q = p;
    while (q < to && (chars[q] >= 'a' && chars[q] <= 'z' || chars[q] >= 'A' && chars[q] <= 'Z')) {
      q++;
    }
    if (q == p) {
      return -1;
    }
    while (q < to && chars[q] >= '0' && chars[q] <= '9') {
      q++;
    }
    if (q >= to || chars[q] != ';') {
      return -1;
    }
    String value = Entities.getByName(new String(chars, p, q - p));
    if (value.isEmpty()) {
      return -1;
    }
    out.append(chars, copied, amp - copied).append(value);
    return q + 1;
  }
}

package org.newsdesk.index.corpus;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The fast path of {@link JsonLinesReader}: a line that is one flat JSON object whose values are all strings or
 * {@code null}, which is what an article archive's lines nearly always are, parsed from its UTF-8 bytes. Jackson's
 * tree parse of such a line was half of reading it: its string decoding goes character by character after the
 * first escape, and a body has a {@code \n} escape per paragraph. Here a string's plain runs are found eight bytes
 * at a time and become a {@code String} by the JDK's own UTF-8 decoding.
 *
 * <p>Anything else gives {@code null}, and the reader parses the line with Jackson as before, which then also says
 * what is wrong with it: a value of another type (number, boolean, array, object), a key that repeats or has an
 * escape, an escaped lone surrogate, a control character (a raw tab included), whitespace other than spaces, text
 * after the object, or any syntax error. So this path never decides what a bad line's message is; FlatJsonObjectTest
 * compares both paths on generated and mutated lines.
 */
final class FlatJsonObject {
  /**
   * Longer lines, and longer keys, go to Jackson, whose limits on string and name length (StreamReadConstraints)
   * then apply as before.
   */
  private static final int MAX_LINE_BYTES = 1 << 20;
  private static final int MAX_KEY_BYTES = 1000;

  private static final long QUOTES = ByteScan.ONES * '"';
  private static final long BACKSLASHES = ByteScan.ONES * '\\';
  private static final long SPACES = ByteScan.ONES * ' ';

  private final byte[] b;
  private final int end;
  private int pos;
  /** Where a string with escapes is decoded to, before it becomes a String. */
  private byte[] scratch;

  private FlatJsonObject(byte[] b, int from, int to) {
    this.b = b;
    this.pos = from;
    this.end = to;
  }

  /**
   * The members of the object in {@code utf8[from, to)} (well-formed UTF-8) by key, a JSON {@code null} as a null
   * value; or {@code null} when the line is not such an object and needs the full parser.
   */
  static Map<String, String> parse(byte[] utf8, int from, int to) {
    if (to - from > MAX_LINE_BYTES) {
      return null;
    }
    if (to - from >= 3 && (utf8[from] & 0xFF) == 0xEF && (utf8[from + 1] & 0xFF) == 0xBB && (utf8[from + 2] & 0xFF) == 0xBF) {
      from += 3; // a byte-order mark, which decoding drops too
    }
    return new FlatJsonObject(utf8, from, to).object();
  }

  private Map<String, String> object() {
    skipSpaces();
    if (!take('{')) {
      return null;
    }
    Map<String, String> members = new HashMap<>();
    skipSpaces();
    if (take('}')) {
      return atEnd() ? members : null;
    }
    while (true) {
      skipSpaces();
      if (!take('"')) {
        return null;
      }
      String key = plainKey();
      if (key == null || members.containsKey(key)) {
        return null;
      }
      skipSpaces();
      if (!take(':')) {
        return null;
      }
      skipSpaces();
      if (take('"')) {
        String value = string();
        if (value == null) {
          return null;
        }
        members.put(key, value);
      } else if (literalNull()) {
        members.put(key, null);
      } else {
        return null;
      }
      skipSpaces();
      if (take('}')) {
        return atEnd() ? members : null;
      }
      if (!take(',')) {
        return null;
      }
    }
  }

  /** A key after its opening quote, if it has no escape or control character. */
  private String plainKey() {
    int start = pos;
    int stop = stop(start);
    if (stop >= end || b[stop] != '"' || stop - start > MAX_KEY_BYTES) {
      return null;
    }
    pos = stop + 1;
    return new String(b, start, stop - start, StandardCharsets.UTF_8);
  }

  /** A string value after its opening quote, escapes decoded as JSON defines them; null if malformed. */
  private String string() {
    int start = pos;
    int stop = stop(start);
    if (stop < end && b[stop] == '"') {
      pos = stop + 1;
      return new String(b, start, stop - start, StandardCharsets.UTF_8);
    }
    int length = 0;
    while (true) {
      if (stop >= end || b[stop] != '\\' && b[stop] != '"') {
        return null; // unterminated, or a raw control character
      }
      length = append(length, start, stop - start);
      if (b[stop] == '"') {
        pos = stop + 1;
        return new String(scratch, 0, length, StandardCharsets.UTF_8);
      }
      if (stop + 1 >= end) {
        return null;
      }
      int next = stop + 2;
      int escaped;
      switch (b[stop + 1]) {
        case '"', '\\', '/' -> escaped = b[stop + 1];
        case 'b' -> escaped = '\b';
        case 'f' -> escaped = '\f';
        case 'n' -> escaped = '\n';
        case 'r' -> escaped = '\r';
        case 't' -> escaped = '\t';
        case 'u' -> {
          escaped = hex4(stop + 2);
          next = stop + 6;
          if (escaped >= 0xD800 && escaped <= 0xDBFF && next + 1 < end && b[next] == '\\' && b[next + 1] == 'u') {
            int low = hex4(next + 2);
            if (low >= 0xDC00 && low <= 0xDFFF) {
              escaped = Character.toCodePoint((char) escaped, (char) low);
              next += 6;
            }
          }
          if (escaped < 0 || escaped >= 0xD800 && escaped <= 0xDFFF) {
            return null; // malformed, or a lone surrogate, which has no UTF-8 form: Jackson keeps it as it is
          }
        }
        default -> {
          return null;
        }
      }
      length = appendCodePoint(length, escaped);
      start = next;
      stop = stop(start);
    }
  }

  /**
   * The first quote, backslash or control byte at or after {@code from}, or {@code end}. Eight bytes at a time:
   * each test flags its lowest matching byte exactly, so the lowest flag of the three is the answer.
   */
  private int stop(int from) {
    int i = from;
    for (; i + Long.BYTES <= end; i += Long.BYTES) {
      long x = ByteScan.longAt(b, i);
      long q = x ^ QUOTES;
      long s = x ^ BACKSLASHES;
      long flags = ((q - ByteScan.ONES) & ~q | (s - ByteScan.ONES) & ~s | (x - SPACES) & ~x) & ByteScan.HIGHS;
      if (flags != 0) {
        return i + (Long.numberOfTrailingZeros(flags) >>> 3);
      }
    }
    for (; i < end; i++) {
      int c = b[i];
      if (c == '"' || c == '\\' || c >= 0 && c < ' ') {
        return i;
      }
    }
    return end;
  }

  private int append(int length, int from, int n) {
    ensure(length + n);
    System.arraycopy(b, from, scratch, length, n);
    return length + n;
  }

  private int appendCodePoint(int length, int cp) {
    ensure(length + 4);
    byte[] s = scratch;
    if (cp < 0x80) {
      s[length++] = (byte) cp;
    } else if (cp < 0x800) {
      s[length++] = (byte) (0xC0 | cp >> 6);
      s[length++] = (byte) (0x80 | cp & 0x3F);
    } else if (cp < 0x10000) {
      s[length++] = (byte) (0xE0 | cp >> 12);
      s[length++] = (byte) (0x80 | cp >> 6 & 0x3F);
      s[length++] = (byte) (0x80 | cp & 0x3F);
    } else {
      s[length++] = (byte) (0xF0 | cp >> 18);
      s[length++] = (byte) (0x80 | cp >> 12 & 0x3F);
      s[length++] = (byte) (0x80 | cp >> 6 & 0x3F);
      s[length++] = (byte) (0x80 | cp & 0x3F);
    }
    return length;
  }

  private void ensure(int capacity) {
    if (scratch == null || scratch.length < capacity) {
      byte[] bigger = new byte[Math.max(capacity, Math.max(256, end - pos))];
      if (scratch != null) {
        System.arraycopy(scratch, 0, bigger, 0, scratch.length);
      }
      scratch = bigger;
    }
  }

  /** The value of four hex digits at {@code at}, or -1. */
  private int hex4(int at) {
    if (at + 4 > end) {
      return -1;
    }
    int value = 0;
    for (int i = at; i < at + 4; i++) {
      int d = Character.digit(b[i], 16);
      if (d < 0) {
        return -1;
      }
      value = value << 4 | d;
    }
    return value;
  }

  private boolean literalNull() {
    if (pos + 4 <= end && b[pos] == 'n' && b[pos + 1] == 'u' && b[pos + 2] == 'l' && b[pos + 3] == 'l') {
      pos += 4;
      return true;
    }
    return false;
  }

  private void skipSpaces() {
    while (pos < end && b[pos] == ' ') {
      pos++;
    }
  }

  private boolean take(char expected) {
    if (pos < end && b[pos] == expected) {
      pos++;
      return true;
    }
    return false;
  }

  /** Only spaces after the object: anything else is Jackson's to report. */
  private boolean atEnd() {
    skipSpaces();
    return pos == end;
  }
}

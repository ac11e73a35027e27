package org.newsdesk.index.clean;

import java.text.Normalizer;

/**
 * Unicode NFC and whitespace normalization for cleaned text: runs of spaces collapse to one, lines are trimmed,
 * paragraphs are separated by exactly one blank line, control and zero-width characters are removed.
 *
 * <p>One pass over the text after NFC, no regular expressions: cleaning must keep ahead of indexing. Line ends are
 * LF, CR, CRLF, U+0085, U+2028 and U+2029; horizontal space is tab, vertical tab, form feed, no-break and the other
 * Unicode spaces; removed are the other C0/C1 controls, U+200B-U+200D, U+FEFF and the soft hyphen.
 */
public final class TextNormalizer {
  private static final ThreadLocal<char[]> SCAN_BUFFER = ThreadLocal.withInitial(() -> new char[4096]);

  private TextNormalizer() {}

  /** Normalizes a single-line value such as a title: NFC, one space between words, trimmed; null or blank gives null. */
  public static String line(String text) {
    if (text == null) {
      return null;
    }
    String s = normalize(text, false);
    return s.isEmpty() ? null : s;
  }

  /** Normalizes multi-paragraph text: NFC, lines trimmed, paragraphs separated by one blank line; null gives "". */
  public static String paragraphs(String text) {
    return text == null ? "" : normalize(text, true);
  }

  /** The normalized text: the text itself when it is already normal (most news text), else a normalized copy. */
  static String normalize(String text, boolean multiline) {
    return alreadyNormal(text, multiline) ? text : normalizeFully(text, multiline);
  }

  /**
   * True when {@link #normalizeFully} would return the text unchanged, decided in one pass over its characters: none
   * is removed or a space other than U+0020, spaces and line breaks only ever stand single (line breaks: at most
   * two, in multi-line text) between two kept characters, and the text is in NFC: at once when every character is
   * below U+0300 (no combining marks), else by the JDK's NFC check, which reads the text without copying it (curly
   * quotes, dashes, Cyrillic or Hangul: most news text, which normalization then leaves as it is). Anything else takes
   * the full path (TextNormalizerTest compares both on random text).
   */
  static boolean alreadyNormal(String text, boolean multiline) {
    // Read from an array: String.charAt's bounds and coder checks on every character (and its slower path for
    // text with a curly quote or a dash, stored as UTF-16) were most of this scan's time. The array is the thread's
    // own, reused: a new one per text was allocated and zeroed only to be read once.
    int n = text.length();
    char[] s = SCAN_BUFFER.get();
    if (s.length < n) {
      // A text of over a million characters (rare) gets an array of its own, not kept by the thread afterwards.
      s = new char[Math.max(n, s.length * 2)];
      if (n <= 1 << 20) {
        SCAN_BUFFER.set(s);
      }
    }
    text.getChars(0, n, s, 0);
    boolean beyondLatin = false;
    for (int i = 0; i < n; i++) {
      char c = s[i];
      if (c > ' ' && c < 0x7F) {
        continue;
      }
      if (c == ' ') {
        if (i == 0 || i + 1 == n || !kept(s[i - 1]) || !kept(s[i + 1])) {
          return false;
        }
      } else if (c == '\n') {
        int run = 1;
        while (i + run < n && s[i + run] == '\n') {
          run++;
        }
        if (!multiline || run > 2 || i == 0 || i + run == n || !kept(s[i - 1]) || !kept(s[i + run])) {
          return false;
        }
        i += run - 1;
      } else if (!kept(c)) {
        return false;
      } else {
        beyondLatin |= c >= 0x300;
      }
    }
    return !beyondLatin || Normalizer.isNormalized(text, Normalizer.Form.NFC);
  }

  /** A character the whitespace rules keep as it is (NFC aside). */
  private static boolean kept(char c) {
    if (c > ' ' && c < 0x7F) {
      return true;
    }
    return c != '\n' && c != '\r' && c != '\u0085' && c != '\u2028' && c != '\u2029' && !isHorizontalSpace(c)
        && !isRemoved(c);
  }

  /** NFC, then the whitespace rules, copying every character. */
  static String normalizeFully(String text, boolean multiline) {
    String s = Normalizer.normalize(text, Normalizer.Form.NFC);
    int n = s.length();
    StringBuilder out = new StringBuilder(n);
    int newlines = 0;
    boolean space = false;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == '\r' && i + 1 < n && s.charAt(i + 1) == '\n') {
        i++;
        c = '\n';
      }
      if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
        if (multiline) {
          newlines++;
        } else {
          space = true;
        }
        continue;
      }
      if (isHorizontalSpace(c)) {
        space = true;
        continue;
      }
      if (isRemoved(c)) {
        continue;
      }
      if (out.length() > 0) {
        if (newlines > 0) {
          out.append(newlines >= 2 ? "\n\n" : "\n");
        } else if (space) {
          out.append(' ');
        }
      }
      newlines = 0;
      space = false;
      out.append(c);
    }
    return out.toString();
  }

  private static boolean isHorizontalSpace(char c) {
    return c == ' ' || c == '\t' || c == '\u000B' || c == '\f' || c == '\u00A0' || c == '\u1680'
        || c >= '\u2000' && c <= '\u200A' || c == '\u202F' || c == '\u205F' || c == '\u3000';
  }

  private static boolean isRemoved(char c) {
    return c < 0x20 || c >= 0x7F && c <= 0x9F || c >= '\u200B' && c <= '\u200D' || c == '\uFEFF' || c == '\u00AD';
  }
}

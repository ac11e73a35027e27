package org.newsdesk.index.clean;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Unicode NFC and whitespace normalization for cleaned text: runs of spaces collapse to one, lines are trimmed,
 * paragraphs are separated by exactly one blank line, control characters are removed.
 */
public final class TextNormalizer {
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]|[\\u200B\\u200C\\u200D\\uFEFF\\u00AD]");
  private static final Pattern HORIZONTAL = Pattern.compile("[\\t\\x0B\\f\\u00A0\\u1680\\u2000-\\u200A\\u202F\\u205F\\u3000 ]+");
  private static final Pattern LINE_SEPARATORS = Pattern.compile("\\r\\n?|[\\u2028\\u2029\\u0085]");
  private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");

  private TextNormalizer() {}

  /** Normalizes a single-line value such as a title: NFC, one space between words, trimmed; null stays null. */
  public static String line(String text) {
    if (text == null) {
      return null;
    }
    String s = Normalizer.normalize(text, Normalizer.Form.NFC);
    s = CONTROL.matcher(s).replaceAll("");
    s = s.replace('\n', ' ');
    s = HORIZONTAL.matcher(s).replaceAll(" ").strip();
    return s.isEmpty() ? null : s;
  }

  /** Normalizes multi-paragraph text: NFC, lines trimmed, paragraphs separated by one blank line. */
  public static String paragraphs(String text) {
    if (text == null) {
      return "";
    }
    String s = Normalizer.normalize(text, Normalizer.Form.NFC);
    s = LINE_SEPARATORS.matcher(s).replaceAll("\n");
    s = CONTROL.matcher(s).replaceAll("");
    StringBuilder out = new StringBuilder(s.length());
    for (String line : s.split("\n", -1)) {
      out.append(HORIZONTAL.matcher(line).replaceAll(" ").strip()).append('\n');
    }
    return BLANK_LINES.matcher(out).replaceAll("\n\n").strip();
  }
}

package org.newsdesk.model;

/**
 * Text as it can be shown on one line of a terminal: what a user typed or a file held (an id, a file name, a query)
 * may carry a line break or an escape sequence that would split a message or drive the terminal. One rule for
 * every message of the index builder, the search library and the CLI.
 */
public final class Printable {
  private Printable() {}

  /**
   * {@code s} with each code point {@link #unprintable} shown as {@code \\uXXXX}; the same instance when there is
   * none.
   */
  public static String escape(String s) {
    if (s.codePoints().noneMatch(Printable::unprintable)) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length() + 8);
    s.codePoints().forEach(c -> {
      if (unprintable(c)) {
        b.append(String.format(java.util.Locale.ROOT, "\\u%04X", c));
      } else {
        b.appendCodePoint(c);
      }
    });
    return b.toString();
  }

  /**
   * A control character, a line or paragraph separator, or a lone surrogate (which has no UTF-8 form): what would
   * split a line of output, drive a terminal, or be stored as {@code ?}.
   */
  public static boolean unprintable(int c) {
    int type = Character.getType(c);
    return type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
        || type == Character.SURROGATE;
  }
}

package org.newsdesk.search;

/**
 * Snippet text for hits: highlighter passages and body leads on one line. Written as plain loops because every hit
 * of every search goes through here; each method says the regular expression it is equivalent to. Stateless.
 */
final class Snippets {
  /** The longest lead, in characters, before it is cut at a word boundary. */
  static final int LEAD_LENGTH = 240;
  /** How much of a body is read to make its lead: bodies run to many kilobytes. */
  private static final int LEAD_SOURCE = 600;

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
   * The start of a body on one line, cut after at most {@link #LEAD_LENGTH} characters at a word boundary with an
   * ellipsis: {@code flat.substring(0, 240).replaceFirst("\\s+\\S*$", "") + "…"} when it is longer.
   */
  static String lead(String body) {
    // One pass straight into the lead: flattening and stripping a whole 600-character prefix first cost more than
    // the rest of a hit's work. The lead is the flattened, stripped text; "longer" means a non-blank follows it.
    int n = Math.min(body.length(), LEAD_SOURCE);
    char[] lead = new char[LEAD_LENGTH];
    int filled = 0;
    int i = 0;
    while (i < n && Character.isWhitespace(body.charAt(i))) {
      i++; // strip(): every flattened character here is whitespace too
    }
    while (i < n && filled < LEAD_LENGTH) {
      char c = body.charAt(i);
      if (!isRegexSpace(c)) {
        lead[filled++] = c;
        i++;
        continue;
      }
      int start = i;
      boolean newline = false;
      while (i < n && isRegexSpace(body.charAt(i))) {
        newline |= body.charAt(i) == '\n';
        i++;
      }
      if (newline) {
        lead[filled++] = ' ';
      } else {
        int copy = Math.min(i - start, LEAD_LENGTH - filled);
        body.getChars(start, start + copy, lead, filled);
        filled += copy;
      }
    }
    // Flattening only turns whitespace into a space, so a non-blank left in the source is one left in the text.
    boolean longer = false;
    for (int j = i; j < n && !longer; j++) {
      longer = !Character.isWhitespace(body.charAt(j));
    }
    if (!longer) {
      int end = filled;
      while (end > 0 && Character.isWhitespace(lead[end - 1])) {
        end--;
      }
      return new String(lead, 0, end);
    }
    String cut = new String(lead);
    int end = cut.length();
    if (cut.charAt(end - 1) == '\r' && !isRegexSpace(cut.charAt(end - 2))) {
      // "$" also matches before a final line terminator: "… word\r" loses " word" and keeps the "\r".
      int word = end - 1;
      while (word > 0 && !isRegexSpace(cut.charAt(word - 1))) {
        word--;
      }
      if (word > 0) {
        while (word > 0 && isRegexSpace(cut.charAt(word - 1))) {
          word--;
        }
        return cut.substring(0, word) + "\r…";
      }
    }
    while (end > 0 && !isRegexSpace(cut.charAt(end - 1))) {
      end--;
    }
    if (end > 0) {
      // A last whitespace run exists: drop it and the partial word after it.
      while (end > 0 && isRegexSpace(cut.charAt(end - 1))) {
        end--;
      }
      cut = cut.substring(0, end);
    }
    return cut + "…";
  }

  /** Java regex {@code \s} without UNICODE_CHARACTER_CLASS: {@code [ \t\n\x0B\f\r]}. */
  private static boolean isRegexSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
  }
}

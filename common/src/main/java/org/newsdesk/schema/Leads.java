package org.newsdesk.schema;

/**
 * The lead of an article: the start of its body on one line, which a hit shows when no passage of it is
 * highlighted. Made when the article is indexed and stored in {@link NewsField#LEAD}, so that a search never
 * decodes a body (often the largest stored field) to show its first lines. Written as plain loops; the method says
 * the regular expression it is equivalent to. Stateless.
 */
public final class Leads {
  /** The longest lead, in characters, before it is cut at a word boundary. */
  public static final int LEAD_LENGTH = 240;
  /** How much of a body is read to make its lead: bodies run to many kilobytes. */
  private static final int LEAD_SOURCE = 600;

  private Leads() {}

  /**
   * The start of a body on one line, cut after at most {@link #LEAD_LENGTH} characters at a word boundary with an
   * ellipsis. With {@code flat = body.substring(0, 600).replaceAll("\\s*\\n\\s*", " ").strip()} (every run of
   * whitespace holding a line break made one space), it is {@code flat} when that has at most 240 characters, else
   * {@code flat.substring(0, 240).replaceFirst("\\s+\\S*$", "") + "…"}.
   */
  public static String of(String body) {
    // One pass over a bulk copy of the body's start, straight into the lead, rather than flattening and stripping
    // the whole prefix first. The lead is the flattened, stripped text; "longer" means a non-blank follows it.
    int n = Math.min(body.length(), LEAD_SOURCE);
    char[] src = new char[n];
    body.getChars(0, n, src, 0);
    char[] lead = new char[LEAD_LENGTH];
    int filled = 0;
    int i = 0;
    while (i < n && Character.isWhitespace(src[i])) {
      i++; // strip(): every flattened character here is whitespace too
    }
    while (i < n && filled < LEAD_LENGTH) {
      char c = src[i];
      if (!isRegexSpace(c)) {
        lead[filled++] = c;
        i++;
        continue;
      }
      int start = i;
      boolean newline = false;
      while (i < n && isRegexSpace(src[i])) {
        newline |= src[i] == '\n';
        i++;
      }
      if (newline) {
        lead[filled++] = ' ';
      } else {
        int copy = Math.min(i - start, LEAD_LENGTH - filled);
        System.arraycopy(src, start, lead, filled, copy);
        filled += copy;
      }
    }
    // Flattening only turns whitespace into a space, so a non-blank left in the source is one left in the text.
    boolean longer = false;
    for (int j = i; j < n && !longer; j++) {
      longer = !Character.isWhitespace(src[j]);
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

package org.newsdesk.index.clean.html;

/**
 * Removes, before parsing, the bodies of elements whose content is never article text: {@code script},
 * {@code style}, {@code noscript}, {@code svg} and {@code template}. On news pages these make up more than half of
 * the HTML (inline scripts, stylesheets, icon sprites), and the parser would otherwise tokenize and copy all of it.
 *
 * <p>The start and end tags stay, so the parsed tree has the same elements in the same places, only emptied; the
 * extractor prunes them anyway. {@code <script type="application/ld+json">} is kept whole: it carries the
 * publication date and author. Comments are emptied too ({@code <!---->}: the same comment node, without its
 * text). {@code title} and {@code textarea} are stepped over, so a tag name inside them is not mistaken for an
 * element. Anything the scan does not understand (an unterminated tag, comment or
 * element) ends the scan and leaves the rest of the page as it was, for the parser. One forward pass of
 * {@code indexOf} searches; linear in the page size. Stateless.
 */
final class InertContent {
  /** Elements emptied; the first two hold raw text, the others elements (which may nest). */
  private static final String[] EMPTIED = {"script", "style", "noscript", "svg", "template"};
  private static final int RAW_TEXT_ELEMENTS = 2;
  /** Elements stepped over, raw or escapable raw text in which a {@code <script} is only text. */
  private static final String[] SKIPPED = {"title", "textarea", "xmp"};

  private InertContent() {}

  /**
   * The page with the content of its script, style, noscript, svg and template elements removed.
   *
   * @param html the page
   * @return the slimmed page, or {@code html} itself when there was nothing to remove
   */
  static String strip(String html) {
    PageBuffer out = null;
    int copied = 0;
    int i = 0;
    int n = html.length();
    while (true) {
      int lt = html.indexOf('<', i);
      if (lt < 0 || lt + 1 >= n) {
        break;
      }
      char first = (char) (html.charAt(lt + 1) | 0x20);
      if (first != '!' && first != 's' && first != 'n' && first != 't' && first != 'x') {
        i = lt + 1; // most tags: no name to compare
        continue;
      }
      if (html.startsWith("<!--", lt)) {
        int end = html.indexOf("-->", lt + 4);
        if (end < 0) {
          break;
        }
        if (isPlainComment(html, lt, end)) { // emptied: the parser still makes the (empty) comment node
          if (out == null) {
            out = new PageBuffer(n);
          }
          out.append(html, copied, lt + 4);
          copied = end;
        }
        i = end + 3;
        continue;
      }
      String skipped = nameAt(html, lt + 1, SKIPPED);
      String emptied = skipped == null ? nameAt(html, lt + 1, EMPTIED) : null;
      if (skipped == null && emptied == null) {
        i = lt + 1;
        continue;
      }
      String name = skipped != null ? skipped : emptied;
      int gt = endOfTag(html, lt + 1 + name.length());
      if (gt < 0) {
        break;
      }
      if (html.charAt(gt - 1) == '/') { // <svg ... />: no content
        i = gt + 1;
        continue;
      }
      boolean rawText = skipped != null || isRawText(emptied);
      int close = rawText ? findEndTag(html, gt + 1, name) : findBalancedEndTag(html, gt + 1, name);
      if (close < 0) {
        break;
      }
      if (emptied != null && !(emptied.equals("script") && isJsonLd(html, lt, gt)) && close > gt + 1) {
        if (out == null) {
          out = new PageBuffer(n);
        }
        out.append(html, copied, gt + 1);
        copied = close;
      }
      i = close + 2 + name.length();
    }
    if (out == null) {
      return html;
    }
    return out.append(html, copied, n).toString();
  }

  /**
   * True when the comment {@code <!--} at {@code lt} ends at the {@code -->} at {@code end} for the tokenizer too,
   * with something inside: not {@code <!-->} or {@code <!--->} (which end at once), and no {@code --!>} before.
   */
  private static boolean isPlainComment(String html, int lt, int end) {
    if (end <= lt + 4 || html.charAt(lt + 4) == '>' || html.startsWith("->", lt + 4)) {
      return false;
    }
    for (int i = lt + 4; i < end; i++) { // bounded: indexOf would search on through the page
      if (html.charAt(i) == '!' && html.charAt(i - 1) == '-' && html.charAt(i - 2) == '-'
          && html.charAt(i + 1) == '>') {
        return false;
      }
    }
    return true;
  }

  private static boolean isRawText(String name) {
    for (int k = 0; k < RAW_TEXT_ELEMENTS; k++) {
      if (EMPTIED[k].equals(name)) {
        return true;
      }
    }
    return false;
  }

  /** The name in {@code names} that the tag starting at {@code from} (after {@code <}) has, or null. */
  private static String nameAt(String html, int from, String[] names) {
    for (String name : names) {
      if (hasName(html, from, name)) {
        return name;
      }
    }
    return null;
  }

  /** True when a tag name equal to {@code name} (lower case ASCII letters), in any case, starts at {@code from}. */
  private static boolean hasName(String html, int from, String name) {
    int end = from + name.length();
    if (end > html.length()) {
      return false;
    }
    for (int k = 0; k < name.length(); k++) {
      if ((html.charAt(from + k) | 0x20) != name.charAt(k)) { // exact for letters: only A-Z and a-z map to a-z
        return false;
      }
    }
    return endsName(html, end);
  }

  /** True when the character at {@code at} ends a tag name (whitespace, {@code /}, {@code >} or the end). */
  private static boolean endsName(String html, int at) {
    if (at >= html.length()) {
      return true;
    }
    char c = html.charAt(at);
    return c == '>' || c == '/' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
  }

  /** The index of the {@code >} that ends the tag whose attributes start at {@code from}; quotes respected. */
  static int endOfTag(String html, int from) {
    int n = html.length();
    for (int i = from; i < n; i++) {
      char c = html.charAt(i);
      if (c == '>') {
        return i;
      }
      if ((c == '"' || c == '\'') && afterEquals(html, from, i)) {
        int q = html.indexOf(c, i + 1);
        if (q < 0) {
          return -1;
        }
        i = q;
      }
    }
    return -1;
  }

  /** True when the quote at {@code quote} opens an attribute value ({@code =} before it, maybe spaced). */
  private static boolean afterEquals(String html, int from, int quote) {
    for (int i = quote - 1; i >= from; i--) {
      char c = html.charAt(i);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
        return c == '=';
      }
    }
    return false;
  }

  /** The index of the first {@code </name} (any case, ending the name) at or after {@code from}, or -1. */
  static int findEndTag(String html, int from, String name) {
    int i = from;
    while (true) {
      int at = html.indexOf("</", i);
      if (at < 0) {
        return -1;
      }
      if (hasName(html, at + 2, name)) {
        return at;
      }
      i = at + 2;
    }
  }

  /** Like {@link #findEndTag} but counts nested {@code <name} start tags, for elements that may nest. */
  private static int findBalancedEndTag(String html, int from, String name) {
    int depth = 0;
    int i = from;
    while (true) {
      int at = html.indexOf('<', i);
      if (at < 0 || at + 1 >= html.length()) {
        return -1;
      }
      boolean end = html.charAt(at + 1) == '/';
      int nameStart = at + (end ? 2 : 1);
      if (hasName(html, nameStart, name)) {
        if (end) {
          if (depth == 0) {
            return at;
          }
          depth--;
        } else {
          int gt = endOfTag(html, nameStart + name.length());
          if (gt < 0) {
            return -1;
          }
          if (html.charAt(gt - 1) != '/') {
            depth++;
          }
          i = gt + 1;
          continue;
        }
      }
      i = at + 1;
    }
  }

  /** True when the start tag {@code html[lt, gt]} declares JSON-LD ({@code type="application/ld+json"}). */
  private static boolean isJsonLd(String html, int lt, int gt) {
    for (int i = lt + 2; i + 5 <= gt; i++) { // a bounded loop: indexOf would search on past the tag
      if (html.charAt(i) == '+' && hasLetters(html, i - 2, "ld") && hasLetters(html, i + 1, "json")) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasLetters(String html, int from, String letters) {
    for (int k = 0; k < letters.length(); k++) {
      if ((html.charAt(from + k) | 0x20) != letters.charAt(k)) {
        return false;
      }
    }
    return true;
  }
}

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
 * {@code indexOf} searches; linear in the page size. Stateless. The extractor does the same work inside
 * {@link UnreadAttributes}' scan ({@link UnreadAttributes#slimmed}), so that the page is read once; {@link #strip}
 * itself is no longer on that path: it stays as the specification the one scan is tested against
 * ({@code PageSlimmingTest}), and the helpers below are shared by both.
 */
final class InertContent {
  /** Elements emptied; the first two hold raw text, the others elements (which may nest). */
  private static final String[] EMPTIED = {"script", "style", "noscript", "svg", "template"};
  private static final int RAW_TEXT_ELEMENTS = 2;
  /** Elements stepped over, raw or escapable raw text in which a {@code <script} is only text. */
  private static final String[] SKIPPED = {"title", "textarea", "xmp"};
  /** Raw text inside the emptied elements that nest: in HTML content, and in SVG (where only these two are). */
  private static final String[] HTML_RAW_TEXT = {
      "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"};
  private static final String[] SVG_RAW_TEXT = {"script", "style"};
  /** Start tags inside an emptied element after which its end is not looked for. */
  private static final String[] UNSURE = {"plaintext", "textarea", "xmp", "iframe", "noembed", "noframes"};

  private InertContent() {}

  /**
   * The page with the content of its script, style, noscript, svg and template elements removed.
   *
   * @param html the page
   * @return the slimmed page, or {@code html} itself when there was nothing to remove
   */
  static String strip(String html) {
    PageBuffer out = stripped(html, null);
    return out == null ? html : out.toString();
  }

  /**
   * {@link #strip} into a buffer for the parser; null when there was nothing to remove.
   *
   * @param spare written into when it can hold the whole page (null: a new buffer)
   */
  static PageBuffer stripped(String html, char[] spare) {
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
        if (isPlainComment(html, lt, end)) {
          if (out == null) {
            out = buffer(n, spare);
          }
          if (betweenTags(html, lt, end + 3)) { // no node is missed: the comment goes
            out.append(html, copied, lt);
            copied = end + 3;
          } else { // emptied: the parser still makes the (empty) comment node between two texts
            out.append(html, copied, lt + 4);
            copied = end;
          }
        }
        i = end + 3;
        continue;
      }
      if (first == '!') { // CDATA, doctype, bogus comment: a tag name inside is text
        i = skipDeclaration(html, lt);
        if (i < 0) {
          break;
        }
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
      boolean script = "script".equals(emptied);
      i = close + 2 + name.length();
      if (emptied != null && !(script && isJsonLd(html, lt, gt))) {
        int after = endOfTag(html, i);
        if (after >= 0 && betweenTags(html, lt, after + 1)) { // the whole element goes
          if (out == null) {
            out = buffer(n, spare);
          }
          out.append(html, copied, lt);
          copied = after + 1;
          i = after + 1;
        } else if (close > gt + 1) { // only its content goes
          if (out == null) {
            out = buffer(n, spare);
          }
          out.append(html, copied, gt + 1);
          copied = close;
        }
      }
    }
    return out == null ? null : out.append(html, copied, n);
  }

  private static PageBuffer buffer(int n, char[] spare) {
    return spare != null && spare.length >= n ? new PageBuffer(spare) : new PageBuffer(n);
  }

  /**
   * True when the comment {@code <!--} at {@code lt} ends at the {@code -->} at {@code end} for the tokenizer too,
   * with something inside: not {@code <!-->} or {@code <!--->} (which end at once), and no {@code --!>} before.
   */
  static boolean isPlainComment(String html, int lt, int end) {
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

  /**
   * True when {@code html[from, to)} is preceded by {@code >} and followed by {@code <}: markup on both sides, so
   * removing it cannot join two texts into one text node (which would change the text statistics).
   */
  static boolean betweenTags(String html, int from, int to) {
    return from > 0 && to < html.length() && html.charAt(from - 1) == '>' && html.charAt(to) == '<';
  }

  static boolean isRawText(String name) {
    for (int k = 0; k < RAW_TEXT_ELEMENTS; k++) {
      if (EMPTIED[k].equals(name)) {
        return true;
      }
    }
    return false;
  }

  /** The name of the emptied element whose start tag begins at {@code from} (after {@code <}), or null. */
  static String emptiedName(String html, int from) {
    return nameAt(html, from, EMPTIED);
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

  /**
   * Like {@link #findEndTag} but counts nested {@code <name} start tags, for elements that may nest, and steps over
   * what the tokenizer reads as text there: comments, CDATA, bogus comments, and the raw text of {@code script},
   * {@code style} (and, in HTML content, {@code textarea}, {@code title}...), as jsoup does. -1 when it cannot tell.
   */
  static int findBalancedEndTag(String html, int from, String name) {
    boolean svg = name.equals("svg");
    int depth = 0;
    int i = from;
    while (true) {
      int at = html.indexOf('<', i);
      if (at < 0 || at + 1 >= html.length()) {
        return -1;
      }
      char next = html.charAt(at + 1);
      if (next == '!' || next == '?') {
        i = skipDeclaration(html, at);
        if (i < 0) {
          return -1;
        }
        continue;
      }
      boolean end = next == '/';
      int nameStart = at + (end ? 2 : 1);
      char initial = nameStart < html.length() ? (char) (html.charAt(nameStart) | 0x20) : ' ';
      if (!end && (initial == 's' || initial == 't' || initial == 'x' || initial == 'i' || initial == 'n'
          || initial == 'p')) { // the initials of the raw-text and unsure names
        String raw = nameAt(html, nameStart, svg ? SVG_RAW_TEXT : HTML_RAW_TEXT);
        if (raw != null) {
          int gt = endOfTag(html, nameStart + raw.length());
          int close = gt < 0 ? -1 : findEndTag(html, gt + 1, raw);
          if (close < 0) {
            return -1;
          }
          i = close + 2;
          continue;
        }
        if (nameAt(html, nameStart, UNSURE) != null) {
          return -1; // raw text in a foreignObject, or plaintext: not worth following
        }
      }
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
          if (!svg || html.charAt(gt - 1) != '/') { // only foreign elements close themselves
            depth++;
          }
          i = gt + 1;
          continue;
        }
      }
      i = at + 1;
    }
  }

  /**
   * The index after the markup declaration ({@code <!--...-->}, {@code <![CDATA[...]]>}, {@code <!DOCTYPE...>},
   * {@code <?...>}) at {@code lt}, where the tokenizer ends it; -1 when it does not end or ends unusually.
   */
  private static int skipDeclaration(String html, int lt) {
    if (html.startsWith("<!--", lt)) {
      if (html.startsWith("<!-->", lt)) {
        return lt + 5;
      }
      if (html.startsWith("<!--->", lt)) {
        return lt + 6;
      }
      int end = html.indexOf("-->", lt + 4);
      return end < 0 || !isPlainComment(html, lt, end) ? -1 : end + 3;
    }
    if (html.startsWith("<![CDATA[", lt)) { // jsoup reads CDATA in HTML content too
      int end = html.indexOf("]]>", lt + 9);
      return end < 0 ? -1 : end + 3;
    }
    int gt = html.indexOf('>', lt + 2);
    return gt < 0 ? -1 : gt + 1;
  }

  /** True when the start tag {@code html[lt, gt]} declares JSON-LD ({@code type="application/ld+json"}). */
  static boolean isJsonLd(String html, int lt, int gt) {
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

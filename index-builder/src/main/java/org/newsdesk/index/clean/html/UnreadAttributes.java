package org.newsdesk.index.clean.html;

import java.util.Arrays;
import java.util.List;

/**
 * Removes, before parsing, the attributes the extractor never reads: {@code href} of links, {@code src},
 * {@code srcset}, {@code data-*}, {@code alt}, {@code title}, event handlers... On news pages attributes are most of
 * the markup left once {@link InertContent} has emptied scripts and styles, and the parser would otherwise decode,
 * lower-case and store every one of them.
 *
 * <p>Kept: the attributes the extractor reads ({@code class}, {@code id}, {@code style}, {@code role},
 * {@code hidden}, {@code aria-hidden}, {@code itemprop}, {@code rel}, {@code content}, {@code name},
 * {@code property}, {@code http-equiv}, {@code datetime}, {@code pubdate}, {@code type}, {@code href} of
 * {@code link} and {@code base}), and those that steer tree construction ({@code type} of inputs; {@code color},
 * {@code face}, {@code size} of fonts in SVG; {@code encoding} of MathML annotations). Element names, text and
 * structure are untouched. A start tag is rewritten only when it is read exactly as the HTML tokenizer reads it;
 * anything unusual (a quote or {@code <} inside a name, a tag cut off by the end of the page) leaves the tag as it
 * was. Comments and the content of raw-text elements ({@code script}, {@code style}, {@code title},
 * {@code textarea}...) are stepped over; {@code plaintext} ends the scan. Linear; stateless.
 */
final class UnreadAttributes {
  /** {@code Scan.inertElement}: read the tag as any other, or stop doing InertContent's work. */
  private static final int AS_ANY = -1;
  private static final int STOP = -2;
  /** Attribute names kept on every element (lower case). */
  private static final String[] KEPT = {
      "class", "id", "style", "role", "hidden", "aria-hidden", "itemprop", "rel", "content", "name", "property",
      "http-equiv", "datetime", "pubdate", "type", "color", "face", "size", "encoding"};
  private static final WordTable KEPT_NAMES = new WordTable(List.of(KEPT));
  /** {@link #KEPT} by name length. */
  private static final String[][] KEPT_BY_LENGTH = byLength(KEPT);
  /** Elements whose content is raw or escapable raw text: no tags inside. */
  private static final String[] RAW_TEXT = {
      "script", "style", "title", "textarea", "xmp", "iframe", "noembed", "noframes"};

  private UnreadAttributes() {}

  /**
   * The page without the attributes the extractor does not read.
   *
   * @param html the page
   * @return the page with those attributes removed, or {@code html} itself when there were none
   */
  static String drop(String html) {
    PageBuffer out = new Scan(html, false).run();
    return out == null ? html : out.toString();
  }

  /**
   * The name of an attribute if it is kept, for {@link PageLexer}, which drops the others as it reads a page that
   * {@link InertContent} alone has slimmed.
   *
   * @param name the attribute's name in lower case, in {@code name[from, to)}
   * @param hash the name's {@link WordTable#hash}, which the lexer computes as it reads the name
   * @param linkOrBase whether the element is a {@code link} or {@code base}, whose {@code href} is kept
   * @return the name as a constant string, or null when the attribute is dropped
   */
  static String keptName(char[] name, int from, int to, int hash, boolean linkOrBase) {
    String kept = KEPT_NAMES.find(name, from, to, hash);
    if (kept == null && linkOrBase && to - from == 4 && name[from] == 'h' && name[from + 1] == 'r'
        && name[from + 2] == 'e' && name[from + 3] == 'f') {
      return "href";
    }
    return kept;
  }

  /**
   * {@code drop(InertContent.strip(html))} in one scan, in a buffer for the parser: the page is read once and the
   * slimmed page is not copied into a string.
   */
  static PageBuffer slimmed(String html) {
    PageBuffer out = new Scan(html, true).run();
    return out == null ? new PageBuffer(0).append(html) : out;
  }

  /** One pass over one page. */
  private static final class Scan {
    private final String html;
    private final int n;
    private PageBuffer out;
    /** {@code html[copied, ...)} is not yet in {@code out}. */
    private int copied;
    /** Start and end of the kept attributes of the current tag. */
    private int[] kept = new int[16];

    /** Also doing {@link InertContent}'s work, until it would stop. */
    private boolean inert;

    Scan(String html, boolean inert) {
      this.html = html;
      this.n = html.length();
      this.inert = inert;
    }

    /** The rewritten page, or null when nothing was dropped. */
    PageBuffer run() {
      int i = 0;
      while (true) {
        int lt = html.indexOf('<', i);
        if (lt < 0 || lt + 1 >= n) {
          break;
        }
        char c = html.charAt(lt + 1);
        if (c == '!' || c == '?') {
          if (inert && html.startsWith("<!--", lt)) {
            int end = html.indexOf("-->", lt + 4);
            if (end < 0) {
              break;
            }
            comment(lt, end);
            i = end + 3;
            continue;
          }
          int end = html.startsWith("<!--", lt) ? html.indexOf("-->", lt + 4)
              : html.startsWith("<![CDATA[", lt) ? html.indexOf("]]>", lt + 9) : html.indexOf('>', lt + 2);
          if (end < 0) {
            break;
          }
          i = end + 1;
          continue;
        }
        if (!isLetter(c)) {
          i = lt + 1; // an end tag, or a '<' that is text
          continue;
        }
        int nameEnd = lt + 1;
        while (nameEnd < n && !endsTagName(html.charAt(nameEnd))) {
          nameEnd++;
        }
        if (nameEnd >= n) {
          break;
        }
        if (hasName(lt + 1, nameEnd, "plaintext")) {
          break;
        }
        String emptied = inert ? InertContent.emptiedName(html, lt + 1) : null;
        if (emptied != null) {
          int next = inertElement(lt, nameEnd, emptied);
          if (next >= 0) {
            i = next;
            continue;
          }
          if (next == STOP) {
            inert = false; // where InertContent stops: from here on attributes only
          }
        }
        int gt = rewrite(lt, nameEnd);
        String raw = rawTextName(lt + 1, nameEnd);
        if (raw == null) {
          i = gt < 0 ? lt + 1 : gt + 1;
          continue;
        }
        if (gt < 0) {
          gt = InertContent.endOfTag(html, nameEnd);
          if (gt < 0) {
            break;
          }
        }
        int close = InertContent.findEndTag(html, gt + 1, raw);
        if (close < 0) {
          break;
        }
        i = close + 2;
      }
      return out == null ? null : out.append(html, copied, n);
    }

    /** A plain comment goes, or loses its text, as {@link InertContent#strip} does. */
    private void comment(int lt, int end) {
      if (!InertContent.isPlainComment(html, lt, end)) {
        return;
      }
      if (out == null) {
        out = new PageBuffer(n);
      }
      if (InertContent.betweenTags(html, lt, end + 3)) {
        out.append(html, copied, lt);
        copied = end + 3;
      } else {
        out.append(html, copied, lt + 4);
        copied = end;
      }
    }

    /**
     * An element {@link InertContent#strip} removes or empties, starting at {@code lt}, done as it does (its start
     * tag, when kept, rewritten as any other).
     *
     * @return where the scan goes on; {@link #AS_ANY} to read the tag as any other, {@link #STOP} where
     *     InertContent stops
     */
    private int inertElement(int lt, int nameEnd, String name) {
      int tagEnd = InertContent.endOfTag(html, lt + 1 + name.length());
      if (tagEnd < 0) {
        return STOP;
      }
      if (html.charAt(tagEnd - 1) == '/') {
        return AS_ANY;
      }
      int close = InertContent.isRawText(name) ? InertContent.findEndTag(html, tagEnd + 1, name)
          : InertContent.findBalancedEndTag(html, tagEnd + 1, name);
      if (close < 0) {
        return STOP;
      }
      if (name.equals("script") && InertContent.isJsonLd(html, lt, tagEnd)) {
        return AS_ANY;
      }
      int next = close + 2 + name.length();
      int after = InertContent.endOfTag(html, next);
      if (after >= 0 && InertContent.betweenTags(html, lt, after + 1)) { // the whole element goes
        if (out == null) {
          out = new PageBuffer(n);
        }
        out.append(html, copied, lt);
        copied = after + 1;
        return after + 1;
      }
      int gt = rewrite(lt, nameEnd);
      if (gt >= 0 && gt != tagEnd) { // the two readings of the tag disagree: its content is left alone
        return InertContent.isRawText(name) ? close : gt + 1;
      }
      if (close > tagEnd + 1) { // only its content goes
        if (out == null) {
          out = new PageBuffer(n);
        }
        out.append(html, copied, tagEnd + 1);
        copied = close;
      }
      return next;
    }

    /**
     * Reads the attributes of the start tag at {@code lt} and, when some are dropped, writes the tag anew.
     *
     * @return the index of the tag's closing {@code >}, or -1 when the tag was left alone as unusual
     */
    private int rewrite(int lt, int nameEnd) {
      boolean keepHref = hasName(lt + 1, nameEnd, "link") || hasName(lt + 1, nameEnd, "base");
      int keptCount = 0;
      boolean dropped = false;
      int p = nameEnd;
      while (true) {
        p = skipSpace(p);
        if (p >= n) {
          return -1;
        }
        char c = html.charAt(p);
        if (c == '>') {
          break;
        }
        if (c == '/') {
          if (p + 1 < n && html.charAt(p + 1) == '>') {
            break;
          }
          return -1;
        }
        if (c == '<' || c == '=' || c == '"' || c == '\'') {
          return -1;
        }
        int start = p;
        while (p < n && !endsAttributeName(html.charAt(p))) {
          p++;
        }
        if (p >= n) {
          return -1;
        }
        char after = html.charAt(p);
        if (after == '<' || after == '"' || after == '\'') {
          return -1;
        }
        int nameStop = p;
        p = skipSpace(p);
        if (p < n && html.charAt(p) == '=') {
          p = skipSpace(p + 1);
          if (p >= n) {
            return -1;
          }
          char q = html.charAt(p);
          if (q == '"' || q == '\'') {
            int close = html.indexOf(q, p + 1);
            if (close < 0) {
              return -1;
            }
            p = close + 1;
          } else if (q != '>') {
            while (p < n && !isSpace(html.charAt(p)) && html.charAt(p) != '>') {
              p++;
            }
          }
        } else {
          p = nameStop; // a name without a value; what follows is read afresh
        }
        if (isKept(start, nameStop, keepHref)) {
          if (keptCount * 2 + 2 > kept.length) {
            kept = Arrays.copyOf(kept, kept.length * 2);
          }
          kept[keptCount * 2] = start;
          kept[keptCount * 2 + 1] = p;
          keptCount++;
        } else {
          dropped = true;
        }
      }
      int gt = html.charAt(p) == '>' ? p : p + 1;
      if (dropped) {
        if (out == null) {
          out = new PageBuffer(n);
        }
        out.append(html, copied, nameEnd);
        for (int k = 0; k < keptCount; k++) {
          out.append(' ').append(html, kept[k * 2], kept[k * 2 + 1]);
        }
        out.append(gt == p ? ">" : "/>");
        copied = gt + 1;
      }
      return gt;
    }

    private boolean isKept(int start, int end, boolean keepHref) {
      if (keepHref && hasName(start, end, "href")) {
        return true;
      }
      int length = end - start;
      if (length >= KEPT_BY_LENGTH.length) {
        return false;
      }
      for (String name : KEPT_BY_LENGTH[length]) {
        if (hasName(start, end, name)) {
          return true;
        }
      }
      return false;
    }

    private String rawTextName(int start, int end) {
      for (String name : RAW_TEXT) {
        if (hasName(start, end, name)) {
          return name;
        }
      }
      return null;
    }

    /** True when {@code html[start, end)} is {@code name} (lower-case ASCII), in any case. */
    private boolean hasName(int start, int end, String name) {
      if (end - start != name.length()) {
        return false;
      }
      for (int k = 0; k < name.length(); k++) {
        char c = html.charAt(start + k);
        char lower = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        if (lower != name.charAt(k)) {
          return false;
        }
      }
      return true;
    }

    private int skipSpace(int p) {
      while (p < n && isSpace(html.charAt(p))) {
        p++;
      }
      return p;
    }
  }

  private static String[][] byLength(String[] names) {
    int max = Arrays.stream(names).mapToInt(String::length).max().orElse(0);
    String[][] table = new String[max + 1][];
    for (int length = 0; length <= max; length++) {
      int l = length;
      table[length] = Arrays.stream(names).filter(s -> s.length() == l).toArray(String[]::new);
    }
    return table;
  }

  private static boolean isLetter(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
  }

  /** The tokenizer ends a tag name at whitespace, {@code /}, {@code >}, and (jsoup) at {@code <}. */
  private static boolean endsTagName(char c) {
    return isSpace(c) || c == '/' || c == '>' || c == '<';
  }

  private static boolean endsAttributeName(char c) {
    return isSpace(c) || c == '/' || c == '>' || c == '=' || c == '<' || c == '"' || c == '\'';
  }
}

package org.newsdesk.index.clean.html;

import java.util.Arrays;
import java.util.List;

/**
 * The HTML tokenizer for {@link PageTreeBuilder}: reads text, start and end tags, comments and the doctype the
 * way jsoup's tokenizer does, for markup in the common shapes, and drops the attributes the extractor never reads
 * as {@link UnreadAttributes} would (it reads every tag the lexer accepts, so the two agree). Anything it does not read exactly as jsoup would (a
 * quote or {@code <} in a name, a bogus comment, CDATA, a doctype other than {@code <!DOCTYPE html>},
 * raw text without its end tag) throws {@link PageTreeBuilder.Declined}, and the page goes to jsoup.
 *
 * <p>Character references are decoded as jsoup decodes them ({@link CharacterReferences}), only for runs that hold a
 * {@code &}; the run boundaries ({@code <}, a quote, whitespace) can never be part of a reference.
 */
final class PageLexer {
  static final int EOF = 0;
  static final int TEXT = 1;
  static final int START_TAG = 2;
  static final int END_TAG = 3;
  static final int COMMENT = 4;
  static final int DOCTYPE = 5;
  /**
   * The names of HTML's elements, so that a tag name is a constant string rather than a new one per tag: no
   * allocation, and the name lookups of the builder and the extractor (maps, switches) compare it by identity.
   */
  private static final WordTable TAG_NAMES = new WordTable(List.of(
      "a", "abbr", "address", "area", "article", "aside", "audio", "b", "base", "basefont", "bdi", "bdo", "bgsound",
      "big", "blockquote", "body", "br", "button", "canvas", "caption", "center", "cite", "code", "col", "colgroup",
      "data", "datalist", "dd", "del", "details", "dfn", "dialog", "dir", "div", "dl", "dt", "em", "embed",
      "fieldset", "figcaption", "figure", "font", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "head",
      "header", "hgroup", "hr", "html", "i", "iframe", "img", "input", "ins", "kbd", "label", "legend", "li", "link",
      "main", "map", "mark", "menu", "meta", "meter", "nav", "noscript", "object", "ol", "optgroup", "option",
      "output", "p", "param", "picture", "pre", "progress", "q", "s", "samp", "script", "search", "section",
      "select", "small", "source", "span", "strike", "strong", "style", "sub", "summary", "sup", "svg", "table",
      "tbody", "td", "template", "textarea", "tfoot", "th", "thead", "time", "title", "tr", "track", "tt", "u", "ul",
      "var", "video", "wbr"));
  /** How many HTML element names the lexer knows; their ids are {@code 0..tagCount()-1}. */
  static int tagCount() {
    return TAG_NAMES.size();
  }

  /** The HTML element name with id {@code id}, the constant string the lexer gives as {@link #name}. */
  static String knownTagName(int id) {
    return TAG_NAMES.word(id);
  }

  /** What ends an attribute name (ASCII): whitespace, {@code / > = < " '}; a quote or {@code <} then declines. */
  private static final boolean[] ENDS_ATTRIBUTE_NAME = new boolean[128];
  /** What ends a tag name (ASCII): whitespace, {@code /}, {@code >}. */
  private static final boolean[] ENDS_TAG_NAME = new boolean[128];

  static {
    for (char c : " \n\t\r\f/>=<\"'".toCharArray()) {
      ENDS_ATTRIBUTE_NAME[c] = true;
    }
    for (char c : " \n\t\r\f/>".toCharArray()) {
      ENDS_TAG_NAME[c] = true;
    }
  }

  private final char[] page;
  private final int n;
  private int pos;
  /** A tag or attribute name in lower case. */
  private char[] scratch = new char[32];
  /** The hash of the name {@link #lowerName} last read (its lower-cased chars, as {@code String.hashCode}). */
  private int nameHash;

  /** The current token: tag name (lower case), text or comment data. */
  String name;
  /** The {@link #tagId} of {@link #name}, or -1 when it is not an HTML element's name. */
  int nameId;
  String data;
  /**
   * A start tag's kept attributes, the first {@link #attributeCount} of these: names (the constant strings of
   * {@link UnreadAttributes#keptName}) and values (null for an attribute without one). Reused from tag to tag; an
   * end tag leaves them as they were.
   */
  String[] attributeNames = new String[8];
  String[] attributeValues = new String[8];
  int attributeCount;
  /** The start tag ends in {@code />} (which jsoup ignores on HTML elements and honours on foreign ones). */
  boolean selfClosing;

  PageLexer(char[] page, int length) {
    this.page = page;
    this.n = length;
  }

  /** Reads the next token into the fields; returns its kind. */
  int next() {
    if (pos >= n) {
      return EOF;
    }
    if (page[pos] == '<') {
      int kind = markup();
      if (kind != TEXT) {
        return kind;
      }
    }
    return text();
  }

  /** A run of text up to the next tag, comment or doctype (a {@code <} that starts none of them is text). */
  private int text() {
    int start = pos;
    boolean entities = false;
    int p = pos;
    while (p < n) {
      char c = page[p];
      if (c == '<' && p + 1 < n && startsMarkup(page[p + 1])) {
        break;
      }
      if (c == 0) {
        throw PageTreeBuilder.DECLINED; // jsoup replaces or drops a NUL, depending on where it is
      }
      entities |= c == '&';
      p++;
    }
    pos = p;
    data = decoded(start, p, entities, false);
    return TEXT;
  }

  private static boolean startsMarkup(char c) {
    return isLetter(c) || c == '/' || c == '!' || c == '?';
  }

  /** At a {@code <}: a tag, comment or doctype; {@link #TEXT} when the {@code <} is text. */
  private int markup() {
    if (pos + 1 >= n) {
      return TEXT;
    }
    char c = page[pos + 1];
    if (isLetter(c)) {
      startTag();
      return START_TAG;
    }
    if (c == '/') {
      endTag();
      return END_TAG;
    }
    if (c == '!') {
      return declaration();
    }
    if (c == '?') {
      throw PageTreeBuilder.DECLINED; // a bogus comment
    }
    return TEXT;
  }

  private void startTag() {
    int p = tagName(pos + 1);
    attributeCount = 0;
    selfClosing = false;
    boolean linkOrBase = name.equals("link") || name.equals("base");
    while (true) {
      p = skipSpace(p);
      if (p >= n) {
        throw PageTreeBuilder.DECLINED;
      }
      char c = page[p];
      if (c == '>') {
        pos = p + 1;
        return;
      }
      if (c == '/') {
        if (p + 1 < n && page[p + 1] == '>') {
          selfClosing = true;
          pos = p + 2;
          return;
        }
        throw PageTreeBuilder.DECLINED;
      }
      p = attribute(p, linkOrBase);
    }
  }

  /**
   * Reads one attribute at {@code p}; returns the index after it. Only those the extractor reads are kept
   * ({@link UnreadAttributes#keptName}); the first of duplicate names wins, as in jsoup.
   */
  private int attribute(int p, boolean linkOrBase) {
    int start = p;
    p = lowerName(p, ENDS_ATTRIBUTE_NAME);
    if (p == start || p >= n || page[p] == '"' || page[p] == '\'' || page[p] == '<') {
      throw PageTreeBuilder.DECLINED;
    }
    String key = UnreadAttributes.keptName(scratch, 0, p - start, nameHash, linkOrBase);
    boolean kept = key != null;
    String value = null;
    int q = skipSpace(p);
    if (q < n && page[q] == '=') {
      q = skipSpace(q + 1);
      if (q >= n) {
        throw PageTreeBuilder.DECLINED;
      }
      char quote = page[q];
      if (quote == '"' || quote == '\'') {
        int close = q + 1;
        boolean entities = false;
        if (!kept) {
          // a dropped value is only skipped: a NUL or '&' in it changes nothing (most attribute text is dropped)
          while (close < n && page[close] != quote) {
            close++;
          }
        } else {
          for (char c; close < n && (c = page[close]) != quote; close++) { // one pass: the end, NUL and '&'
            if (c == 0) {
              throw PageTreeBuilder.DECLINED;
            }
            entities |= c == '&';
          }
        }
        if (close >= n || close + 1 < n && !endsQuotedValue(page[close + 1])) {
          throw PageTreeBuilder.DECLINED;
        }
        value = kept ? decoded(q + 1, close, entities, true) : null;
        p = close + 1;
      } else if (quote == '>') {
        throw PageTreeBuilder.DECLINED; // a = right before the end of the tag
      } else {
        int end = q;
        boolean entities = false;
        while (end < n && !isSpace(page[end]) && page[end] != '>') {
          char c = page[end];
          if (c == '"' || c == '\'' || c == '<' || c == '=' || c == '`' || c == 0) {
            throw PageTreeBuilder.DECLINED;
          }
          entities |= c == '&';
          end++;
        }
        value = kept ? decoded(q, end, entities, true) : null;
        p = end;
      }
    }
    if (!kept) {
      return p;
    }
    for (int i = 0; i < attributeCount; i++) {
      if (attributeNames[i] == key) { // kept names are constants: one string per name
        return p;
      }
    }
    if (attributeCount == attributeNames.length) {
      attributeNames = Arrays.copyOf(attributeNames, attributeCount * 2);
      attributeValues = Arrays.copyOf(attributeValues, attributeCount * 2);
    }
    attributeNames[attributeCount] = key;
    attributeValues[attributeCount++] = value;
    return p;
  }

  private void endTag() {
    int p = pos + 2;
    if (p >= n || !isLetter(page[p])) {
      throw PageTreeBuilder.DECLINED; // </> is dropped, </ followed by other text is a bogus comment
    }
    p = skipSpace(tagName(p));
    if (p >= n || page[p] != '>') {
      throw PageTreeBuilder.DECLINED; // attributes on an end tag
    }
    pos = p + 1;
  }

  private int declaration() {
    if (startsWith("<!--", pos)) {
      int from = pos + 4;
      int end = indexOf("-->", from, n);
      // <!--> and <!---> end at once, --!> ends a comment too, and -- before the end is a different state
      if (end < 0 || startsWith(">", from) || startsWith("->", from) || indexOf("--!", from, end) >= 0
          || end > from && page[end - 1] == '-' || contains('\0', from, end)) {
        throw PageTreeBuilder.DECLINED;
      }
      data = new String(page, from, end - from);
      pos = end + 3;
      return COMMENT;
    }
    if (startsWithIgnoreCase("<!doctype html", pos)) {
      int end = doctypeEnd(pos + "<!doctype html".length());
      if (end > 0) {
        pos = end;
        return DOCTYPE;
      }
    }
    throw PageTreeBuilder.DECLINED; // CDATA (a bogus comment in HTML), other doctypes
  }

  /**
   * After {@code <!DOCTYPE html}: the index after the doctype's {@code >} when the rest is {@code >}, or a public or
   * system identifier as HTML 4 and XHTML pages give it ({@code PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN"
   * "http://..."}, {@code SYSTEM "about:legacy-compat"}), which jsoup reads as no-quirks like {@code <!DOCTYPE html>};
   * else -1 (a name other than html, an unquoted or unclosed identifier: jsoup may read those in quirks mode).
   */
  private int doctypeEnd(int p) {
    if (p < n && page[p] == '>') {
      return p + 1;
    }
    if (p >= n || !isSpace(page[p])) {
      return -1; // <!doctype html5>, <!doctype htmlx>
    }
    p = skipSpace(p);
    int ids;
    if (startsWithIgnoreCase("public", p)) {
      ids = 2;
    } else if (startsWithIgnoreCase("system", p)) {
      ids = 1;
    } else {
      return -1;
    }
    p += 6;
    for (int id = 0; id < ids; id++) {
      int q = skipSpace(p);
      if (q == p && id == 0 || q >= n) {
        return -1; // jsoup wants white space after the keyword
      }
      if (page[q] == '>' && id > 0) {
        return q + 1; // PUBLIC with no system identifier
      }
      char quote = page[q];
      if (quote != '"' && quote != '\'') {
        return -1;
      }
      int close = q + 1;
      while (close < n && page[close] != quote) {
        if (page[close] == '>' || page[close] == 0) {
          return -1; // an abrupt end forces quirks
        }
        close++;
      }
      if (close >= n) {
        return -1;
      }
      p = close + 1;
      if (id == 0 && ids == 2 && p < n && !isSpace(page[p]) && page[p] != '>') {
        return -1;
      }
    }
    p = skipSpace(p);
    return p < n && page[p] == '>' ? p + 1 : -1;
  }

  /**
   * The raw text of a {@code script}, {@code style}, {@code title}, {@code textarea}... that has just been opened,
   * up to its end tag, which is consumed.
   *
   * @param element the element's name
   * @param decode whether character references are decoded (RCDATA: {@code title}, {@code textarea})
   */
  String rawText(String element, boolean decode) {
    int p = pos;
    while (true) {
      int lt = indexOf("</", p, n);
      if (lt < 0) {
        throw PageTreeBuilder.DECLINED;
      }
      int after = lt + 2 + element.length();
      if (after < n && startsWithIgnoreCase(element, lt + 2) && endsTagName(page[after]) && page[after] != '<') {
        int gt = skipSpace(after);
        if (gt >= n || page[gt] != '>' || contains('\0', pos, lt)) {
          throw PageTreeBuilder.DECLINED;
        }
        String text = decoded(pos, lt, decode && contains('&', pos, lt), false);
        pos = gt + 1;
        return text;
      }
      p = lt + 2;
    }
  }

  /** Skips a newline right after the current position (after {@code <pre>} and {@code <listing>}). */
  void skipNewline() {
    if (pos < n && page[pos] == '\n') {
      pos++;
    }
  }

  private String decoded(int from, int to, boolean entities, boolean inAttribute) {
    return entities ? CharacterReferences.decode(page, from, to, inAttribute) : new String(page, from, to - from);
  }

  /**
   * Reads the tag name at {@code p} into {@link #name}, lower-cased as it is read: the constant string when it is an
   * HTML element's. Returns the index after it. A {@code <}, NUL or non-ASCII char in it declines.
   */
  private int tagName(int p) {
    int start = p;
    p = lowerName(p, ENDS_TAG_NAME);
    nameId = TAG_NAMES.id(scratch, 0, p - start, nameHash);
    name = nameId >= 0 ? TAG_NAMES.word(nameId) : new String(scratch, 0, p - start);
    return p;
  }

  /**
   * Reads a tag or attribute name at {@code p}, up to a char {@code ends} marks, lower-cased into {@link #scratch}
   * from its start and hashed as it is read into {@link #nameHash}, for the name tables; returns the index after it.
   * A NUL, {@code <} or non-ASCII char in it declines: jsoup lower-cases non-ASCII names by locale rules.
   */
  private int lowerName(int p, boolean[] ends) {
    int start = p;
    int hash = 0;
    for (char c; p < n && ((c = page[p]) >= 128 || !ends[c]); p++) {
      if (c >= 0x80 || c == 0 || c == '<') {
        throw PageTreeBuilder.DECLINED;
      }
      if (p - start == scratch.length) {
        scratch = Arrays.copyOf(scratch, scratch.length * 2);
      }
      char lower = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
      scratch[p - start] = lower;
      hash = 31 * hash + lower;
    }
    nameHash = hash;
    return p;
  }

  private int skipSpace(int p) {
    while (p < n && isSpace(page[p])) {
      p++;
    }
    return p;
  }

  /** Where {@code s} starts in {@code [from, to)}, or -1. */
  private int indexOf(String s, int from, int to) {
    char first = s.charAt(0);
    for (int i = from; i <= to - s.length(); i++) {
      if (page[i] == first && startsWith(s, i)) {
        return i;
      }
    }
    return -1;
  }

  private boolean contains(char c, int from, int to) {
    for (int i = from; i < to; i++) {
      if (page[i] == c) {
        return true;
      }
    }
    return false;
  }

  private boolean startsWith(String s, int at) {
    if (at + s.length() > n) {
      return false;
    }
    for (int k = 0; k < s.length(); k++) {
      if (page[at + k] != s.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /** {@code s} is lower case. */
  private boolean startsWithIgnoreCase(String s, int at) {
    if (at + s.length() > n) {
      return false;
    }
    for (int k = 0; k < s.length(); k++) {
      char c = page[at + k];
      char lower = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
      if (lower != s.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isLetter(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }

  static boolean isSpace(char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
  }

  /** jsoup ends a tag name at whitespace, {@code /}, {@code >} and {@code <} (the last one: declined by callers). */
  private static boolean endsTagName(char c) {
    if (c == '<') {
      throw PageTreeBuilder.DECLINED;
    }
    return isSpace(c) || c == '/' || c == '>';
  }


  private static boolean endsQuotedValue(char c) {
    return isSpace(c) || c == '/' || c == '>';
  }
}

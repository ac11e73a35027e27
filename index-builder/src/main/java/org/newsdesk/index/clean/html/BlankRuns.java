package org.newsdesk.index.clean.html;

import java.util.Arrays;

/**
 * Follows {@link UnreadAttributes}' scan of a page and says which runs of whitespace between two tags the parser
 * need not see. Two thirds of a news page's text nodes are such runs, and jsoup builds a node for each.
 *
 * <p>A run may go when the extractor could not tell it was there: right after the start tag of a block, a
 * {@code br} or the end of a {@code p} (it would begin a paragraph or a line, whose leading whitespace is stripped),
 * or right before a block's start tag (it would end a paragraph) when the tag before it surely ends a node, so that
 * the run could not join the text before it. Never inside {@code pre} or
 * {@code listing}, and never while a formatting element ({@code a}, {@code b}, {@code font}...) may be open: the
 * parser reopens those at any text, whitespace too, which would change where the next elements go. The start tags
 * counted as blocks are those the parser never ignores in a body. Mutable, one per scan.
 */
final class BlankRuns {
  static final int OTHER = 0;
  /** A start tag the parser may ignore (table parts outside a table, a second body, a nested form...). */
  static final int IGNORABLE = 1;
  static final int BR = 2;
  static final int PRE = 3;
  /** Formatting elements are {@code FORMATTING + i}. */
  static final int FORMATTING = 8;
  /**
   * Blocks are {@code BLOCK + i}: the start tags the parser always acts on, {@link Tags#BLOCK} minus pre, form and
   * table parts; {@code BLOCK} itself is {@code p}.
   */
  static final int BLOCK = 32;
  static final int P = BLOCK;

  private static final String[] BLOCKS = {
      "p", "div", "section", "article", "main", "li", "dd", "dt", "dl", "blockquote", "h1", "h2", "h3", "h4", "h5",
      "h6", "ul", "ol", "table", "figure", "figcaption", "header", "footer", "center", "address", "details",
      "summary", "hr", "aside", "nav", "hgroup", "fieldset"};
  private static final String[] IGNORABLES = {
      "caption", "col", "colgroup", "frame", "head", "tbody", "td", "tfoot", "th", "thead", "tr", "html", "body",
      "frameset", "form"};
  private static final String[] FORMATTINGS = {
      "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u"};
  /** Names by length, with their kinds. */
  private static final String[][] NAMES = new String[12][];
  private static final int[][] KINDS = new int[12][];

  static {
    for (int length = 0; length < NAMES.length; length++) {
      NAMES[length] = new String[0];
      KINDS[length] = new int[0];
    }
    for (int b = 0; b < BLOCKS.length; b++) {
      add(BLOCKS[b], BLOCK + b);
    }
    for (String t : IGNORABLES) {
      add(t, IGNORABLE);
    }
    for (int f = 0; f < FORMATTINGS.length; f++) {
      add(FORMATTINGS[f], FORMATTING + f);
    }
    add("br", BR);
    add("pre", PRE);
    add("listing", PRE);
  }

  private final int[] formatting = new int[FORMATTINGS.length];
  /** Start tags of each block seen, less its end tags: an end tag with none open is one the parser ignores. */
  private final int[] blocks = new int[BLOCKS.length];
  /** Formatting elements that may be open, {@link #formatting} summed. */
  private int open;
  private int pre;
  /** The {@code >} of the last tag or comment, after which a run may start; -1 when unknown. */
  private int markupEnd = -1;
  /** The last tag or comment surely ends a node: text before it and a run after it stay apart. */
  private boolean boundary;
  /** A run after the last tag would begin a paragraph or a line, whose leading whitespace the renderer strips. */
  private boolean startsLine;

  /**
   * The start of the whitespace run before the tag or comment at {@code lt} if it may go, else -1.
   *
   * @param kind the kind of the tag at {@code lt} ({@link #kind}); {@link #OTHER} for end tags and comments
   */
  int droppable(String html, int lt, int kind) {
    if (markupEnd < 0 || markupEnd + 1 >= lt || open > 0 || pre > 0) {
      return -1;
    }
    if (!startsLine && !(kind >= BLOCK && boundary)) {
      return -1;
    }
    return isBlank(html, markupEnd + 1, lt) ? markupEnd + 1 : -1;
  }

  private static boolean isBlank(String html, int from, int to) {
    for (int k = from; k < to; k++) {
      char c = html.charAt(k);
      if (c != ' ' && c != '\n' && c != '\t' && c != '\r' && c != '\f') {
        return false;
      }
    }
    return true;
  }

  /** A start tag {@code html[lt, gt]} of kind {@code kind}; {@code gt} -1 when the scan could not read it. */
  void startTag(int kind, int lt, int gt) {
    boolean adjacent = follows(lt);
    if (kind >= BLOCK) {
      blocks[kind - BLOCK]++;
    } else if (kind >= FORMATTING) {
      formatting[kind - FORMATTING]++;
      open++;
    } else if (kind == PRE) {
      pre++;
    }
    if (gt < 0) {
      markupEnd = -1;
      return;
    }
    markupEnd = gt;
    startsLine = kind >= BLOCK || kind == BR;
    boundary = kind != IGNORABLE || adjacent;
  }

  /** An end tag {@code html[lt, gt]} of kind {@code kind}. */
  void endTag(int kind, int lt, int gt) {
    boolean adjacent = follows(lt);
    boolean closesBlock = false;
    if (kind >= BLOCK) {
      closesBlock = blocks[kind - BLOCK] > 0;
      if (closesBlock) {
        blocks[kind - BLOCK]--;
      }
    } else if (kind >= FORMATTING) {
      if (formatting[kind - FORMATTING] > 0) {
        formatting[kind - FORMATTING]--;
        open--;
      }
    } else if (kind == PRE && pre > 0) {
      pre--;
    }
    markupEnd = gt;
    startsLine = kind == P || kind == BR; // after a p, which always ends, a run begins a paragraph too
    // </p> and </br> always make an element, and the end tag of an open block closes it. Any other end tag may be
    // ignored, and then the text before it and a run after it would become one text node, unless markup that ends
    // a node comes right before it. (A block that is open but out of scope, say a div around the table cell the
    // end tag is in, is the one case left: its run is dropped, and the text before it counts one space less.)
    boundary = kind == P || kind == BR || closesBlock || adjacent;
  }

  /** A raw-text element ({@code script}, {@code style}...) whose end tag ends at {@code gt}. */
  void rawText(int gt) {
    markupEnd = gt;
    startsLine = false;
    boundary = true;
  }

  /**
   * A comment {@code html[lt, gt]}: a node, and no text, so a run after it still begins a block's paragraph if
   * nothing but whitespace came between the block's start tag and the comment.
   */
  void comment(String html, int lt, int gt) {
    startsLine = startsLine && markupEnd >= 0 && isBlank(html, markupEnd + 1, lt);
    markupEnd = gt;
    boundary = true;
  }

  /** Something the scan does not follow: no run is dropped until the next tag. */
  void unknown() {
    markupEnd = -1;
  }

  private boolean follows(int lt) {
    return markupEnd >= 0 && lt == markupEnd + 1 && boundary;
  }

  /** The kind of the tag name {@code html[from, to)} (ASCII letters in any case). */
  static int kind(String html, int from, int to) {
    int length = to - from;
    if (length >= NAMES.length) {
      return OTHER;
    }
    String[] names = NAMES[length];
    char first = html.charAt(from);
    first = first >= 'A' && first <= 'Z' ? (char) (first + 32) : first;
    for (int k = 0; k < names.length; k++) {
      if (names[k].charAt(0) == first && hasName(html, from, names[k])) {
        return KINDS[length][k];
      }
    }
    return OTHER;
  }

  private static boolean hasName(String html, int from, String name) {
    for (int k = 0; k < name.length(); k++) {
      char c = html.charAt(from + k);
      if ((c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) != name.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private static void add(String name, int kind) {
    int length = name.length();
    NAMES[length] = Arrays.copyOf(NAMES[length], NAMES[length].length + 1);
    NAMES[length][NAMES[length].length - 1] = name;
    KINDS[length] = Arrays.copyOf(KINDS[length], KINDS[length].length + 1);
    KINDS[length][KINDS[length].length - 1] = kind;
  }
}

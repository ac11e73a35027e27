package org.newsdesk.index.clean.html;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.newsdesk.index.clean.FurnitureLines;

/**
 * Renders picked content as paragraphs separated by blank lines: each block element starts a paragraph, {@code br}
 * breaks a line. Paragraphs that are mostly links, or short lines of boilerplate ("Advertisement", "Share this
 * article", "Read more"), are left out, and so are headings with nothing after them. Iterative.
 */
final class TextRenderer {
  private TextRenderer() {}

  /**
   * Renders the parts, in order, leaving out the page's removed subtrees and the {@code dropped} elements.
   *
   * @param dropped elements left out of the text, by node
   */
  static String render(Measure.Page page, List<Integer> parts, boolean[] dropped) {
    PageTree tree = page.tree;
    Collector out = new Collector();
    int[] open = new int[64];
    for (int part : parts) {
      int depth = 0;
      int last = tree.end(part);
      int node = part;
      while (true) {
        // the tails of the open elements whose subtrees end before this node
        while (depth > 0 && (node > last || node > tree.end(open[depth - 1]))) {
          int flags = Tags.flags(tree, open[--depth]);
          if ((flags & Tags.LINK) != 0) {
            out.linkDepth--;
          }
          if ((flags & Tags.PRE) != 0) {
            out.preDepth--;
          }
          if ((flags & Tags.BLOCK_FLAG) != 0) {
            out.flush();
          }
        }
        if (node > last) {
          break;
        }
        byte kind = tree.kind(node);
        if (kind == PageTree.TEXT) {
          out.text(tree.text(node));
        } else if (kind == PageTree.ELEMENT) {
          if (page.removed[node] || dropped[node]) {
            node = tree.end(node) + 1;
            continue;
          }
          int flags = Tags.flags(tree, node); // one lookup for all the questions below
          if ((flags & Tags.BREAK) != 0) {
            out.lineBreak();
          } else if ((flags & Tags.BLOCK_FLAG) != 0) {
            out.flush();
            out.heading = (flags & Tags.HEADING) != 0;
          }
          if ((flags & Tags.LINK) != 0) {
            out.linkDepth++;
          }
          if ((flags & Tags.PRE) != 0) {
            out.preDepth++;
          }
          if (depth == open.length) {
            open = Arrays.copyOf(open, depth * 2);
          }
          open[depth++] = node;
        }
        node++;
      }
      out.flush();
    }
    return out.finish();
  }

  /** Accumulates the current paragraph and the kept ones. */
  private static final class Collector {
    private final StringBuilder current = new StringBuilder();
    private final List<String> paragraphs = new ArrayList<>();
    private final List<Boolean> headings = new ArrayList<>();
    private int linkChars;
    int linkDepth;
    int preDepth;
    boolean heading;

    void text(String s) {
      int from = current.length();
      if (preDepth > 0) {
        current.append(s);
      } else {
        appendCollapsed(s);
      }
      if (linkDepth > 0) {
        linkChars += strippedLength(current, from, current.length());
      }
    }

    void lineBreak() {
      current.append('\n');
    }

    void flush() {
      int links = linkChars;
      linkChars = 0;
      boolean wasHeading = heading;
      heading = false;
      if (current.length() == 0) {
        return;
      }
      String text = clean(current);
      current.setLength(0);
      if (text.isEmpty()) {
        return;
      }
      int len = text.length();
      if (links > 0 && (double) links / len > 0.6) {
        return;
      }
      if (FurnitureLines.is(text)) {
        return;
      }
      paragraphs.add(text);
      headings.add(wasHeading);
    }

    /**
     * Appends the text with runs of ASCII whitespace and no-break spaces made one space (a regex-free
     * {@code [\s\u00A0]+}), straight into the paragraph.
     */
    private void appendCollapsed(String s) {
      boolean space = false;
      int run = 0; // start of the pending run of characters copied as they are
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        boolean ws = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\u000B' || c == '\u00A0';
        if (ws && (c != ' ' || space)) { // a character that is not copied as it is
          current.append(s, run, i);
          if (!space) {
            current.append(' ');
          }
          run = i + 1;
        }
        space = ws;
      }
      current.append(s, run, s.length());
    }

    /** Length of {@code b[from, to)} without leading and trailing whitespace, as {@link String#strip}. */
    private static int strippedLength(StringBuilder b, int from, int to) {
      while (from < to && Character.isWhitespace(b.charAt(from))) {
        from++;
      }
      while (to > from && Character.isWhitespace(b.charAt(to - 1))) {
        to--;
      }
      return to - from;
    }

    /** Each line with runs of spaces and tabs made one space and stripped; blank lines dropped. */
    private static String clean(StringBuilder s) {
      int from = 0;
      int to = s.length();
      while (from < to && Character.isWhitespace(s.charAt(from))) {
        from++;
      }
      while (to > from && Character.isWhitespace(s.charAt(to - 1))) {
        to--;
      }
      if (isOneCleanLine(s, from, to)) { // most paragraphs, their whitespace collapsed already: one copy
        return s.substring(from, to);
      }
      StringBuilder b = new StringBuilder(s.length());
      int line = 0;
      while (line <= s.length()) {
        int end = line;
        while (end < s.length() && s.charAt(end) != '\n') {
          end++;
        }
        appendLine(b, s, line, end);
        line = end + 1;
      }
      return b.toString();
    }

    /** True when {@code s[from, to)} has no line break, no tab and no two spaces in a row. */
    private static boolean isOneCleanLine(StringBuilder s, int from, int to) {
      char previous = 'x';
      for (int i = from; i < to; i++) {
        char c = s.charAt(i);
        if (c == '\n' || c == '\t' || c == ' ' && previous == ' ') {
          return false;
        }
        previous = c;
      }
      return true;
    }

    private static void appendLine(StringBuilder b, CharSequence s, int from, int to) {
      while (from < to && Character.isWhitespace(s.charAt(from))) {
        from++;
      }
      while (to > from && Character.isWhitespace(s.charAt(to - 1))) {
        to--;
      }
      if (from == to) {
        return;
      }
      if (b.length() > 0) {
        b.append('\n');
      }
      boolean space = false;
      for (int i = from; i < to; i++) {
        char c = s.charAt(i);
        boolean blank = c == ' ' || c == '\t';
        if (!(blank && space)) {
          b.append(blank ? ' ' : c);
        }
        space = blank;
      }
    }

    String finish() {
      int end = paragraphs.size();
      while (end > 0 && headings.get(end - 1)) {
        end--;
      }
      return String.join("\n\n", paragraphs.subList(0, end));
    }
  }
}

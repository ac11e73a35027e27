package org.newsdesk.index.clean.html;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.BiPredicate;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/** Computes {@link NodeStats} for every element of a subtree in one iterative post-order pass (no recursion). */
final class Measure {
  /** A block whose own text is at least this long counts as a paragraph even when it is not a {@code p}. */
  private static final int PARAGRAPH = 25;
  /** A block whose own text is at least this long, and not mostly links, is prose. */
  private static final int PROSE = 60;

  private Measure() {}

  /** Stats for every element under and including {@code root}. */
  static Map<Element, NodeStats> of(Element root) {
    return of(root, (e, s) -> false);
  }

  /**
   * Stats for every element under and including {@code root}, bottom-up; an element for which {@code drop} says
   * true (given its final stats) is not counted in its ancestors' stats.
   */
  static Map<Element, NodeStats> of(Element root, BiPredicate<Element, NodeStats> drop) {
    Map<Element, NodeStats> stats = new IdentityHashMap<>();
    // own inline text of open blocks: {text, link, text of the current run, runs of PARAGRAPH+ chars}
    Deque<int[]> blocks = new ArrayDeque<>();
    NodeTraversor.traverse(new NodeVisitor() {
      private int linkDepth;
      private int figureDepth;

      @Override
      public void head(Node node, int depth) {
        if (node instanceof Element e) {
          NodeStats fresh = new NodeStats();
          fresh.inFigure = figureDepth > 0;
          stats.put(e, fresh);
          if (e.normalName().equals("a")) {
            linkDepth++;
          }
          if (e.normalName().equals("figure")) {
            figureDepth++;
          }
          boolean block = Tags.isBlock(e) || e == root;
          if ((block || e.normalName().equals("br")) && !blocks.isEmpty()) {
            endRun(blocks.peek());
          }
          if (block) {
            blocks.push(new int[4]);
          }
        } else if (node instanceof TextNode t && t.parent() != null) {
          NodeStats s = stats.get(t.parent());
          if (s != null) {
            String text = t.getWholeText();
            int len = textLength(text);
            int link = linkDepth > 0 ? len : 0;
            s.text += len;
            s.link += link;
            s.commas += commas(text);
            if (!blocks.isEmpty()) {
              blocks.peek()[0] += len;
              blocks.peek()[1] += link;
              blocks.peek()[2] += len;
            }
          }
        }
      }

      @Override
      public void tail(Node node, int depth) {
        if (!(node instanceof Element e)) {
          return;
        }
        NodeStats s = stats.get(e);
        if (e.normalName().equals("a")) {
          linkDepth--;
        }
        if (e.normalName().equals("figure")) {
          figureDepth--;
        }
        if (Tags.isBlock(e) || e == root) {
          int[] own = blocks.pop();
          endRun(own);
          if (own[0] >= PROSE && own[1] * 10 < own[0] * 3) {
            s.paragraphText += own[0];
          }
          if (!e.normalName().equals("p")) {
            s.paragraphs += own[3];
          }
        }
        count(e, s);
        if (e != root && e.parent() != null && !drop.test(e, s)) {
          NodeStats p = stats.get(e.parent());
          if (p != null) {
            p.add(s);
          }
        }
      }
    }, root);
    return stats;
  }

  /** Closes a run of inline text (at a {@code br} or a nested block); a long enough run is a paragraph. */
  private static void endRun(int[] block) {
    if (block[2] >= PARAGRAPH) {
      block[3]++;
    }
    block[2] = 0;
  }

  /** Adds the element's own tag to its counts. */
  private static void count(Element e, NodeStats s) {
    switch (e.normalName()) {
      case "p" -> s.paragraphs++;
      case "img", "picture" -> s.images++;
      case "li" -> s.listItems++;
      case "input", "select", "textarea", "button" -> s.inputs++;
      case "embed", "object", "iframe" -> s.embeds++;
      case "h1", "h2", "h3", "h4", "h5", "h6" -> s.headings = s.text;
      case "blockquote" -> s.quoteText = s.text;
      default -> { }
    }
  }

  /** Length of the text with whitespace runs collapsed to one character and ends trimmed. */
  static int textLength(String text) {
    int len = 0;
    boolean space = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || c == '\u00A0') {
        if (!space) {
          len++;
          space = true;
        }
      } else {
        len++;
        space = false;
      }
    }
    return len;
  }

  static int commas(String text) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ',' || c == '\uFF0C' || c == '\u3001' || c == '\u060C') {
        n++;
      }
    }
    return n;
  }
}

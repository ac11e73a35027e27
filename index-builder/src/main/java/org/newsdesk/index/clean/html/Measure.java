package org.newsdesk.index.clean.html;

import java.util.IdentityHashMap;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/** Computes {@link NodeStats} for every element of a subtree in one iterative post-order pass (no recursion). */
final class Measure {
  private Measure() {}

  /** Stats for every element under and including {@code root}. */
  static Map<Element, NodeStats> of(Element root) {
    Map<Element, NodeStats> stats = new IdentityHashMap<>();
    NodeTraversor.traverse(new NodeVisitor() {
      private int linkDepth;

      @Override
      public void head(Node node, int depth) {
        if (node instanceof Element e) {
          stats.put(e, new NodeStats());
          if (e.normalName().equals("a")) {
            linkDepth++;
          }
        } else if (node instanceof TextNode t && t.parent() != null) {
          NodeStats s = stats.get(t.parent());
          if (s != null) {
            String text = t.getWholeText();
            int len = textLength(text);
            s.text += len;
            if (linkDepth > 0) {
              s.link += len;
            }
            s.commas += commas(text);
          }
        }
      }

      @Override
      public void tail(Node node, int depth) {
        if (node instanceof Element e) {
          NodeStats s = stats.get(e);
          count(e, s);
          if (e.normalName().equals("a")) {
            linkDepth--;
          }
          if (e != root && e.parent() != null) {
            NodeStats p = stats.get(e.parent());
            if (p != null) {
              p.add(s);
            }
          }
        }
      }
    }, root);
    return stats;
  }

  /** Adds the element's own tag to its counts. */
  static void count(Element e, NodeStats s) {
    switch (e.normalName()) {
      case "p" -> {
        s.paragraphs++;
        s.paragraphText = s.text;
      }
      case "img", "picture" -> s.images++;
      case "li" -> s.listItems++;
      case "input", "select", "textarea", "button" -> s.inputs++;
      case "embed", "object", "iframe" -> s.embeds++;
      case "h1", "h2", "h3", "h4", "h5", "h6" -> s.headings = s.text;
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

package org.newsdesk.index.clean.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Attributes;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

/**
 * Canonical text of a {@link PageTree} or of a jsoup tree, one line per node in document order, indented by depth:
 * kind, name, lexer tag id, namespace (when not HTML) and attributes in order, or the text; so two trees compare
 * with {@code assertEquals} and a failure shows a readable diff.
 *
 * <p>Rendering a {@link PageTree} also checks that its arrays are one tree: parents, subtree ends, first children and
 * next siblings agree, and the subtrees are the document-order intervals they claim to be.
 */
final class PageTrees {
  private PageTrees() {}

  /** The whole tree. */
  static String render(PageTree tree) {
    return render(tree, 0);
  }

  /** The subtree of {@code root}, {@code root} at depth 0. */
  static String render(PageTree tree, int root) {
    StringBuilder out = new StringBuilder();
    // children are walked by firstChild/nextSibling; that they come in index order checks end() and parent()
    int expected = root;
    Deque<int[]> pending = new ArrayDeque<>(); // {node, depth}
    pending.push(new int[] {root, 0});
    while (!pending.isEmpty()) {
      int[] top = pending.pop();
      int node = top[0];
      check(node == expected, "node " + node + " where " + expected + " was expected (document order)");
      expected++;
      line(out, top[1], describe(tree, node));
      List<Integer> children = new ArrayList<>();
      for (int c = tree.firstChild(node); c >= 0; c = tree.nextSibling(c)) {
        check(tree.parent(c) == node, "parent of " + c + " is " + tree.parent(c) + ", not " + node);
        children.add(c);
      }
      if (!children.isEmpty()) {
        int last = children.get(children.size() - 1);
        check(tree.end(last) == tree.end(node), "end of " + node + " is " + tree.end(node) + " but its last child "
            + last + " ends at " + tree.end(last));
      } else {
        check(tree.end(node) == node, "childless " + node + " ends at " + tree.end(node));
      }
      for (int i = children.size() - 1; i >= 0; i--) {
        pending.push(new int[] {children.get(i), top[1] + 1});
      }
    }
    check(expected == tree.end(root) + 1, "the subtree of " + root + " ends at " + tree.end(root) + " but "
        + (expected - 1) + " was its last node");
    if (root == 0) {
      check(tree.size() == expected, "size " + tree.size() + " but " + expected + " nodes reached");
    }
    return out.toString();
  }

  /** A jsoup node and its descendants, in the same form. */
  static String render(Node root) {
    StringBuilder out = new StringBuilder();
    Deque<Node> pending = new ArrayDeque<>();
    Deque<Integer> depths = new ArrayDeque<>();
    pending.push(root);
    depths.push(0);
    while (!pending.isEmpty()) {
      Node node = pending.pop();
      int depth = depths.pop();
      line(out, depth, describe(node));
      for (int i = node.childNodeSize() - 1; i >= 0; i--) {
        pending.push(node.childNode(i));
        depths.push(depth + 1);
      }
    }
    return out.toString();
  }

  /**
   * Fails unless the two renderings are equal, showing a few lines around the first difference rather than two
   * renderings of a whole page.
   */
  static void assertSameRendering(String expected, String actual, String what) {
    if (expected.equals(actual)) {
      return;
    }
    String[] e = expected.split("\n", -1);
    String[] a = actual.split("\n", -1);
    int first = 0;
    while (first < e.length && first < a.length && e[first].equals(a[first])) {
      first++;
    }
    int from = Math.max(0, first - 6);
    assertEquals(excerpt(e, from, first + 6), excerpt(a, from, first + 6),
        what + ": the trees differ at line " + (first + 1));
    throw new AssertionError(what + ": the trees differ"); // not reached: the excerpts differ
  }

  private static String excerpt(String[] lines, int from, int to) {
    StringBuilder s = new StringBuilder();
    for (int i = from; i < Math.min(to, lines.length); i++) {
      s.append(i + 1).append(": ").append(lines[i]).append('\n');
    }
    return s.toString();
  }

  private static String describe(PageTree tree, int node) {
    return switch (tree.kind(node)) {
      case PageTree.DOCUMENT -> "#document";
      case PageTree.ELEMENT -> element(tree.name(node), tree.tag(node), tree.namespace(node), tree.attributes(node));
      case PageTree.TEXT -> "text " + quoted(tree.text(node));
      case PageTree.DATA -> "data " + quoted(tree.text(node));
      case PageTree.COMMENT -> "comment " + quoted(tree.text(node));
      case PageTree.DOCTYPE -> "doctype";
      default -> "? kind " + tree.kind(node);
    };
  }

  private static String describe(Node node) {
    if (node instanceof Document) {
      return "#document";
    }
    if (node instanceof Element e) {
      return element(e.normalName(), PageTree.tagId(e.normalName()), e.tag().namespace(),
          e.attributesSize() == 0 ? null : e.attributes());
    }
    if (node instanceof TextNode t) { // CDATA too
      return "text " + quoted(t.getWholeText());
    }
    if (node instanceof DataNode d) {
      return "data " + quoted(d.getWholeData());
    }
    if (node instanceof Comment c) {
      return "comment " + quoted(c.getData());
    }
    if (node instanceof DocumentType) {
      return "doctype";
    }
    return "? " + node.nodeName();
  }

  private static String element(String name, int tag, String namespace, Attributes attributes) {
    StringBuilder s = new StringBuilder("<").append(name);
    if (tag != PageTree.UNKNOWN_TAG) {
      s.append(" #").append(tag);
    }
    switch (namespace) {
      case Parser.NamespaceHtml -> { }
      case Parser.NamespaceSvg -> s.append(" {svg}");
      case Parser.NamespaceMathml -> s.append(" {math}");
      default -> s.append(" {").append(namespace).append('}');
    }
    if (attributes != null) {
      for (Attribute a : attributes) {
        s.append(' ').append(a.getKey()).append('=').append(quoted(a.getValue()));
      }
    }
    return s.append('>').toString();
  }

  /** In double quotes, with line breaks, tabs, quotes, backslashes and other control chars escaped. */
  static String quoted(String s) {
    if (s == null) {
      return "null";
    }
    StringBuilder q = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\n' -> q.append("\\n");
        case '\r' -> q.append("\\r");
        case '\t' -> q.append("\\t");
        case '"' -> q.append("\\\"");
        case '\\' -> q.append("\\\\");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            q.append(String.format("\\u%04x", (int) c));
          } else {
            q.append(c);
          }
        }
      }
    }
    return q.append('"').toString();
  }

  private static void line(StringBuilder out, int depth, String text) {
    out.append("  ".repeat(depth)).append(text).append('\n');
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new AssertionError("not a well-formed PageTree: " + message);
    }
  }
}

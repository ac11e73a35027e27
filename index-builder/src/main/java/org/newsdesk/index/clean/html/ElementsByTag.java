package org.newsdesk.index.clean.html;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/** Collects elements by tag name with one iterative traversal, which stays linear on very deep trees. */
final class ElementsByTag {
  private ElementsByTag() {}

  static List<Element> of(Element root, String tag) {
    List<Element> out = new ArrayList<>();
    NodeTraversor.traverse((NodeVisitor) (Node node, int depth) -> {
      if (node instanceof Element e && e.normalName().equals(tag)) {
        out.add(e);
      }
    }, root);
    return out;
  }
}

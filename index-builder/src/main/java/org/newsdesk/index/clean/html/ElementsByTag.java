package org.newsdesk.index.clean.html;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The elements of a page with some tag names, in document order, collected by one iterative traversal for all the
 * names at once (metadata, JSON-LD and captions each need a tag; one walk of the page serves them all).
 */
final class ElementsByTag {
  private final Map<String, List<Element>> found;

  private ElementsByTag(Map<String, List<Element>> found) {
    this.found = found;
  }

  /** Collects the elements under and including {@code root} whose tag is in {@code tags}. */
  static ElementsByTag of(Element root, Set<String> tags) {
    Map<String, List<Element>> found = new HashMap<>();
    NodeTraversor.traverse((NodeVisitor) (Node node, int depth) -> {
      if (node instanceof Element e && tags.contains(e.normalName())) {
        found.computeIfAbsent(e.normalName(), t -> new ArrayList<>()).add(e);
      }
    }, root);
    return new ElementsByTag(found);
  }

  /** The elements with tag {@code tag}, in document order; empty when none (or when the tag was not collected). */
  List<Element> get(String tag) {
    return found.getOrDefault(tag, List.of());
  }
}

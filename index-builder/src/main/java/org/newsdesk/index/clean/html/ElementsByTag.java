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
 * names at once (metadata, JSON-LD and captions each need a tag; one walk of the page serves them all), or
 * offered one by one by {@link QuickTreeBuilder} as it builds the page.
 */
final class ElementsByTag {
  private final Set<String> tags;
  private final Map<String, List<Element>> found = new HashMap<>();

  /** An empty collection of the elements whose tag is in {@code tags}, filled by {@link #offer}. */
  ElementsByTag(Set<String> tags) {
    this.tags = tags;
  }

  /** Collects the elements under and including {@code root} whose tag is in {@code tags}. */
  static ElementsByTag of(Element root, Set<String> tags) {
    ElementsByTag collected = new ElementsByTag(tags);
    NodeTraversor.traverse((NodeVisitor) (Node node, int depth) -> {
      if (node instanceof Element e) {
        collected.offer(e);
      }
    }, root);
    return collected;
  }

  /** Keeps {@code e} if its tag is collected; elements must be offered in document order. */
  void offer(Element e) {
    if (wants(e.normalName())) {
      add(e);
    }
  }

  /** Whether elements with tag {@code tag} are collected. */
  boolean wants(String tag) {
    return tags.contains(tag);
  }

  /** Keeps {@code e}, whose tag the caller knows is {@link #wants wanted}; in document order. */
  void add(Element e) {
    found.computeIfAbsent(e.normalName(), t -> new ArrayList<>()).add(e);
  }

  /** The elements with tag {@code tag}, in document order; empty when none (or when the tag was not collected). */
  List<Element> get(String tag) {
    return found.getOrDefault(tag, List.of());
  }
}

package org.newsdesk.index.clean.html;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * The first element in document order that an evaluator matches, as {@link Element#selectFirst(Evaluator)} finds
 * it, by a plain tree walk: jsoup 1.21 streams every element through a spliterator, a filter and an
 * {@code Optional}, which costs as much as the matching on a page with no match. Only for evaluators without
 * combinators ({@code a b}, {@code a > b}, {@code :has}): those keep a memo that {@code selectFirst} resets first.
 */
final class FirstMatch {
  private FirstMatch() {}

  /** The first element under and including {@code root} that {@code eval} matches, or null. */
  static Element in(Element root, Evaluator eval) {
    Element[] found = new Element[1];
    NodeTraversor.filter(new NodeFilter() {
      @Override
      public FilterResult head(Node node, int depth) {
        if (node instanceof Element e && eval.matches(root, e)) {
          found[0] = e;
          return FilterResult.STOP;
        }
        return FilterResult.CONTINUE;
      }

      @Override
      public FilterResult tail(Node node, int depth) {
        return FilterResult.CONTINUE;
      }
    }, root);
    return found[0];
  }
}

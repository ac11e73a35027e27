package org.newsdesk.index.clean.html;

import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;

/** Matches an element that any of its evaluators matches: a selector group ({@code a, b}) of evaluators. */
final class AnyOf extends Evaluator {
  private final List<Evaluator> any;

  AnyOf(Evaluator... any) {
    this.any = List.of(any);
  }

  @Override
  public boolean matches(Element root, Element element) {
    for (Evaluator e : any) {
      if (e.matches(root, element)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return any.stream().map(Object::toString).reduce((a, b) -> a + ", " + b).orElse("");
  }
}

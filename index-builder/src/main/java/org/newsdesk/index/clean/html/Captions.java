package org.newsdesk.index.clean.html;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Finds the lead photo's caption and credit. The caption comes from the first {@code figcaption} in the article
 * (else in the page outside navigation and footers); the credit from an element inside it whose class names a
 * credit, or from a trailing {@code Photo: ...}, {@code (AP Photo/...)}, {@code © ...} or {@code Name / Agency}.
 */
final class Captions {
  /** Caption and credit; either may be null. */
  record Caption(String caption, String credit) {}

  private static final Pattern TRAILING_CREDIT = Pattern.compile(
      "(?iu)^(.*?)[\\s,;|—–-]*(?:\\(([^()]*(?:photo|image|credit|©|getty|reuters|afp|\\bap\\b)[^()]*)\\)|"
          + "((?:photo(?:graph)?s?|image|picture|credit|foto)\\s*(?:by|:)\\s*[^.]{2,80})|(©\\s*[^.]{2,80})|"
          + "((?:[\\p{Lu}][\\p{L}.'-]+\\s){0,3}[\\p{Lu}][\\p{L}.'-]+\\s*/\\s*[^./]{2,60}))\\.?$");
  private static final Pattern TRAILING_PARENS = Pattern.compile("[)\\s]+$");
  private static final Pattern CREDIT_LABEL = Pattern.compile(
      "(?iu)^(?:\\(|photo(?:graph)?s?\\s*(?:by|:)|image\\s*(?:by|:)|credit\\s*:|foto\\s*:|©)\\s*");

  private static final Evaluator CREDIT = QueryParser.parse(
      "[class*=credit], [class*=copyright], [class*=source], [class*=byline], [class*=author], "
          + "[itemprop=copyrightHolder], [itemprop=author], small");
  private static final Evaluator ARTICLE = QueryParser.parse("article, main, [itemprop=articleBody]");
  private static final Evaluator FURNITURE = QueryParser.parse("nav, footer, aside, header");

  private Captions() {}

  /** The caption of the lead photo among the page's {@code figcaption} elements (in document order). */
  static Caption find(List<Element> all) {
    if (all.isEmpty()) {
      return new Caption(null, null);
    }
    Element figcaption = first(all.stream().limit(50).filter(Captions::inArticle).toList());
    if (figcaption == null) {
      figcaption = first(all);
    }
    if (figcaption == null) {
      return new Caption(null, null);
    }
    String credit = null;
    Element creditElement = FirstMatch.in(figcaption, CREDIT);
    String text = figcaption.text().strip();
    if (creditElement != null && creditElement != figcaption) {
      credit = creditElement.text().strip();
      Element copy = figcaption.clone();
      Element c = FirstMatch.in(copy, CREDIT);
      if (c != null) {
        c.remove();
      }
      text = copy.text().strip();
    } else {
      Matcher m = TRAILING_CREDIT.matcher(text);
      if (text.length() < 1000 && m.matches() && !m.group(1).isBlank()) {
        for (int g = 2; g <= 5; g++) {
          if (m.group(g) != null) {
            credit = m.group(g);
          }
        }
        text = m.group(1).strip();
      }
    }
    if (credit != null) {
      credit = TRAILING_PARENS.matcher(CREDIT_LABEL.matcher(credit.strip()).replaceFirst("")).replaceAll("").strip();
    }
    return new Caption(text.isEmpty() ? null : text, credit == null || credit.isEmpty() ? null : credit);
  }

  private static boolean inArticle(Element e) {
    return e.closest(ARTICLE) != null;
  }

  private static Element first(List<Element> candidates) {
    int looked = 0;
    for (Element e : candidates) {
      if (++looked > 50) {
        return null;
      }
      if (e.closest(FURNITURE) == null && !e.text().isBlank()) {
        return e;
      }
    }
    return null;
  }
}

package org.newsdesk.index.clean.html;

import static org.newsdesk.index.clean.html.NodeMatch.anyOf;
import static org.newsdesk.index.clean.html.NodeMatch.attrEquals;
import static org.newsdesk.index.clean.html.NodeMatch.tag;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.newsdesk.index.clean.html.NodeMatch.Test;

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
  /** At most this many figcaptions are looked at. */
  private static final int CANDIDATES = 50;

  private Captions() {}

  /**
   * The caption of the lead photo of a page. The figcaptions are found by a scan of the tree; the one chosen is read
   * from a {@link SubtreeCopy copy}.
   */
  static Caption find(PageTree tree) {
    int[] all = NodeMatch.all(tree, Selectors.FIGCAPTION);
    int figcaption = first(tree, inArticle(tree, all));
    if (figcaption < 0) {
      figcaption = first(tree, all);
    }
    return figcaption < 0 ? new Caption(null, null) : of(SubtreeCopy.of(tree, figcaption));
  }

  /** The caption and credit a figcaption holds: a credit element's text, or a trailing credit split off. */
  private static Caption of(Element figcaption) {
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

  /** Those of the first {@link #CANDIDATES} figcaptions that are in the article, in document order. */
  private static int[] inArticle(PageTree tree, int[] figcaptions) {
    int[] in = new int[Math.min(CANDIDATES, figcaptions.length)];
    int count = 0;
    for (int i = 0; i < in.length; i++) {
      if (NodeMatch.closest(tree, figcaptions[i], Selectors.ARTICLE) >= 0) {
        in[count++] = figcaptions[i];
      }
    }
    return Arrays.copyOf(in, count);
  }

  /** The first candidate outside navigation, footers, asides and headers, with text; among the first few; or -1. */
  private static int first(PageTree tree, int[] candidates) {
    for (int i = 0; i < candidates.length; i++) {
      if (i == CANDIDATES) {
        return -1;
      }
      int e = candidates[i];
      if (NodeMatch.closest(tree, e, Selectors.FURNITURE) < 0 && !SubtreeCopy.isTextBlank(tree, e)) {
        return e;
      }
    }
    return -1;
  }

  /** Where a figcaption is, as tests of a tree's nodes. */
  private static final class Selectors {
    static final Test FIGCAPTION = tag("figcaption");
    /** {@code article, main, [itemprop=articleBody]} */
    static final Test ARTICLE = anyOf(tag("article"), tag("main"), attrEquals("itemprop", "articleBody"));
    /** {@code nav, footer, aside, header} */
    static final Test FURNITURE = anyOf(tag("nav"), tag("footer"), tag("aside"), tag("header"));
  }
}

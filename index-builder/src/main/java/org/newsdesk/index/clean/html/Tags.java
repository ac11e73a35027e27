package org.newsdesk.index.clean.html;

import java.util.Set;
import org.jsoup.nodes.Element;

/** Tag vocabularies the extractor reasons with. */
final class Tags {
  /** Elements whose content is never article text. */
  static final Set<String> JUNK = Set.of(
      "script", "style", "noscript", "template", "iframe", "svg", "canvas", "object", "embed", "button", "select",
      "input", "textarea", "link", "meta", "head", "map", "audio", "video", "source", "track", "dialog", "menu",
      "math", "option", "label");
  /** Page furniture by structure: removed unless it holds most of the page's text. */
  static final Set<String> STRUCTURAL = Set.of("nav", "aside", "footer", "header", "form", "fieldset");
  /** Elements that start a new block of text. */
  static final Set<String> BLOCK = Set.of(
      "p", "div", "section", "article", "main", "td", "th", "li", "dd", "dt", "dl", "blockquote", "pre", "h1", "h2",
      "h3", "h4", "h5", "h6", "ul", "ol", "table", "tr", "tbody", "thead", "tfoot", "caption", "figure",
      "figcaption", "header", "footer", "form", "fieldset", "body", "center", "address", "details", "summary",
      "hr", "aside", "nav", "html", "hgroup", "legend", "picture");
  /** Elements whose own text is scored as a paragraph. */
  static final Set<String> SCORED = Set.of(
      "p", "pre", "td", "div", "section", "article", "main", "blockquote", "dd", "h2", "h3", "h4", "h5", "h6",
      "center", "font", "span");
  static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");

  private Tags() {}

  static boolean isBlock(Element e) {
    return BLOCK.contains(e.normalName());
  }
}

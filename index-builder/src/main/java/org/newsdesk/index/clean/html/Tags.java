package org.newsdesk.index.clean.html;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

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

  // Bit flags of a tag name, so a tree walk asks one map per element instead of several sets.
  static final int BLOCK_FLAG = 1;
  static final int JUNK_FLAG = 1 << 1;
  static final int STRUCTURAL_FLAG = 1 << 2;
  static final int SCORED_FLAG = 1 << 3;
  static final int HEADING = 1 << 4;
  static final int LINK = 1 << 5;
  static final int FIGURE = 1 << 6;
  static final int BREAK = 1 << 7;
  static final int PARAGRAPH = 1 << 8;
  // What Measure counts and the renderer handles by tag, so neither compares tag names per element.
  static final int IMAGE = 1 << 9;
  static final int LIST_ITEM = 1 << 10;
  static final int INPUT = 1 << 11;
  static final int EMBED = 1 << 12;
  static final int QUOTE = 1 << 13;
  static final int PRE = 1 << 14;
  /** {@code img} only (not {@code picture}): the renderer passes over it. */
  static final int IMG = 1 << 15;
  private static final Map<String, Integer> FLAGS = flagTable();
  /** {@link #FLAGS} by the lexer's tag id, so most elements need no map lookup. */
  private static final int[] FLAGS_BY_ID = flagsById();

  private Tags() {}

  /** The flags of an element of a {@link PageTree}. */
  static int flags(PageTree tree, int node) {
    int id = tree.tag(node);
    if (id >= 0) {
      return FLAGS_BY_ID[id];
    }
    Integer f = FLAGS.get(tree.name(node));
    return f == null ? 0 : f;
  }

  private static int[] flagsById() {
    int[] byId = new int[PageLexer.tagCount()];
    for (int id = 0; id < byId.length; id++) {
      Integer f = FLAGS.get(PageLexer.knownTagName(id));
      byId[id] = f == null ? 0 : f;
    }
    return byId;
  }

  private static Map<String, Integer> flagTable() {
    Map<String, Integer> table = new HashMap<>();
    BLOCK.forEach(t -> table.merge(t, BLOCK_FLAG, (a, b) -> a | b));
    JUNK.forEach(t -> table.merge(t, JUNK_FLAG, (a, b) -> a | b));
    STRUCTURAL.forEach(t -> table.merge(t, STRUCTURAL_FLAG, (a, b) -> a | b));
    SCORED.forEach(t -> table.merge(t, SCORED_FLAG, (a, b) -> a | b));
    HEADINGS.forEach(t -> table.merge(t, HEADING, (a, b) -> a | b));
    table.merge("a", LINK, (a, b) -> a | b);
    table.merge("figure", FIGURE, (a, b) -> a | b);
    table.merge("br", BREAK, (a, b) -> a | b);
    table.merge("p", PARAGRAPH, (a, b) -> a | b);
    for (String t : new String[] {"img", "picture"}) {
      table.merge(t, IMAGE, (a, b) -> a | b);
    }
    table.merge("img", IMG, (a, b) -> a | b);
    table.merge("li", LIST_ITEM, (a, b) -> a | b);
    for (String t : new String[] {"input", "select", "textarea", "button"}) {
      table.merge(t, INPUT, (a, b) -> a | b);
    }
    for (String t : new String[] {"embed", "object", "iframe"}) {
      table.merge(t, EMBED, (a, b) -> a | b);
    }
    table.merge("blockquote", QUOTE, (a, b) -> a | b);
    table.merge("pre", PRE, (a, b) -> a | b);
    return table;
  }
}

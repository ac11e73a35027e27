package org.newsdesk.index.clean.html;

/** Text and tag counts of an element's subtree, computed in one post-order pass. Mutable, extraction-local. */
final class NodeStats {
  /** Characters of whitespace-collapsed text. */
  int text;
  /** Of which inside links. */
  int link;
  int commas;
  int paragraphs;
  int images;
  int listItems;
  int inputs;
  int embeds;
  int headings;
  /** Characters of prose: blocks of 60+ characters of their own text, under 30% links. */
  int paragraphText;
  /** Readability-style content score; only meaningful for candidates. */
  double score;
  boolean candidate;
  /** Characters of text inside {@code blockquote} elements (quotes, embedded posts). */
  int quoteText;
  /** Inside a {@code figure} element. */
  boolean inFigure;
  /** Pre-order number of the element in the measured tree, and the largest one in its subtree. */
  int order;
  int end;
  /** The element's {@link Tags#flags}. */
  int flags;

  void add(NodeStats o) {
    text += o.text;
    link += o.link;
    commas += o.commas;
    paragraphs += o.paragraphs;
    images += o.images;
    listItems += o.listItems;
    inputs += o.inputs;
    embeds += o.embeds;
    headings += o.headings;
    paragraphText += o.paragraphText;
    quoteText += o.quoteText;
  }

  /** All fields zero, as new. */
  NodeStats reset() {
    clearCounts();
    score = 0;
    candidate = false;
    inFigure = false;
    order = 0;
    end = 0;
    flags = 0;
    return this;
  }

  void clearCounts() {
    text = 0;
    link = 0;
    commas = 0;
    paragraphs = 0;
    images = 0;
    listItems = 0;
    inputs = 0;
    embeds = 0;
    headings = 0;
    paragraphText = 0;
    quoteText = 0;
  }

  double linkDensity() {
    return text == 0 ? 0 : (double) link / text;
  }
}

package org.newsdesk.index.clean.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.newsdesk.index.clean.html.NodeMatch.anyOf;
import static org.newsdesk.index.clean.html.NodeMatch.attrEquals;
import static org.newsdesk.index.clean.html.NodeMatch.classContains;
import static org.newsdesk.index.clean.html.NodeMatch.hasAttr;
import static org.newsdesk.index.clean.html.NodeMatch.hasClass;
import static org.newsdesk.index.clean.html.NodeMatch.inside;
import static org.newsdesk.index.clean.html.NodeMatch.tag;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.junit.jupiter.api.Test;

/** {@link NodeMatch}'s tests and searches give jsoup's answers for the same elements. */
class NodeMatchTest {
  /** A jsoup selector and the test that stands for it. */
  private record Pair(Evaluator jsoup, NodeMatch.Test tree) {}

  private static final List<Pair> PAIRS = List.of(
      new Pair(QueryParser.parse("h1"), tag("h1")),
      new Pair(QueryParser.parse("nosuchtag"), tag("nosuchtag")),
      new Pair(QueryParser.parse("[datetime]"), hasAttr("datetime")),
      new Pair(QueryParser.parse("link[rel=canonical]"), tag("link").and(attrEquals("rel", "canonical"))),
      new Pair(QueryParser.parse("[itemprop=datePublished][content]"),
          attrEquals("itemprop", "datePublished").and(hasAttr("content"))),
      new Pair(QueryParser.parse(".byline"), hasClass("byline")),
      new Pair(QueryParser.parse(".author"), hasClass("author")),
      new Pair(QueryParser.parse("[class*=comment], [class*=related]"), classContains("comment", "related")),
      new Pair(QueryParser.parse("[class*=byline]"), classContains("byline")),
      new Pair(QueryParser.parse("article h1, main h1, [itemprop=headline]"), anyOf(
          tag("h1").and(inside(tag("article"))), tag("h1").and(inside(tag("main"))),
          attrEquals("itemprop", "headline"))),
      new Pair(QueryParser.parse("div p"), tag("p").and(inside(tag("div")))),
      // the selectors of PageMetadata and Captions, as they write them
      new Pair(QueryParser.parse("[rel=author], [itemprop=author], .byline, .author, [class*=byline]"),
          anyOf(attrEquals("rel", "author"), attrEquals("itemprop", "author"), hasClass("byline"),
              hasClass("author"), classContains("byline"))),
      new Pair(QueryParser.parse("time[itemprop=datePublished], time[pubdate], [itemprop=datePublished][datetime], "
          + "[itemprop=datePublished][content]"), anyOf(tag("time").and(attrEquals("itemprop", "datePublished")),
          tag("time").and(hasAttr("pubdate")), attrEquals("itemprop", "datePublished").and(hasAttr("datetime")),
          attrEquals("itemprop", "datePublished").and(hasAttr("content")))),
      new Pair(QueryParser.parse("time[datetime]"), tag("time").and(hasAttr("datetime"))),
      new Pair(QueryParser.parse("nav, footer, aside, [class*=comment], [class*=related]"),
          anyOf(tag("nav"), tag("footer"), tag("aside"), classContains("comment", "related"))),
      new Pair(QueryParser.parse("article, main, [itemprop=articleBody]"),
          anyOf(tag("article"), tag("main"), attrEquals("itemprop", "articleBody"))),
      new Pair(QueryParser.parse("svg, title"), anyOf(tag("svg"), tag("title"))),
      new Pair(QueryParser.parse("nav, footer, aside, header"),
          anyOf(tag("nav"), tag("footer"), tag("aside"), tag("header"))));

  /** The elements of a page and of its tree, by their place in document order. */
  private static void assertSameAnswers(Document page) {
    PageTree tree = PageTree.of(page);
    List<Element> elements = new ArrayList<>();
    List<Integer> nodes = new ArrayList<>();
    Map<Element, Integer> index = new IdentityHashMap<>();
    for (int n = 1; n < tree.size(); n++) {
      if (tree.isElement(n)) {
        nodes.add(n);
      }
    }
    for (Element e : page.getAllElements()) {
      if (e != page) {
        index.put(e, elements.size());
        elements.add(e);
      }
    }
    assertEquals(elements.size(), nodes.size(), "elements");
    for (Pair pair : PAIRS) {
      List<Integer> expected = page.select(pair.jsoup()).stream().map(index::get).toList();
      List<Integer> actual = new ArrayList<>();
      for (int n : NodeMatch.all(tree, pair.tree())) {
        actual.add(nodes.indexOf(n));
      }
      assertEquals(expected, actual, pair.jsoup().toString());
      Element first = page.selectFirst(pair.jsoup());
      int firstNode = NodeMatch.first(tree, 0, pair.tree());
      assertEquals(first == null ? -1 : nodes.get(index.get(first)), firstNode, pair.jsoup().toString());
    }
    Pair furniture = PAIRS.get(PAIRS.size() - 1);
    for (int i = 0; i < elements.size(); i++) {
      Element closest = elements.get(i).closest(furniture.jsoup());
      int closestNode = NodeMatch.closest(tree, nodes.get(i), furniture.tree());
      assertEquals(closest == null ? -1 : nodes.get(index.get(closest)), closestNode, "closest");
    }
  }

  @Test
  void handWrittenPages() {
    for (String html : List.of("", "<h1>a</h1><article><div><h1>b</h1></div></article><main><h1>c</h1></main>",
        "<p class=\"x  BYLINE\tnews\">a</p><p class=bylines>b</p><p class=\"by line\">c</p><p class=\" author \">d",
        "<p class=\"\u0130byline\">e</p><p class=\"AUTHOR\">f</p><p class=Comments-Related>g</p><p class=\"\">h",
        "<a REL=\" Canonical\">x</a><link rel=\"canonical x\"><link rel=CANONICAL><link Rel=canonical>",
        "<span itemprop=DATEPUBLISHED content>x</span><span itemprop=datepublished>y</span>",
        "<nav><div><p><time datetime>t</time></p></div></nav><header><h1>h</h1></header>",
        "<div><p>a<div><p>b</p></div></p></div><svg><title>t</title><p>breakout</p></svg>",
        "<main><time itemprop=datePublished datetime=x>a</time><time pubdate>b</time><span itemprop=\" DatePublished\""
            + " content=c></span></main><div itemprop=articlebody><a rel=AUTHOR>z</a><span class=post-Byline>y</span>"
            + "<svg><title>t</title></svg><figure><figcaption itemprop=author>c</figcaption></figure></div>")) {
      assertSameAnswers(Jsoup.parse(html));
    }
  }

  @Test
  void corpusPages() throws IOException {
    List<Path> pages = TestPages.corpusPages(40);
    assumeTrue(!pages.isEmpty(), TestPages.NO_PAGES);
    for (Path p : pages) {
      assertSameAnswers(Jsoup.parse(TestPages.read(p)));
    }
  }

  @Test
  void hasClassAsJsoup() {
    assertTrue(NodeMatch.hasClass("byline", "BYLINE"));
    assertTrue(NodeMatch.hasClass("a\u2003byline", "byline"), "any Character.isWhitespace separates");
    assertFalse(NodeMatch.hasClass("a\u00a0byline", "byline"), "a no-break space does not");
    assertFalse(NodeMatch.hasClass("bylines", "byline"));
    assertFalse(NodeMatch.hasClass("", "byline"));
  }

  /** {@code [class*=word]}: jsoup lower-cases the class value in English, which may change its length. */
  @Test
  void classContainsAsJsoup() {
    Evaluator jsoup = QueryParser.parse("[class*=byline], [class*=related]");
    NodeMatch.Test ours = classContains("byline", "related");
    for (String cls : List.of("byline", "ByLine", "post-BYLINE-x", "bylin", "related", "unRelated", "\u0130byline",
        "stra\u00dfe byline", "relat ed", "", "K\u212Abyline", "\u0130\u0130related", "by\u0130line", "BYL\u0130NE")) {
      Document page = Jsoup.parse("<div class=\"" + cls + "\"></div>");
      Element div = page.selectFirst("div");
      PageTree tree = PageTree.of(page);
      int node = NodeMatch.first(tree, 0, tag("div"));
      assertEquals(jsoup.matches(page, div), ours.matches(tree, node), cls);
      assertEquals(jsoup.matches(page, div), NodeMatch.classContains(cls, List.of("byline", "related")), cls);
    }
  }

  @Test
  void classContainsWantsLowerCaseAsciiWords() {
    assertThrows(IllegalArgumentException.class, () -> classContains("Byline"));
    assertTrue(NodeMatch.classContains("Top-BYLINE-x", List.of("byline")));
    assertFalse(NodeMatch.classContains("by-line", List.of("byline")));
  }
}

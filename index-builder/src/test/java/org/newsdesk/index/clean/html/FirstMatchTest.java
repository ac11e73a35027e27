package org.newsdesk.index.clean.html;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.junit.jupiter.api.Test;

/** {@link FirstMatch} finds what {@code selectFirst} finds, for selectors without combinators. */
class FirstMatchTest {
  /** The kinds of selector the metadata and caption readers ask FirstMatch for. */
  private static final List<Evaluator> SELECTORS = List.of(
      QueryParser.parse("link[rel=canonical]"),
      QueryParser.parse("h1"),
      new AnyOf(QueryParser.parse("[rel=author], [itemprop=author], .byline, .author"), new ClassContains("byline")),
      QueryParser.parse("time[itemprop=datePublished], time[pubdate], [itemprop=datePublished][datetime]"),
      QueryParser.parse("[class*=credit], [class*=copyright], [itemprop=author], small"),
      QueryParser.parse("p"),
      QueryParser.parse("nosuchtag"));

  private static void assertSameAsSelectFirst(Element root) {
    for (Evaluator eval : SELECTORS) {
      assertSame(root.selectFirst(eval), FirstMatch.in(root, eval), eval.toString());
    }
  }

  @Test
  void handWrittenPages() {
    for (String html : List.of("", "<h1>a</h1><h1>b</h1>", "<p class=byline-x>by</p><span rel=author>x</span>",
        "<div><small>s</small><figcaption class=credit>c</figcaption></div>",
        "<head><link rel=canonical href=/a></head><time pubdate>t</time>")) {
      Document doc = Jsoup.parse(html);
      assertSameAsSelectFirst(doc);
      assertSameAsSelectFirst(doc.body());
    }
  }

  @Test
  void theRootItselfMatches() {
    Element h1 = Jsoup.parse("<h1><h1>x</h1></h1>").selectFirst("h1");
    assertSame(h1, FirstMatch.in(h1, QueryParser.parse("h1")));
  }

  @Test
  void corpusPages() throws IOException {
    List<Path> pages = QuickTreeBuilderTest.corpusPages(40);
    assumeTrue(!pages.isEmpty(), "no HTML pages in sample-corpus/articles/html or ../shared/corpora/extraction/html");
    for (Path p : pages) {
      assertSameAsSelectFirst(Jsoup.parse(QuickTreeBuilderTest.read(p)));
    }
  }
}

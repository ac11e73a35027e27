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
  /**
   * The selector {@link Captions} asks FirstMatch for (a credit in a caption's copy), and others of the kinds the
   * readers use.
   */
  private static final List<Evaluator> SELECTORS = List.of(
      QueryParser.parse("[class*=credit], [class*=copyright], [class*=source], [class*=byline], [class*=author], "
          + "[itemprop=copyrightHolder], [itemprop=author], small"),
      QueryParser.parse("link[rel=canonical]"),
      QueryParser.parse("h1"),
      QueryParser.parse("[rel=author], [itemprop=author], .byline, .author, [class*=byline]"),
      QueryParser.parse("time[itemprop=datePublished], time[pubdate], [itemprop=datePublished][datetime]"),
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
        "<head><link rel=canonical href=/a></head><time pubdate>t</time>",
        "<figcaption>Quay <span class=\"Photo-Credit\">Jo</span><small>s</small></figcaption>",
        "<figcaption itemprop=copyrightHolder><b class=x-source>a</b></figcaption><p class=AUTHORS>x</p>")) {
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
    List<Path> pages = TestPages.corpusPages(40);
    assumeTrue(!pages.isEmpty(), TestPages.NO_PAGES);
    for (Path p : pages) {
      Document page = Jsoup.parse(TestPages.read(p));
      assertSameAsSelectFirst(page);
      // and on the copies Captions reads
      PageTree tree = PageTree.of(page);
      for (int figcaption : NodeMatch.all(tree, NodeMatch.tag("figcaption"))) {
        assertSameAsSelectFirst(SubtreeCopy.of(tree, figcaption));
      }
    }
  }
}

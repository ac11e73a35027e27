package org.newsdesk.index.clean.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.parser.Tag;
import org.junit.jupiter.api.Test;

/**
 * A {@link SubtreeCopy} renders as the page's element does: every element's copy has jsoup's tag (name and the
 * namespace the {@link PageTree} stores) and jsoup's {@code text()} of the element, and the small pages' copies are
 * the elements' subtrees, with their whole text; and {@link JsonLd#data} reads what jsoup's {@code data()} reads.
 */
class SubtreeCopyTest {
  private static final String[] FOREIGN = {
      "<svg><foreignObject><article>x</article></foreignObject><desc><article>d</article></desc>"
          + "<title><p>s</p></title><g><span>inner<path></path></span></g></svg>",
      "<math><mi><article>x</article><mglyph></mglyph></mi><annotation-xml encoding=' Text/HTML '><article>h"
          + "</article></annotation-xml><annotation-xml><article>h</article><svg><title>q</title></svg>"
          + "</annotation-xml><mrow><svg></svg></mrow></math>",
      "<svg><a><font color=red>f<path></path></font><font>g</font></a><p>breakout</p>",
      "<svg><math><mi>z</mi></math></svg>",
      "<h1>Big<svg><title>x</title></svg>Head</h1><figcaption>a<svg><desc><div>c</div></desc></svg>b</figcaption>",
      "<table><tr><td>x<svg><td>y</td></svg></td></tr></table>",
      "<svg><foreignObject><math><annotation-xml encoding=text/html><svg><title><pre>a  b</pre></title></svg>"
          + "</annotation-xml></math></foreignObject></svg>",
      "<math><script type=application/ld+json>{\"a\":<!--c-->1}<b>x</b></script></math>"
          + "<svg><script type=application/ld+json>{\"b\":<![CDATA[2]]>}</script></svg>"};
  private static final String[] WHITESPACE = {
      "<pre><div><p><span><b>a  b\n c</b></span></p></div></pre>",
      "<pre><div><div><div><div><div><p>a  b</p></div></div></div></div></div></pre>",
      "<pre><div><div><div><div><div><div><p>a  b</p></div></div></div></div></div></div></pre>",
      "<textarea>a  b</textarea><title>t  \n t</title><p>a \u00a0 b<br>c</p><ul><li>x<li>y</ul>",
      "<p>\u00a0</p><p>\u2003</p><p>\u00ad\u200b</p><p>\u0001</p><p>\u2003\u0001\u2003</p><pre><p>\u00a0</p></pre>"};

  /**
   * What of a tag jsoup's text rendering reads (its name's case aside: the tree keeps names in lower case, and jsoup
   * keeps an SVG element's as written).
   */
  private static String traits(Tag tag) {
    return tag.normalName() + " " + tag.namespace() + " block " + tag.isBlock() + " inline " + tag.isInline()
        + " formatAsBlock " + tag.formatAsBlock() + " preserveWhitespace " + tag.preserveWhitespace() + " empty "
        + tag.isEmpty();
  }

  /**
   * Each element of the page against its copy from the page's tree; {@code whole}: also the copy's whole text and
   * subtree against the element's, node by node (for small pages).
   */
  private static void assertRendersAsThePage(Document page, boolean whole) {
    PageTree tree = PageTree.of(page);
    List<Element> elements = new ArrayList<>(page.getAllElements());
    int i = 1; // the document is element 0 in jsoup's list, and node 0 of the tree
    for (int n = 1; n < tree.size(); n++) {
      if (!tree.isElement(n)) {
        continue;
      }
      Element e = elements.get(i++);
      String what = e.normalName() + " in " + e.parent().normalName();
      assertEquals(e.normalName(), tree.name(n), what);
      assertEquals(e.tag().namespace(), tree.namespace(n), what);
      if (tree.end(n) - n < 2000) {
        Element copy = SubtreeCopy.of(tree, n);
        assertEquals(traits(e.tag()), traits(copy.tag()), what);
        String text = e.text();
        assertEquals(text, copy.text(), what);
        assertEquals(text.isBlank(), SubtreeCopy.isTextBlank(tree, n), what);
        if (whole) {
          assertEquals(e.wholeText(), copy.wholeText(), what);
          PageTrees.assertSameRendering(PageTrees.render(e), PageTrees.render(copy), what);
        }
      }
      if (e.normalName().equals("script")) {
        assertEquals(e.data(), JsonLd.data(tree, n), "data");
      }
    }
    assertEquals(elements.size(), i, "elements");
  }

  @Test
  void foreignContent() {
    for (String html : FOREIGN) {
      assertRendersAsThePage(Jsoup.parse(html), true);
    }
  }

  @Test
  void whitespaceKeptByAncestors() {
    for (String html : WHITESPACE) {
      assertRendersAsThePage(Jsoup.parse(html), true);
    }
  }

  /**
   * jsoup takes an SVG {@code foreignObject} for an HTML integration point only when the page writes its name so;
   * the tree stores the namespace jsoup gave each element, however the name was written, and the copies follow it.
   */
  @Test
  void foreignObjectIsAnIntegrationPointOnlyAsJsoupTakesIt() {
    for (String name : List.of("foreignObject", "foreignobject")) {
      Document page = Jsoup.parse("<svg><" + name + "><article>x</article></" + name + "></svg>y");
      PageTree tree = PageTree.of(page);
      int article = NodeMatch.first(tree, 0, NodeMatch.tag("article"));
      String expected = name.equals("foreignObject") ? Parser.NamespaceHtml : Parser.NamespaceSvg;
      assertEquals(expected, page.selectFirst("article").tag().namespace(), name);
      assertEquals(expected, tree.namespace(article), name);
      assertEquals(expected, SubtreeCopy.of(tree, article).tag().namespace(), name);
      assertEquals(Parser.NamespaceSvg, tree.namespace(NodeMatch.first(tree, 0, NodeMatch.tag("svg"))), name);
      assertEquals(page.body().text(), SubtreeCopy.text(tree, tree.body()), name);
    }
  }

  /**
   * jsoup's {@code data()} has the CDATA sections inside, which only foreign content has and the tree keeps as
   * text: {@link JsonLd#data} leaves them out.
   */
  @Test
  void cdataIsNotData() {
    Document page = Jsoup.parse("<math><script type=application/ld+json><![CDATA[{}]]></script></math>");
    PageTree tree = PageTree.of(page);
    assertEquals("{}", page.selectFirst("script").data());
    assertEquals("", JsonLd.data(tree, NodeMatch.first(tree, 0, NodeMatch.tag("script"))));
  }

  @Test
  void corpusPages() throws IOException {
    List<Path> pages = TestPages.corpusPages(40);
    assumeTrue(!pages.isEmpty(), TestPages.NO_PAGES);
    for (Path p : pages) {
      String html = TestPages.read(p);
      assertRendersAsThePage(Jsoup.parse(html), false);
      assertRendersAsThePage(Parser.htmlParser().parseInput(UnreadAttributes.slimmed(html).reader(), ""), false);
    }
  }
}

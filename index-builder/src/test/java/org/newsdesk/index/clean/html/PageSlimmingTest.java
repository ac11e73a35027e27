package org.newsdesk.index.clean.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * The pre-parse slimming ({@link InertContent}, {@link UnreadAttributes}): what it removes, what it must leave
 * alone, and that extraction from a slimmed page equals extraction from the page as it was.
 */
class PageSlimmingTest {
  private static String slim(String html) {
    return UnreadAttributes.drop(InertContent.strip(html));
  }

  @Test
  void removesScriptStyleNoscriptSvgTemplateAndCommentsBetweenTags() {
    assertEquals("<p>a</p><p>b</p>",
        InertContent.strip("<p>a</p><script src=\"x.js\">var s = '<p>not text</p>';</script><style>p{color:red}"
            + "</style><noscript><img src=\"t.gif\"></noscript><svg viewBox=\"0 0 1 1\"><path d=\"M0\"/></svg>"
            + "<template><p>later</p></template><!-- x --><p>b</p>"));
  }

  @Test
  void emptiesThemButKeepsTheirTagsNextToText() {
    // removed, they would join the two texts into one text node, which counts its whitespace differently
    assertEquals("<p>a <script src=\"x.js\"></script> b<style></style></p>c<!---->d",
        InertContent.strip("<p>a <script src=\"x.js\">var s = '</div>';</script> b<style>p{}</style></p>c<!-- x -->d"));
  }

  @Test
  void insideNoscriptTemplateAndSvgTextThatLooksLikeTheirEndTagIsSteppedOver() {
    // jsoup reads these as a comment, CDATA, a bogus comment and script text, not as the end of the element
    for (String inner : List.of("<!-- </noscript> -->", "<![CDATA[ </noscript> ]]>", "<!x </noscript> >",
        "<script>var s = '</noscript>';</script>")) {
      assertEquals("<p>a</p><noscript></noscript> b",
          InertContent.strip("<p>a</p><noscript>" + inner + "<p>c</p></noscript> b"), inner);
    }
    assertEquals("<p>a</p><p>b</p>", InertContent.strip("<p>a</p><svg><![CDATA[ </svg> ]]><style>x</style></svg><p>b</p>"));
  }

  @Test
  void keepsJsonLdWhole() {
    String ld = "<script type=\"application/ld+json\">{\"datePublished\":\"2020-09-27\"}</script>";
    assertSame(ld, InertContent.strip(ld));
    String upper = "<SCRIPT TYPE='Application/LD+JSON'>{\"a\":1}</SCRIPT><SCRIPT>x()</SCRIPT>";
    assertEquals("<SCRIPT TYPE='Application/LD+JSON'>{\"a\":1}</SCRIPT><SCRIPT></SCRIPT>", InertContent.strip(upper));
  }

  @Test
  void tagNamesInCommentsTitlesAndTextareasAreText() {
    String html = "<title>The <script> tag</title><textarea><style>x</style></textarea><p>a</p>";
    assertSame(html, InertContent.strip(html));
    assertEquals("<!----><title>The <script> tag</title>", InertContent.strip("<!-- <script> --><title>The <script> tag</title>"));
  }

  @Test
  void commentsAreEmptiedButCommentsThatEndEarlyForTheTokenizerAreLeftAlone() {
    assertEquals("<p>a<!---->b</p><!---->", InertContent.strip("<p>a<!-- x -->b</p><!--[if IE]><p>old</p><![endif]-->"));
    // <!--> and <!---> are whole comments; --!> ends a comment too: the text after them is page content
    for (String html : List.of("<!--><p>a</p>-->", "<!---><p>a</p>-->", "<!-- x --!><p>a</p>-->")) {
      assertSame(html, InertContent.strip(html));
    }
  }

  @Test
  void nestedSvgIsEmptiedToItsOwnEndAndAQuotedGreaterThanDoesNotEndATag() {
    assertEquals("<svg a=\"x>y\"></svg><p>after</p>",
        InertContent.strip("<svg a=\"x>y\"><svg><g/></svg><svg/></svg><p>after</p>"));
  }

  @Test
  void anUnterminatedElementLeavesTheRestOfThePageAsItWas() {
    String html = "<p>a</p><script>var never = 'closed';<p>b</p>";
    assertSame(html, InertContent.strip(html));
  }

  @Test
  void dropsAttributesTheExtractorNeverReads() {
    assertEquals("<a class=\"x\">t</a><img id=i1><div itemprop='articleBody' role=main>",
        UnreadAttributes.drop("<a href=\"/story\" class=\"x\" data-track='{\"a\":1}'>t</a>"
            + "<img src=a.jpg srcset=\"a.jpg 1x, b.jpg 2x\" id=i1 alt=\"A > B\"><div itemprop='articleBody' "
            + "onclick=\"go()\" role=main>"));
  }

  @Test
  void keepsHrefOnLinkAndBaseAndTheSelfClosingSlash() {
    String html = "<link rel=canonical href=\"https://example.org/a\"/><base href=/><br/>";
    assertSame(html, UnreadAttributes.drop(html));
    assertEquals("<input type=hidden/>", UnreadAttributes.drop("<input type=hidden value=\"secret\"/>"));
  }

  @Test
  void leavesUnusualTagsAndRawTextAlone() {
    String odd = "<a href=\"x\" <b title=y>bold</b>";
    assertEquals("<a href=\"x\" <b>bold</b>", UnreadAttributes.drop(odd));
    String raw = "<textarea><a href=x>not a tag</a></textarea><script>s='<a href=y>'</script>";
    assertSame(raw, UnreadAttributes.drop(raw));
    String unquoted = "<a href=/path/>x</a>";
    assertEquals("<a>x</a>", UnreadAttributes.drop(unquoted));
    assertEquals("<p>a<plaintext><a href=x>", UnreadAttributes.drop("<p>a<plaintext><a href=x>"));
  }

  private static final String PROSE = "The council met on Tuesday, and after a long debate, which ran late into the"
      + " night, it approved the budget for the harbour, the schools and the roads.";

  /** Pages with the markup slimming has to get right, each around the same article. */
  private static List<String> trickyPages() {
    List<String> parts = List.of(
        "<script>var s = '</div><p>not text</p>';</script>",
        "<SCRIPT TYPE=\"text/javascript\">if (a < b && c > d) { x = '<STYLE>'; }</SCRIPT><STYLE>p { }</STYLE>",
        "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\":\"2020-09-27\","
            + "\"author\":{\"name\":\"Ann Lee\"}}</script>",
        "<script><!-- document.write('<script src=a.js></script>'); --></script><p>after the script</p>",
        "<noscript><!-- </noscript> --><script>var s = '</noscript>';</script><p>enable</p></noscript>",
        "<template><![CDATA[ </template> ]]><style>a{}</style></template><p>x <![CDATA[ <script> ]]> y</p>",
        "<script><!-- old(); //--></script>",
        "text before <script>x()</script> text after, with a comma, and more words to count",
        "<p>one<!-- a comment --> two <!-- another -->three</p>",
        "<!--[if IE]><p>old browsers</p><![endif]-->",
        "<!--> <p>a comment that ends at once</p> -->",
        "<svg viewBox=\"0 0 1 1\"><![CDATA[ </svg> ]]><path d=\"M0\"/><svg><g/></svg></svg>",
        "<noscript><img src=\"t.gif\"><p>enable scripts</p></noscript>",
        "<template><p>later</p></template>",
        "<textarea><script>not a script</script></textarea><title>The <script> tag</title>",
        "<div data-x='{\"a\":\"<p>\"}' onclick=\"go('>')\" class=\"story-body\"><p>" + PROSE + "</p></div>",
        "<p>unterminated <!-- comment <p>" + PROSE + "</p>",
        "<ul>\n <li>one</li>\n <li>two, three</li>\n</ul>\n<div>\n  <p>" + PROSE + "</p>\n</div>",
        "<p>a</span>\n<div>b, c</div> <p>d</i> <span>e</span>\n<p>f</p>",
        "<b><p>x</p>\n<div>y, z</div></b>\n<font><p>q</p> <section>r</section>",
        "<pre>\n  <div>x</div>\n  <b>y</b> <i>z</i>\n</pre>",
        "<p>When <!-- -->President<!-- --> <!-- -->Trump said, <a href=x>he</a> <b>did</b></p>",
        "<table>\n<tr>\n<td>cell one, two</td>\n</tr>\n</table>\n<td>stray</td>\n<div>x</div>",
        "<p>" + PROSE + "</p><script>var never = 'closed';");
    List<String> pages = new ArrayList<>();
    for (String part : parts) {
      pages.add("<html><head><title>Harbour budget</title><script>var a = '</head>';</script><style>b{}</style>"
          + "</head><body><nav><a href=\"/\">Home</a></nav><div class=\"article-body\"><h1>Harbour budget</h1>"
          + "<p>" + PROSE + "</p>" + part + "<p>" + PROSE + "</p></div><footer>(c) 2020</footer></body></html>");
    }
    return pages;
  }

  @Test
  void extractionFromSlimmedTrickyPagesEqualsExtractionFromThePage() {
    HtmlExtractor extractor = new HtmlExtractor();
    for (String html : trickyPages()) {
      ExtractedPage whole = extractor.extract(Jsoup.parse(html, ""), null);
      assertEquals(whole, extractor.extract(html, null), html);
      assertTrue(whole.body().contains(PROSE), html);
    }
  }

  @Test
  void theOneScanSlimmingEqualsInertContentThenUnreadAttributes() throws IOException {
    List<String> pages = new ArrayList<>(trickyPages());
    for (Path p : pages()) {
      pages.add(read(p));
    }
    for (String html : pages) {
      assertEquals(slim(html), UnreadAttributes.slimmed(html).toString(), html.substring(0, Math.min(200, html.length())));
    }
  }

  /** The sample pages and the first 60 pages of the extraction corpus, those that are there. */
  private static List<Path> pages() throws IOException {
    return TestPages.corpusPages(60);
  }

  @Test
  void extractionFromTheSlimmedPageEqualsExtractionFromThePage() throws IOException {
    List<Path> pages = pages();
    assumeTrue(!pages.isEmpty(), "no HTML pages in sample-corpus/articles/html or ../shared/corpora/extraction/html;"
        + " nothing to compare");
    HtmlExtractor extractor = new HtmlExtractor();
    for (Path p : pages) {
      String html = read(p);
      ExtractedPage whole = extractor.extract(Jsoup.parse(html, ""), null);
      assertEquals(whole, extractor.extract(html, null), p.toString()); // slimmed, as the indexer does
    }
    assertTrue(pages.size() >= 10, "compared only " + pages.size() + " pages");
  }

  private static String read(Path p) throws IOException {
    return TestPages.read(p);
  }
}

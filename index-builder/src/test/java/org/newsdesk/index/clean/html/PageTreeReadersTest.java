package org.newsdesk.index.clean.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * The metadata, JSON-LD and caption readers over a {@link PageTree} ({@link PageMetadata#read}, {@link JsonLd#of},
 * {@link Captions#find}): on small pages that exercise each fallback, the answers each page should give (checked
 * against jsoup's readers when those were replaced); and on every page of the extraction corpus and the sample
 * corpus, the same answers on the extractor's two routes to a tree: the {@link PageTreeBuilder} and, where it
 * declines, jsoup on the slimmed page, converted.
 */
class PageTreeReadersTest {
  /** Everything the readers answer about a page, comparable. */
  record Answers(String url, String title, String published, String dateSource, String source, String author,
      Captions.Caption caption, List<JsonNode> jsonLd, List<String> jsonLdAuthors, String jsonLdPublisher,
      String jsonLdHeadline) {

    /** The metadata and the caption, the fields that are not null, as {@code name=value | ...}. */
    String summary() {
      StringJoiner s = new StringJoiner(" | ");
      add(s, "url", url);
      add(s, "title", title);
      add(s, "published", published);
      add(s, "dateSource", dateSource);
      add(s, "source", source);
      add(s, "author", author);
      add(s, "caption", caption.caption());
      add(s, "credit", caption.credit());
      return s.toString();
    }

    private static void add(StringJoiner s, String name, String value) {
      if (value != null) {
        s.add(name + "=" + value);
      }
    }
  }

  static Answers answers(PageTree tree, String url) {
    JsonLd jsonLd = JsonLd.of(tree);
    PageMetadata m = PageMetadata.read(tree, url, jsonLd);
    JsonLd ld = JsonLd.of(tree); // the JSON-LD answers asked of a fresh one, in an order of their own
    return new Answers(m.url, m.title, m.published == null ? null : m.published.toString(), m.dateSource, m.source,
        m.author, Captions.find(tree), ld.all(), ld.authors(), ld.publisher(), ld.articleText("headline"));
  }

  /** HtmlExtractor's fallback route: jsoup's tree of the slimmed page. */
  private static PageTree fallbackTree(String html, String url) {
    return PageTree.of(Parser.htmlParser().parseInput(UnreadAttributes.slimmed(html).reader(), url == null ? "" : url));
  }

  /** HtmlExtractor's first route: the builder's tree of the page without its inert content; null when declined. */
  private static PageTree builderTree(String html) {
    char[] chars = TestPages.stripped(html).toCharArray();
    return PageTreeBuilder.parse(chars, chars.length);
  }

  /** The tree without the subtrees of the elements {@code drop} matches, as jsoup's {@code remove()} leaves it. */
  static PageTree without(PageTree tree, NodeMatch.Test drop) {
    PageTree.Builder b = new PageTree.Builder(tree.size());
    int[] made = new int[tree.size()];
    for (int n = 1; n < tree.size(); n++) {
      int parent = made[tree.parent(n)];
      if (!tree.isElement(n)) {
        made[n] = b.leaf(parent, tree.kind(n), tree.text(n));
      } else if (drop.matches(tree, n)) {
        n = tree.end(n);
      } else {
        String ns = tree.namespace(n);
        byte namespace = ns.equals(Parser.NamespaceSvg) ? PageTree.SVG_NAMESPACE
            : ns.equals(Parser.NamespaceMathml) ? PageTree.MATHML_NAMESPACE : PageTree.HTML_NAMESPACE;
        made[n] = b.element(parent, tree.name(n), tree.tag(n), tree.attributes(n), namespace);
      }
    }
    return b.finish();
  }

  private static final NodeMatch.Test META_AND_SCRIPTS =
      NodeMatch.anyOf(NodeMatch.tag("meta"), NodeMatch.tag("script"));

  @Test
  void withoutIsJsoupsRemove() {
    String html = "<head><meta name=a content=b><script>x</script></head><body><p>a<script>y</script>b<svg>"
        + "<title>t</title><script>z</script></svg><math><mi>m</mi></math>c</p><meta name=c>";
    Document doc = Jsoup.parse(html);
    PageTree tree = PageTree.of(doc);
    doc.select("meta, script").remove();
    PageTrees.assertSameRendering(PageTrees.render(doc), PageTrees.render(without(tree, META_AND_SCRIPTS)), html);
  }

  // ---- corpus pages: the builder's tree and jsoup's give the same answers

  /**
   * Compares the answers on the builder's tree of the page and on jsoup's tree of the same slimmed page, with the
   * url and without, as they are and without their meta tags and scripts (so that the fallbacks are read: headline,
   * title, byline, time elements, canonical link). Adds what differs to {@code differences}; returns whether the
   * builder built the page.
   */
  private static boolean compareRoutes(String label, String html, String url, List<String> differences) {
    PageTree built = builderTree(html);
    if (built == null) {
      return false;
    }
    PageTree parsed = fallbackTree(html, url);
    List<PageTree[]> variants = List.of(new PageTree[] {built, parsed},
        new PageTree[] {without(built, META_AND_SCRIPTS), without(parsed, META_AND_SCRIPTS)});
    for (int v = 0; v < variants.size(); v++) {
      for (String u : url == null ? new String[] {null} : new String[] {url, null}) {
        Answers fromBuilder = answers(variants.get(v)[0], u);
        Answers fromJsoup = answers(variants.get(v)[1], u);
        if (!fromJsoup.equals(fromBuilder)) {
          differences.add(label + (v == 0 ? "" : " without meta and scripts") + " (url " + u + ")\n  jsoup:   "
              + fromJsoup + "\n  builder: " + fromBuilder);
        }
      }
    }
    return true;
  }

  @Test
  void extractionCorpusPagesGiveTheSameAnswersOnBothRoutes() throws IOException {
    Path dir = TestPages.extractionCorpus();
    assumeTrue(Files.isRegularFile(dir.resolve("ground-truth.json")),
        "extraction corpus not found at " + dir + "; skipping the comparison of the two routes on its pages");
    JsonNode truth = new ObjectMapper().readTree(dir.resolve("ground-truth.json").toFile());
    List<String> differences = new ArrayList<>();
    int pages = 0;
    int built = 0;
    for (var it = truth.fields(); it.hasNext(); ) {
      var e = it.next();
      String html = TestPages.read(dir.resolve("html").resolve(e.getKey() + ".html.gz"));
      if (compareRoutes(e.getKey(), html, e.getValue().path("url").asText(null), differences)) {
        built++;
      }
      pages++;
    }
    System.out.println("PageTreeReadersTest: the extraction corpus's pages, " + built + " of " + pages
        + " built by the PageTreeBuilder, compared");
    assertEquals(181, pages, "pages in the extraction corpus");
    assertTrue(built * 2 > pages, "only " + built + " of " + pages + " pages built: too few to compare");
    assertEquals(List.of(), differences, differences.size() + " differences");
  }

  @Test
  void sampleCorpusPagesGiveTheSameAnswersOnBothRoutes() throws IOException {
    List<Path> pages = TestPages.files(TestPages.sampleCorpus(), ".html");
    assumeTrue(!pages.isEmpty(), "sample corpus not found at " + TestPages.sampleCorpus());
    List<String> differences = new ArrayList<>();
    int built = 0;
    for (Path p : pages) {
      if (compareRoutes(p.getFileName().toString(), TestPages.read(p), null, differences)) {
        built++;
      }
    }
    assertTrue(built * 2 > pages.size(), "only " + built + " of " + pages.size() + " pages built: too few to compare");
    assertEquals(List.of(), differences, differences.size() + " differences");
  }

  // ---- small pages, one fallback each

  /**
   * The answers on jsoup's tree of the page as it is, after checking that the extractor's two routes give the same
   * answers as each other (when the builder builds the page) and as this one (unless {@code slimmingChanges}: the
   * slimming empties svgs, whose text jsoup renders).
   */
  private static Answers read(String html, String url, boolean slimmingChanges) {
    Answers plain = answers(PageTree.of(Jsoup.parse(html, url == null ? "" : url)), url);
    Answers fallback = answers(fallbackTree(html, url), url);
    PageTree built = builderTree(html);
    if (built != null) {
      assertEquals(fallback, answers(built, url), "the builder's tree and jsoup's: " + html);
    }
    if (!slimmingChanges) {
      assertEquals(plain, fallback, "the page and the slimmed page: " + html);
    }
    return plain;
  }

  private static Answers read(String html) {
    return read(html, null, false);
  }

  /** The {@link Answers#summary} of a page where the readers find nothing. */
  private static final String NOTHING = "";

  /**
   * The page's metadata and caption, {@link Answers#summary}; the same on the page as it is and on the extractor's
   * routes.
   */
  private static void assertAnswers(String expected, String html, String url) {
    assertEquals(expected, read(html, url, false).summary(), html);
  }

  private static void assertAnswers(String expected, String html) {
    assertAnswers(expected, html, null);
  }

  @Test
  void titleFromAnArticleHeadlineBeforeAnEarlierPlainH1() {
    assertAnswers("title=Article heading", "<html><head><title>Page title | Site</title></head><body>"
        + "<h1>Plain heading</h1><div><article><header><h1>Article heading</h1></header></article></div>"
        + "</body></html>");
  }

  @Test
  void titleFromAMainHeadlineOrAnItempropHeadlineWhicheverComesFirst() {
    assertAnswers("title=Main heading", "<h1>Plain</h1><main><div><h1>Main heading</h1></div></main>");
    assertAnswers("title=Item headline", "<div itemprop=\" Headline \">Item headline</div>"
        + "<article><h1>Article heading</h1></article>");
    assertAnswers("title=Article heading", "<article><h1>Article heading</h1></article>"
        + "<span itemprop=headline>Item headline</span>");
  }

  @Test
  void titleFromTheFirstPlainH1WithoutAnArticleHeadline() {
    assertAnswers("title=First heading", "<title>T</title><h1>First <b>heading</b></h1><h1>Second</h1>");
    assertAnswers("title=Not inside", "<h1>Not inside</h1><article><h2>Sub</h2></article>");
  }

  @Test
  void titleFromTheDocumentTitleWhenThereIsNoHeadline() {
    assertAnswers("title=Spaced title", "<html><head><title>  Spaced \n\t title  </title></head><body><p>x</p>");
    assertAnswers("title=Blank heading", "<head><title>Blank heading</title></head><h1> \u00a0 </h1>");
    assertAnswers(NOTHING, "<p>No title at all</p>");
    // a title outside the head is not the page's
    assertAnswers(NOTHING, "<body><svg><title>Icon</title></svg></body>");
  }

  @Test
  void headlinesWithForeignContentAndPreservedWhitespace() {
    // svg and math are blocks to jsoup's text(): a space on either side; the extractor reads the svg emptied
    String icon = "<h1>Big<svg><title>icon</title></svg>News</h1>";
    assertEquals("title=Big icon News", read(icon, null, true).summary());
    assertEquals("title=Big News", answers(fallbackTree(icon, null), null).summary());
    assertAnswers("title=Kept  spaces", "<pre><div><h1>Kept  spaces</h1></div></pre>");
    assertEquals("title=In math", read("<math><mi><h1>In <b>math</b></h1></mi></math>", null, true).summary());
    assertEquals("title=In svg", read("<svg><foreignObject><div><h1>In <p>svg</p></h1></div></foreignObject></svg>",
        null, true).summary());
  }

  @Test
  void authorFromBylines() {
    assertAnswers("author=Ana Lima", "<p class=\"post-byline\">By Ana Lima</p>");
    assertAnswers("author=Ana Lima", "<span class=\"x  BYLINE\tnews\">by Ana Lima</span>");
    assertAnswers("author=Ana Lima", "<div class=author-box>Box</div><a rel=\" Author \">Ana Lima</a>");
    assertAnswers("author=Ana Lima", "<span class=\"author\">Ana Lima</span>");
    assertAnswers("author=Ana Lima", "<span itemprop=author><b>Ana</b> Lima</span>");
    // too long for a byline
    assertAnswers(NOTHING, "<div class=\"byline\">" + "word ".repeat(30) + "</div>");
    assertAnswers(NOTHING, "<div class=authors>Ana Lima</div>");
  }

  @Test
  void dateFromTimeElementsOutsideNavigationFootersAndComments() {
    String furniture = "<nav><time datetime=2020-01-01>a</time></nav><footer><time datetime=2020-01-02>b</time>"
        + "</footer><aside><time datetime=2020-01-03>c</time></aside><div class=\"user-Comments\"><div><time"
        + " datetime=2020-01-04>d</time></div></div><ul class=related><li><time datetime=2020-01-05>e</time></ul>";
    assertAnswers("published=2021-05-06 | dateSource=time",
        furniture + "<article><time datetime=\"2021-05-06\">May 6</time></article>");
    assertAnswers(NOTHING, furniture);
  }

  @Test
  void dateFromPublicationTimeElements() {
    assertAnswers("published=2019-02-03 | dateSource=time", "<time datetime=2021-01-01>x</time>"
        + "<span itemprop=datePublished content=2019-02-03>Feb 3</span>");
    assertAnswers("published=2018-01-02 | dateSource=time", "<time itemprop=\" DATEPUBLISHED \">2018-01-02</time>");
    assertAnswers("published=2017-03-04 | dateSource=time", "<time pubdate> 2017-03-04 </time>");
    assertAnswers("published=2016-05-06 | dateSource=time", "<div itemprop=datePublished datetime=2016-05-06></div>");
    // neither datetime nor content
    assertAnswers(NOTHING, "<div itemprop=datePublished>2016-05-06</div>");
  }

  @Test
  void onlyTheFirstFiftyTimeElementsAreLookedAt() {
    String article = "<article><time datetime=2021-05-06>May 6</time></article>";
    assertAnswers("published=2021-05-06 | dateSource=time",
        "<nav>" + "<time datetime=2020-01-01>a</time>".repeat(49) + "</nav>" + article);
    assertAnswers(NOTHING, "<nav>" + "<time datetime=2020-01-01>a</time>".repeat(50) + "</nav>" + article);
  }

  @Test
  void urlFromTheCanonicalLinkWhenNoneIsGiven() {
    assertAnswers("url=https://www.example.org/2020/03/04/story | published=2020-03-04 | dateSource=url"
        + " | source=example.org",
        "<head><link rel=\"Canonical \" href=\" https://www.example.org/2020/03/04/story \"></head>");
    assertAnswers("url=https://x.org/a | source=x.org", "<link rel=canonical href=https://y.org/b>"
        + "<meta property=og:url content=https://x.org/a>");
    assertAnswers("url=https://z.org/c | source=z.org", "<link rel=canonical href=https://y.org/b>", "https://z.org/c");
  }

  @Test
  void metaTagsAndJsonLd() {
    String ld = "<script type=\"application/LD+JSON\">{\"@graph\":[{\"@type\":\"NewsArticle\",\"headline\":\"H\","
        + "\"datePublished\":\"2021-03-04\",\"author\":[{\"name\":\"Ana Lima\"}],"
        + "\"publisher\":{\"name\":\"Gazette\"}}]}"
        + "</script><script type=application/ld+json>{broken</script><script>var x = 1;</script>";
    String html = "<head><meta name=\"DATE\" datetime=\"2020-01-02\"><meta property=og:title content=\" \">" + ld
        + "</head>";
    assertAnswers("title=H | published=2020-01-02 | dateSource=meta | source=Gazette | author=Ana Lima", html);
    Answers a = read(html);
    assertEquals(2, a.jsonLd().size(), "the article and the object holding the graph");
    assertEquals(List.of("Ana Lima"), a.jsonLdAuthors());
    assertEquals("Gazette", a.jsonLdPublisher());
    assertEquals("H", a.jsonLdHeadline());
    assertAnswers("title=H | published=2021-03-04 | dateSource=json-ld | source=Gazette | author=Ana Lima", ld);
  }

  @Test
  void captionInTheArticleBeforeOneOutsideIt() {
    assertAnswers("caption=Inside | credit=Jane Doe",
        "<figure><figcaption>Outside</figcaption></figure><article><figure>"
        + "<figcaption>Inside <span class=\"photo-credit\">Photo: Jane Doe</span></figcaption></figure></article>");
    assertAnswers("caption=Outside", "<figcaption>Outside</figcaption><div itemprop=articleBody><header><figcaption>"
        + "In a header</figcaption></header><figcaption> </figcaption></div>");
    assertAnswers("caption=Body", "<figcaption>Outside</figcaption><div itemprop=articleBody><figcaption>Body"
        + "</figcaption></div>");
  }

  @Test
  void captionOutsideFurnitureWhenNoneIsInTheArticle() {
    assertAnswers("caption=Second", "<nav><figcaption>Menu</figcaption></nav><figcaption>Second</figcaption>");
    assertAnswers(NOTHING, "<nav><figcaption>Menu</figcaption></nav>");
    assertAnswers(NOTHING, "<p>No figure</p>");
  }

  @Test
  void creditsFromElementsAndTrailingText() {
    assertAnswers("caption=Divers at work. | credit=John Smith/Example Agency",
        "<article><figcaption>Divers at work. (Photo: John Smith/Example Agency)</figcaption></article>");
    assertAnswers("caption=The quay | credit=AP Photo/Jo Li",
        "<figcaption>The quay <small>(AP Photo/Jo Li)</small></figcaption>");
    // the figcaption is no credit
    assertAnswers("caption=The quay. | credit=Jo Li", "<figcaption class=credit>The quay. © Jo Li</figcaption>");
    // a pre keeps the caption's spaces
    assertAnswers("caption=The  quay", "<pre><figcaption>The  quay</figcaption></pre>");
    // the caption without its credit is read from a copy outside the pre
    assertAnswers("caption=The quay | credit=Jo Li",
        "<pre><figcaption>The  quay<span class=\"Copyright\">Jo Li</span></figcaption></pre>");
  }

  @Test
  void onlyTheFirstFiftyFigcaptionsAreLookedAt() {
    String blank = "<figure><figcaption> </figcaption></figure>";
    assertAnswers("caption=Good", "<article>" + blank.repeat(49) + "<figcaption>Good</figcaption></article>");
    assertAnswers(NOTHING, "<article>" + blank.repeat(50) + "<figcaption>Good</figcaption></article>");
    assertAnswers("caption=Outside", "<figcaption>Outside</figcaption><article>" + blank.repeat(60) + "</article>");
  }

  @Test
  void aPageWithoutHtmlOrHeadHasNoTitle() {
    Document page = new Document("");
    page.appendElement("div").appendElement("title").text("Not in a head");
    PageTree tree = PageTree.of(page);
    assertNull(PageMetadata.read(tree, null, JsonLd.of(tree)).title);
  }
}

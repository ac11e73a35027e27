package org.newsdesk.index.clean.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * The metadata, JSON-LD and caption readers give the same answers on a {@link PageTree} as on the jsoup document
 * it was made from: on every page of the extraction corpus and the sample corpus, parsed the ways the extractor
 * parses (the quick builder, jsoup on the slimmed page) and by plain jsoup, with and without the url, and again
 * without the page's meta tags and scripts, so that the fallbacks (headline, title, byline, time elements,
 * canonical link) are read; and on small pages that exercise each fallback.
 */
class PageTreeReadersTest {
  private static final Set<String> COLLECTED = Set.of("script", "meta", "figcaption");

  /** Everything the readers answer about a page, comparable. */
  record Answers(String url, String title, String published, String dateSource, String source, String author,
      Captions.Caption caption, List<JsonNode> jsonLd, List<String> jsonLdAuthors, String jsonLdPublisher,
      String jsonLdHeadline) {}

  /** How a page is parsed. */
  private enum Route {
    /** HtmlExtractor's quick path; null when the builder declines the page. */
    QUICK {
      @Override
      Document parse(String html, String baseUri) {
        PageBuffer inert = InertContent.stripped(html, null);
        char[] chars = inert == null ? html.toCharArray() : inert.chars();
        return QuickTreeBuilder.parse(chars, inert == null ? html.length() : inert.length(), baseUri,
            new ElementsByTag(COLLECTED));
      }
    },
    /** HtmlExtractor's fallback path. */
    SLIMMED {
      @Override
      Document parse(String html, String baseUri) {
        return Parser.htmlParser().parseInput(UnreadAttributes.slimmed(html).reader(), baseUri);
      }
    },
    /** The page as it is, SVG content and all. */
    JSOUP {
      @Override
      Document parse(String html, String baseUri) {
        return Jsoup.parse(html, baseUri);
      }
    };

    abstract Document parse(String html, String baseUri);
  }

  /** The answers of the jsoup readers, given the page's elements as HtmlExtractor collects them. */
  private static Answers jsoupAnswers(Document page, String url) {
    ElementsByTag tagged = ElementsByTag.of(page, COLLECTED);
    PageMetadata meta = PageMetadata.read(page, url, JsonLd.of(tagged.get("script")), tagged.get("meta"));
    return answers(meta, Captions.find(tagged.get("figcaption")), JsonLd.of(tagged.get("script")));
  }

  private static Answers treeAnswers(PageTree tree, String url) {
    PageMetadata meta = PageMetadata.read(tree, url, JsonLd.of(tree));
    return answers(meta, Captions.find(tree), JsonLd.of(tree));
  }

  private static Answers answers(PageMetadata m, Captions.Caption caption, JsonLd jsonLd) {
    return new Answers(m.url, m.title, m.published == null ? null : m.published.toString(), m.dateSource, m.source,
        m.author, caption, jsonLd.all(), jsonLd.authors(), jsonLd.publisher(), jsonLd.articleText("headline"));
  }

  /**
   * Compares the readers on one parsed page, with the url and without (when there is one): as it is, then without
   * its meta tags and scripts. Adds what differs to {@code differences}.
   */
  private static void compare(String label, Document page, String url, List<String> differences) {
    for (boolean withMeta : new boolean[] {true, false}) {
      if (!withMeta) {
        page.select("meta, script").remove();
        label += " without meta and scripts";
      }
      compareAsIs(label, page, url, differences);
      if (url != null) {
        compareAsIs(label, page, null, differences);
      }
    }
  }

  /** Compares the readers on one parsed page. The tree is made before the jsoup readers run, as in the extractor. */
  private static void compareAsIs(String label, Document page, String url, List<String> differences) {
    PageTree tree = PageTree.of(page);
    Answers fromTree = treeAnswers(tree, url);
    Answers fromJsoup = jsoupAnswers(page, url);
    if (!fromJsoup.equals(fromTree)) {
      differences.add(label + " (url " + url + ")\n  jsoup: " + fromJsoup + "\n  tree:  " + fromTree);
    }
  }

  /** Compares the readers on the page parsed every way. */
  private static void compareAllWays(String label, String html, String url, List<String> differences) {
    for (Route route : Route.values()) {
      Document page = route.parse(html, url == null ? "" : url);
      if (page != null) {
        compare(label + " " + route, page, url, differences);
      }
    }
  }

  @Test
  void extractionCorpusPages() throws IOException {
    Path dir = Path.of(System.getProperty("newsdesk.repo", "."), "..", "shared", "corpora", "extraction");
    assumeTrue(Files.isRegularFile(dir.resolve("ground-truth.json")),
        "extraction corpus not found at " + dir + "; skipping the comparison on its pages");
    JsonNode truth = new ObjectMapper().readTree(dir.resolve("ground-truth.json").toFile());
    List<String> differences = new ArrayList<>();
    int pages = 0;
    for (var it = truth.fields(); it.hasNext(); ) {
      var e = it.next();
      String html = QuickTreeBuilderTest.read(dir.resolve("html").resolve(e.getKey() + ".html.gz"));
      compareAllWays(e.getKey(), html, e.getValue().path("url").asText(null), differences);
      pages++;
    }
    assertEquals(181, pages, "pages in the extraction corpus");
    assertEquals(List.of(), differences, differences.size() + " differences");
  }

  @Test
  void sampleCorpusPages() throws IOException {
    Path dir = Path.of(System.getProperty("newsdesk.repo", "."), "sample-corpus");
    assumeTrue(Files.isDirectory(dir), "sample corpus not found at " + dir);
    List<Path> pages;
    try (Stream<Path> files = Files.walk(dir)) {
      pages = files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
    }
    assumeTrue(!pages.isEmpty(), "no HTML files in " + dir);
    List<String> differences = new ArrayList<>();
    for (Path p : pages) {
      compareAllWays(p.getFileName().toString(), QuickTreeBuilderTest.read(p), null, differences);
    }
    assertEquals(List.of(), differences, differences.size() + " differences");
  }

  // Small pages, one fallback each; the answers are checked, and the two readers compared on every route.

  /** The tree's answers for a page, after checking that jsoup's are the same on every route. */
  private static Answers read(String html, String url) {
    List<String> differences = new ArrayList<>();
    for (Route route : Route.values()) {
      Document page = route.parse(html, url == null ? "" : url);
      if (page != null) {
        compareAsIs(route.toString(), page, url, differences);
      }
    }
    assertEquals(List.of(), differences, html);
    return treeAnswers(PageTree.of(Jsoup.parse(html)), url);
  }

  private static Answers read(String html) {
    return read(html, null);
  }

  @Test
  void titleFromAnArticleHeadlineBeforeAnEarlierPlainH1() {
    String html = "<html><head><title>Page title | Site</title></head><body><h1>Plain heading</h1>"
        + "<div><article><header><h1>Article heading</h1></header></article></div></body></html>";
    assertEquals("Article heading", read(html).title());
  }

  @Test
  void titleFromAMainHeadlineOrAnItempropHeadlineWhicheverComesFirst() {
    assertEquals("Main heading", read("<h1>Plain</h1><main><div><h1>Main heading</h1></div></main>").title());
    assertEquals("Item headline", read("<div itemprop=\" Headline \">Item headline</div>"
        + "<article><h1>Article heading</h1></article>").title());
    assertEquals("Article heading", read("<article><h1>Article heading</h1></article>"
        + "<span itemprop=headline>Item headline</span>").title());
  }

  @Test
  void titleFromTheFirstPlainH1WithoutAnArticleHeadline() {
    assertEquals("First heading", read("<title>T</title><h1>First <b>heading</b></h1><h1>Second</h1>").title());
    assertEquals("Not inside", read("<h1>Not inside</h1><article><h2>Sub</h2></article>").title());
  }

  @Test
  void titleFromTheDocumentTitleWhenThereIsNoHeadline() {
    assertEquals("Spaced title", read("<html><head><title>  Spaced \n\t title  </title></head><body><p>x</p>")
        .title());
    assertEquals("Blank heading", read("<head><title>Blank heading</title></head><h1> \u00a0 </h1>").title());
    assertNull(read("<p>No title at all</p>").title());
    assertNull(read("<body><svg><title>Icon</title></svg></body>").title(), "a title outside the head is not the page's");
  }

  @Test
  void headlinesWithForeignContentAndPreservedWhitespace() {
    assertEquals("Big icon News", read("<h1>Big<svg><title>icon</title></svg>News</h1>").title());
    assertEquals("Kept  spaces", read("<pre><div><h1>Kept  spaces</h1></div></pre>").title());
    read("<math><mi><h1>In <b>math</b></h1></mi></math>");
    read("<svg><foreignObject><div><h1>In <p>svg</p></h1></div></foreignObject></svg>");
  }

  @Test
  void authorFromBylines() {
    assertEquals("Ana Lima", read("<p class=\"post-byline\">By Ana Lima</p>").author());
    assertEquals("Ana Lima", read("<span class=\"x  BYLINE\tnews\">by Ana Lima</span>").author());
    assertEquals("Ana Lima", read("<div class=author-box>Box</div><a rel=\" Author \">Ana Lima</a>").author());
    assertEquals("Ana Lima", read("<span class=\"author\">Ana Lima</span>").author());
    assertEquals("Ana Lima", read("<span itemprop=author><b>Ana</b> Lima</span>").author());
    assertNull(read("<div class=\"byline\">" + "word ".repeat(30) + "</div>").author(), "too long for a byline");
    assertNull(read("<div class=authors>Ana Lima</div>").author());
  }

  @Test
  void dateFromTimeElementsOutsideNavigationFootersAndComments() {
    String furniture = "<nav><time datetime=2020-01-01>a</time></nav><footer><time datetime=2020-01-02>b</time>"
        + "</footer><aside><time datetime=2020-01-03>c</time></aside><div class=\"user-Comments\"><div><time"
        + " datetime=2020-01-04>d</time></div></div><ul class=related><li><time datetime=2020-01-05>e</time></ul>";
    Answers a = read(furniture + "<article><time datetime=\"2021-05-06\">May 6</time></article>");
    assertEquals("2021-05-06", a.published());
    assertEquals("time", a.dateSource());
    assertNull(read(furniture).published());
  }

  @Test
  void dateFromPublicationTimeElements() {
    assertEquals("2019-02-03", read("<time datetime=2021-01-01>x</time>"
        + "<span itemprop=datePublished content=2019-02-03>Feb 3</span>").published());
    assertEquals("2018-01-02", read("<time itemprop=\" DATEPUBLISHED \">2018-01-02</time>").published());
    assertEquals("2017-03-04", read("<time pubdate> 2017-03-04 </time>").published());
    assertEquals("2016-05-06", read("<div itemprop=datePublished datetime=2016-05-06></div>").published());
    assertNull(read("<div itemprop=datePublished>2016-05-06</div>").published(), "neither datetime nor content");
  }

  @Test
  void onlyTheFirstFiftyTimeElementsAreLookedAt() {
    String article = "<article><time datetime=2021-05-06>May 6</time></article>";
    assertEquals("2021-05-06", read("<nav>" + "<time datetime=2020-01-01>a</time>".repeat(49) + "</nav>" + article)
        .published());
    assertNull(read("<nav>" + "<time datetime=2020-01-01>a</time>".repeat(50) + "</nav>" + article).published());
  }

  @Test
  void urlFromTheCanonicalLinkWhenNoneIsGiven() {
    Answers a = read("<head><link rel=\"Canonical \" href=\" https://www.example.org/2020/03/04/story \"></head>");
    assertEquals("https://www.example.org/2020/03/04/story", a.url());
    assertEquals("example.org", a.source());
    assertEquals("2020-03-04", a.published());
    assertEquals("url", a.dateSource());
    assertEquals("https://x.org/a", read("<link rel=canonical href=https://y.org/b>"
        + "<meta property=og:url content=https://x.org/a>").url());
    assertEquals("https://z.org/c", read("<link rel=canonical href=https://y.org/b>", "https://z.org/c").url());
  }

  @Test
  void metaTagsAndJsonLd() {
    String ld = "<script type=\"application/LD+JSON\">{\"@graph\":[{\"@type\":\"NewsArticle\",\"headline\":\"H\","
        + "\"datePublished\":\"2021-03-04\",\"author\":[{\"name\":\"Ana Lima\"}],\"publisher\":{\"name\":\"Gazette\"}}]}"
        + "</script><script type=application/ld+json>{broken</script><script>var x = 1;</script>";
    Answers a = read("<head><meta name=\"DATE\" datetime=\"2020-01-02\"><meta property=og:title content=\" \">" + ld
        + "</head>");
    assertEquals("H", a.title());
    assertEquals("2020-01-02", a.published());
    assertEquals("meta", a.dateSource());
    assertEquals("Ana Lima", a.author());
    assertEquals("Gazette", a.source());
    assertEquals(2, a.jsonLd().size(), "the article and the object holding the graph");
    assertEquals("2021-03-04", read(ld).published());
  }

  @Test
  void captionInTheArticleBeforeOneOutsideIt() {
    Captions.Caption c = read("<figure><figcaption>Outside</figcaption></figure><article><figure>"
        + "<figcaption>Inside <span class=\"photo-credit\">Photo: Jane Doe</span></figcaption></figure></article>")
        .caption();
    assertEquals(new Captions.Caption("Inside", "Jane Doe"), c);
    assertEquals("Outside", read("<figcaption>Outside</figcaption><div itemprop=articleBody><header><figcaption>"
        + "In a header</figcaption></header><figcaption> </figcaption></div>").caption().caption());
    assertEquals("Body", read("<figcaption>Outside</figcaption><div itemprop=articleBody><figcaption>Body"
        + "</figcaption></div>").caption().caption());
  }

  @Test
  void captionOutsideFurnitureWhenNoneIsInTheArticle() {
    assertEquals("Second", read("<nav><figcaption>Menu</figcaption></nav><figcaption>Second</figcaption>")
        .caption().caption());
    assertEquals(new Captions.Caption(null, null), read("<nav><figcaption>Menu</figcaption></nav>").caption());
    assertEquals(new Captions.Caption(null, null), read("<p>No figure</p>").caption());
  }

  @Test
  void creditsFromElementsAndTrailingText() {
    assertEquals(new Captions.Caption("Divers at work.", "John Smith/Example Agency"),
        read("<article><figcaption>Divers at work. (Photo: John Smith/Example Agency)</figcaption></article>")
            .caption());
    assertEquals(new Captions.Caption("The quay", "AP Photo/Jo Li"),
        read("<figcaption>The quay <small>(AP Photo/Jo Li)</small></figcaption>").caption());
    assertEquals(new Captions.Caption("The quay.", "Jo Li"),
        read("<figcaption class=credit>The quay. © Jo Li</figcaption>").caption(), "the figcaption is no credit");
    assertEquals("The  quay", read("<pre><figcaption>The  quay</figcaption></pre>").caption().caption(),
        "a pre keeps the caption's spaces");
    assertEquals(new Captions.Caption("The quay", "Jo Li"), read("<pre><figcaption>The  quay"
        + "<span class=\"Copyright\">Jo Li</span></figcaption></pre>").caption(),
        "the caption without its credit is read from a copy outside the pre");
  }

  @Test
  void onlyTheFirstFiftyFigcaptionsAreLookedAt() {
    String blank = "<figure><figcaption> </figcaption></figure>";
    assertEquals("Good", read("<article>" + blank.repeat(49) + "<figcaption>Good</figcaption></article>")
        .caption().caption());
    assertEquals(new Captions.Caption(null, null),
        read("<article>" + blank.repeat(50) + "<figcaption>Good</figcaption></article>").caption());
    assertEquals("Outside", read("<figcaption>Outside</figcaption><article>" + blank.repeat(60) + "</article>")
        .caption().caption());
  }

  @Test
  void aPageWithoutHtmlOrHeadHasNoTitle() {
    Document page = new Document("");
    page.appendElement("div").appendElement("title").text("Not in a head");
    PageTree tree = PageTree.of(page);
    assertNull(PageMetadata.read(tree, null, JsonLd.of(tree)).title);
    assertNull(jsoupAnswers(page, null).title());
  }
}

package org.newsdesk.index.clean.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** Main-content extraction and metadata on small hand-written pages. */
class HtmlExtractorTest {
  private final HtmlExtractor extractor = new HtmlExtractor();

  private static final String P1 = "The harbour authority said on Tuesday that the new breakwater, which took three"
      + " years to build, will protect the old town from winter storms and rising seas.";
  private static final String P2 = "Engineers poured more than forty thousand tonnes of concrete, and divers checked"
      + " every block of the foundation before the last section was lowered into place.";
  private static final String P3 = "Fishermen, who had complained about delays, welcomed the opening, although some"
      + " said the harbour fees would rise again next year to pay for the work.";
  private static final String P4 = "The mayor said a second phase, covering the northern quay, would begin in the"
      + " spring, once the budget for the coming year had been approved by the council.";

  /** An article surrounded by every kind of furniture a news page has. */
  private static String page(String head, String article) {
    return "<html><head>" + head + "</head><body>"
        + "<header class=\"site-header\"><a href=\"/\">Home</a> <a href=\"/world\">World</a></header>"
        + "<nav><ul><li><a href=\"/a\">Politics</a></li><li><a href=\"/b\">Business</a></li>"
        + "<li><a href=\"/c\">Sport, culture, travel and everything else you might want to read</a></li></ul></nav>"
        + "<div class=\"ad-slot\">Advertisement</div>"
        + "<div id=\"main\">" + article
        + "<div class=\"share-bar\"><a href=\"#\">Share on Facebook</a> <a href=\"#\">Share on Twitter</a></div>"
        + "<section class=\"related-stories\"><h3>Related</h3><ul>"
        + "<li><a href=\"/x\">Storm damage along the coast is worse than expected, officials say</a></li>"
        + "<li><a href=\"/y\">Council approves new budget for the harbour after long debate</a></li></ul></section>"
        + "<div class=\"newsletter-signup\"><p>Sign up for our morning newsletter and get the news, every"
        + " day, in your inbox before breakfast.</p></div>"
        + "<div id=\"comments\"><div class=\"comment\"><p>I have lived here for forty years, and the harbour has"
        + " never looked better, in my opinion, at least.</p></div></div>"
        + "</div>"
        + "<aside><p>Most read: a long list of other things, which, frankly, are not this article at all.</p></aside>"
        + "<footer><p>Copyright 2021 The Example Gazette, all rights reserved, everywhere, forever.</p></footer>"
        + "</body></html>";
  }

  private static String article(String... paragraphs) {
    StringBuilder b = new StringBuilder("<article><h1>Harbour opens new breakwater</h1>");
    for (String p : paragraphs) {
      b.append("<p>").append(p).append("</p>");
    }
    return b.append("</article>").toString();
  }

  /**
   * Two equally good blocks in different parts of the page: the earlier one is the article, on every thread. (The
   * pick once followed the identity hash codes of the page's elements, which differ from thread to thread, so the
   * same page could come out as either block.)
   */
  @Test
  void equalCandidatesAreDecidedByPageOrderOnEveryThread() throws InterruptedException {
    String twin = P1.replace("Tuesday", "Fridays"); // same length and commas: the same score
    String html = "<html><head><title>T</title></head><body>"
        + "<div class=\"col\"><div id=\"first\"><p>" + P1 + "</p><p>" + P1 + "</p></div><div>x</div></div>"
        + "<div class=\"col\"><div id=\"second\"><p>" + twin + "</p><p>" + twin + "</p></div><div>y</div></div>"
        + "</body></html>";
    Set<String> bodies = ConcurrentHashMap.newKeySet();
    for (int i = 0; i < 24; i++) {
      Thread t = new Thread(() -> bodies.add(extractor.extract(html, null).body()));
      t.start();
      t.join();
    }
    assertEquals(Set.of(P1 + "\n\n" + P1), bodies);
  }

  @Test
  void keepsTheArticleAndDropsNavAdsRelatedNewsletterCommentsAndFooter() {
    ExtractedPage page = extractor.extract(page("<title>Harbour</title>", article(P1, P2, P3, P4)), null);
    assertEquals(P1 + "\n\n" + P2 + "\n\n" + P3 + "\n\n" + P4, page.body());
  }

  /**
   * A date on a line of its own atop the story (a visible time element) is its dateline, not its first paragraph,
   * and dates a page that has no other date. ("Published: ..." lines are furniture, left out before this.)
   */
  @Test
  void aDateAtopTheStoryIsItsDatelineNotText() {
    for (String dateline : List.of("<p><time>4 March 2021</time></p>", "<p>4 March 2021</p>")) {
      ExtractedPage page = extractor.extract("<html><head><title>Harbour</title></head><body><article><h1>Harbour</h1>"
          + dateline + "<p>" + P1 + "</p><p>" + P2 + "</p></article></body></html>", null);
      assertEquals(P1 + "\n\n" + P2, page.body(), dateline);
      assertEquals("2021-03-04", page.published().toString(), dateline);
    }
  }

  @Test
  void mergesABodySplitIntoSections() {
    String split = "<div class=\"story\"><h1>Harbour opens new breakwater</h1>"
        + "<div class=\"story-body\"><p>" + P1 + "</p><p>" + P2 + "</p></div>"
        + "<div class=\"ad-container\"><a href=\"/ad\">Buy now</a></div>"
        + "<div class=\"story-body\"><p>" + P3 + "</p><p>" + P4 + "</p></div></div>";
    ExtractedPage page = extractor.extract(page("", split), null);
    assertEquals(P1 + "\n\n" + P2 + "\n\n" + P3 + "\n\n" + P4, page.body());
  }

  @Test
  void readsParagraphsMadeOfLineBreaks() {
    String br = "<div class=\"text\">" + P1 + "<br><br>" + P2 + "<br><br>" + P3 + "</div>";
    ExtractedPage page = extractor.extract(page("", br), null);
    assertTrue(page.body().contains(P1) && page.body().contains(P3), page.body());
    assertFalse(page.body().contains("Share on"), page.body());
  }

  @Test
  void keepsAnEmbeddedPostButDropsAPhotoBoxWithoutFigure() {
    String quote = "We opened the gates at dawn and the sea stayed out, for the first time in a decade, said the keeper.";
    String body = "<article><p>" + P1 + "</p>"
        + "<div class=\"image-wrap\"><img src=\"b.jpg\"><p>The quay at night, lit for the opening.</p></div>"
        + "<p>" + P2 + "</p><div class=\"social-embed\"><blockquote><p>" + quote + "</p></blockquote></div>"
        + "<p>" + P3 + "</p></article>";
    ExtractedPage page = extractor.extract(page("", body), null);
    assertEquals(P1 + "\n\n" + P2 + "\n\n" + quote + "\n\n" + P3, page.body());
  }

  @Test
  void keepsTheCaptionAndCreditApartFromTheBody() {
    String withPhoto = "<article><figure><img src=\"a.jpg\"><figcaption>The new breakwater at dawn."
        + " <span class=\"credit\">Jane Doe / Example Agency</span></figcaption></figure>"
        + "<p>" + P1 + "</p><p>" + P2 + "</p><p>" + P3 + "</p></article>";
    ExtractedPage page = extractor.extract(page("", withPhoto), null);
    assertEquals("The new breakwater at dawn.", page.caption());
    assertEquals("Jane Doe / Example Agency", page.credit());
    assertFalse(page.body().contains("breakwater at dawn"), page.body());
  }

  @Test
  void splitsATrailingCreditOffACaption() {
    String withPhoto = "<article><figure><img src=\"a.jpg\"><figcaption>Divers inspect the foundation."
        + " (Photo: John Smith/Example Agency)</figcaption></figure><p>" + P1 + "</p><p>" + P2 + "</p></article>";
    ExtractedPage page = extractor.extract(page("", withPhoto), null);
    assertEquals("Divers inspect the foundation.", page.caption());
    assertEquals("John Smith/Example Agency", page.credit());
  }

  @Test
  void titleFromOgTitleWithoutTheSiteSuffix() {
    String head = "<meta property=\"og:title\" content=\"Harbour opens new breakwater | The Example Gazette\">"
        + "<meta property=\"og:site_name\" content=\"The Example Gazette\"><title>Other</title>";
    ExtractedPage page = extractor.extract(page(head, article(P1, P2)), "https://www.example.org/news/harbour");
    assertEquals("Harbour opens new breakwater", page.title());
    assertEquals("The Example Gazette", page.source());
  }

  @Test
  void titleFromH1AndSourceFromTheDomainWhenThereIsNoMeta() {
    ExtractedPage page = extractor.extract(page("", article(P1, P2)), "https://www.example.org/news/harbour");
    assertEquals("Harbour opens new breakwater", page.title());
    assertEquals("example.org", page.source());
  }

  @Test
  void titleTagLosesASiteNameSuffix() {
    String head = "<title>Harbour opens new breakwater - Example Gazette</title>"
        + "<meta property=\"og:site_name\" content=\"Example Gazette\">";
    String noH1 = "<div class=\"content\"><p>" + P1 + "</p><p>" + P2 + "</p></div>";
    assertEquals("Harbour opens new breakwater", extractor.extract(page(head, noH1), null).title());
  }

  @Test
  void dateFromMetaTagsFirst() {
    String head = "<meta property=\"article:published_time\" content=\"2021-03-04T10:15:00+01:00\">"
        + jsonLd("2020-01-01T00:00:00Z");
    ExtractedPage page = extractor.extract(page(head, article(P1, P2)), "https://example.org/2019/05/06/harbour");
    assertEquals("2021-03-04T10:15:00+01:00", page.published().toString());
    assertEquals("meta", page.dateSource());
  }

  @Test
  void dateAndAuthorFromJsonLd() {
    ExtractedPage page = extractor.extract(page(jsonLd("2021-03-04T10:15:00Z"), article(P1, P2)),
        "https://example.org/2019/05/06/harbour");
    assertEquals("2021-03-04T10:15:00Z", page.published().toString());
    assertEquals("json-ld", page.dateSource());
    assertEquals("Ana Lima", page.author());
  }

  private static String jsonLd(String date) {
    return "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":[{\"@type\":"
        + "\"WebSite\",\"name\":\"Gazette\"},{\"@type\":\"NewsArticle\",\"headline\":\"Harbour\",\"datePublished\":\""
        + date + "\",\"author\":[{\"@type\":\"Person\",\"name\":\"Ana Lima\"}]}]}</script>";
  }

  @Test
  void dateFromATimeElement() {
    String withTime = "<article><p class=\"byline\">By Ana Lima, <time datetime=\"2022-11-05\">5 November</time>"
        + "</p><p>" + P1 + "</p><p>" + P2 + "</p></article>";
    ExtractedPage page = extractor.extract(page("", withTime), "https://example.org/2019/05/06/harbour");
    assertEquals("2022-11-05", page.published().toString());
    assertEquals("time", page.dateSource());
  }

  @Test
  void dateFromTheUrl() {
    ExtractedPage page = extractor.extract(page("", article(P1, P2)), "https://example.org/news/2020/09/27/harbour");
    assertEquals("2020-09-27", page.published().toString());
    assertEquals("url", page.dateSource());
  }

  @Test
  void dateFromADatelineInTheText() {
    String dated = "<article><p>September 27, 2020 5:38 PM</p><p>" + P1 + "</p><p>" + P2 + "</p></article>";
    ExtractedPage page = extractor.extract(page("", dated), null);
    assertEquals("2020-09-27T17:38:00Z", page.published().toString());
    assertEquals("text", page.dateSource());
  }

  @Test
  void undatedWhenNothingCarriesADate() {
    ExtractedPage page = extractor.extract(page("", article(P1, P2)), "https://example.org/news/harbour");
    assertNull(page.published());
    assertNull(page.dateSource());
  }

  @Test
  void aPageWithoutTextGivesAnEmptyBody() {
    assertEquals("", extractor.extract("<html><body><nav><a href=/>Home</a></nav></body></html>", null).body());
    assertEquals("", extractor.extract("", null).body());
  }

  @Test
  void deeplyNestedHtmlDoesNotOverflowTheStack() {
    StringBuilder html = new StringBuilder("<html><body>");
    html.append("<div>".repeat(100_000)).append("<p>").append(P1).append("</p>").append("</div>".repeat(100_000));
    ExtractedPage page = assertTimeoutPreemptively(Duration.ofSeconds(60),
        () -> extractor.extract(html.toString(), null));
    assertTrue(page.body().contains(P1), page.body());
  }

  @Test
  void aHugePageIsProcessedInLinearTime() {
    String block = "<div class=\"x\"><p>" + P1 + "</p><a href=\"/l\">link</a></div>";
    String html = "<html><body><article>" + block.repeat(4_000) + "</article></body></html>"; // ~1 MB
    ExtractedPage page = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> extractor.extract(html, null));
    assertTrue(page.body().startsWith(P1), page.body().substring(0, 200));
  }
}

package org.newsdesk.index.clean.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** {@link JsonLd}: what its questions answer from a page's JSON-LD blocks, read with only the fields they ask about. */
class JsonLdTest {
  private static JsonLd of(String... blocks) {
    StringBuilder html = new StringBuilder("<html><head>");
    for (String b : blocks) {
      html.append("<script type=\"application/ld+json\">").append(b).append("</script>");
    }
    return JsonLd.of(PageTree.of(Jsoup.parse(html.append("</head><body><p>x</p></body></html>").toString())));
  }

  @Test
  void answersFromGraphsArraysAndNestedObjectsWhateverElseTheyHold() {
    JsonLd ld = of("""
        {"@context": "https://schema.org", "@graph": [
          {"@type": "WebSite", "name": "Site", "potentialAction": {"@type": "SearchAction", "target": "x"}},
          {"@type": ["NewsArticle", "Thing"], "headline": "The headline", "articleBody": "A long text, \\"quoted\\", {not an object} [nor an array]",
           "image": [{"url": "a.jpg", "width": 800}], "datePublished": "2020-09-27T17:38:00Z",
           "author": [{"@type": "Person", "name": "Ann Lee", "url": "/ann"}, "Bo Ray"],
           "publisher": {"@type": "Organization", "name": "The Wire", "logo": {"url": "l.png"}}}
        ]}""");
    assertEquals("The headline", ld.articleText("headline"));
    assertEquals("2020-09-27T17:38:00Z", ld.articleText("datePublished"));
    assertEquals(List.of("Ann Lee", "Bo Ray"), ld.authors());
    assertEquals("The Wire", ld.publisher());
    assertNull(ld.articleText("articleBody"), "a field no question reads is not kept");
  }

  @Test
  void brokenBlocksAreSkippedAndTheOthersStillAnswer() {
    JsonLd ld = of("{\"@type\": \"NewsArticle\", \"headline\": [\"cut off\"", "[{\"@type\": \"Article\", \"author\": ",
        "not json at all", "", "{\"@type\": \"BlogPosting\", \"headline\": 2020, \"headline\": \"Last one wins\","
            + " \"dateCreated\": 20200927}");
    assertEquals("Last one wins", ld.articleText("headline"));
    assertEquals("20200927", ld.articleText("dateCreated"), "a number as readTree reads it");
    assertEquals(List.of(), ld.authors());
  }

  @Test
  void mainEntityAndTopLevelArraysAreFollowed() {
    JsonLd ld = of("[{\"@type\": \"WebPage\", \"mainEntity\": {\"@type\": \"ReportageNewsArticle\", \"headline\": \"Inside\","
        + " \"author\": {\"name\": \"C. Dee\"}}}, {\"@type\": \"Organization\", \"datePublished\": \"2019-01-02\"}]");
    assertEquals("Inside", ld.articleText("headline"));
    assertEquals(List.of("C. Dee"), ld.authors());
    assertNull(ld.articleText("datePublished"));
    assertEquals("2019-01-02", ld.anyText("datePublished"));
  }
}

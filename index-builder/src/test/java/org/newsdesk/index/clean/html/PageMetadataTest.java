package org.newsdesk.index.clean.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Title clean-up and the date forms pages use. */
class PageMetadataTest {
  @Test
  void stripsSiteNameSuffixesAndPrefixes() {
    assertEquals("Harbour opens", PageMetadata.stripSiteName("Harbour opens | Gazette", "The Gazette"));
    assertEquals("Harbour opens", PageMetadata.stripSiteName("Harbour opens - Gazette.com", "gazette.com"));
    assertEquals("Harbour opens", PageMetadata.stripSiteName("Gazette | Harbour opens", "Gazette"));
    assertEquals("Harbour opens", PageMetadata.stripSiteName("Harbour opens | World News | Daily", null));
  }

  @Test
  void keepsTitlesWhoseDashIsPartOfTheHeadline() {
    assertEquals("Storm - what we know so far", PageMetadata.stripSiteName("Storm - what we know so far", "Gazette"));
  }

  @Test
  void parsesTheDateFormsPagesCarry() {
    assertEquals("2020-09-27T17:38:00Z", DateText.parse("2020-09-27T17:38:00Z").orElseThrow().toString());
    assertEquals("2020-09-27T17:38:00+02:00", DateText.parse("2020-09-27T17:38:00.000+0200").orElseThrow().toString());
    assertEquals("2020-09-27T17:38:00Z", DateText.parse("2020-09-27 17:38:00").orElseThrow().toString());
    assertEquals("2020-09-27", DateText.parse("2020-09-27").orElseThrow().toString());
    assertEquals("2020-09-27", DateText.parse("20200927").orElseThrow().toString());
    assertEquals("2020-09-27T17:38:00Z", DateText.parse("Sun, 27 Sep 2020 17:38:00 GMT").orElseThrow().toString());
    assertEquals("2020-09-27T17:38:00Z", DateText.parse("Sept. 27, 2020 at 5:38 p.m.").orElseThrow().toString());
    assertEquals("2020-09-27", DateText.parse("27.09.2020").orElseThrow().toString());
    assertEquals("2020-09-27T17:38:00-04:00", DateText.parse("Sun, 27 Sep 2020 17:38:00 EDT").orElseThrow().toString(),
        "a US zone is an offset, not UTC");
    assertEquals("2020-09-27T17:38:00-07:00", DateText.parse("September 27, 2020 5:38 PM PDT").orElseThrow().toString());
    assertTrue(DateText.parse("not a date").isEmpty());
    assertTrue(DateText.parse("2020-13-45").isEmpty());
  }

  @Test
  void readsDatesFromUrls() {
    assertEquals("2020-09-27", PageMetadata.urlDate("https://x.org/2020/09/27/story").orElseThrow().toString());
    assertEquals("2020-09-27", PageMetadata.urlDate("https://x.org/news/2020-09-27-story").orElseThrow().toString());
    assertEquals("2020-09-27", PageMetadata.urlDate("https://x.org/20200927/story").orElseThrow().toString());
    assertTrue(PageMetadata.urlDate("https://x.org/story-123456").isEmpty());
  }
}

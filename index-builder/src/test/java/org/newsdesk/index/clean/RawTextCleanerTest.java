package org.newsdesk.index.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsdesk.index.corpus.CorpusFormat;
import org.newsdesk.index.corpus.InputProblem;
import org.newsdesk.index.corpus.RawArticle;
import org.newsdesk.index.corpus.SourceFile;
import org.newsdesk.model.Article;

class RawTextCleanerTest {
  private final ArticleCleaners cleaners = ArticleCleaners.defaults();

  private Article clean(Path file) throws IOException, SkippedArticleException {
    byte[] bytes = Files.readAllBytes(file);
    return cleaners.clean(new RawArticle(file.toString(), CorpusFormat.RAW_TEXT, SourceFile.decode(bytes).text(), null,
        SourceFile.hash(bytes)));
  }

  private Article clean(String text) throws SkippedArticleException {
    return cleaners.clean(new RawArticle("/in/story.txt", CorpusFormat.RAW_TEXT, text, null, "0".repeat(32)));
  }

  /** A share bar scraped twice is junk both times: neither copy becomes the title (found by CleanerPropertyTest). */
  @Test
  void repeatedJunkLinesAreAllDropped() throws SkippedArticleException {
    Article a = clean("date 2020-09-27 shareicon printicon mailicon\n\ndate 2020-09-28 shareicon printicon mailicon\n"
        + "Putin tells Pashinyan\n\nTalks went on late into the night.");
    assertEquals("Putin tells Pashinyan", a.title());
    assertEquals("Talks went on late into the night.", a.body());
    assertEquals("2020-09-27", a.published().toString().substring(0, 10), "the first junk line's date");
  }

  /** A one-paragraph wire story is all body, not a headline without one: its text used to be skipped. */
  @Test
  void aOneParagraphStoryIsItsBody() throws SkippedArticleException {
    String brief = "MOSCOW (Reuters) - Russia and Armenia agreed on Monday to keep talking about the ceasefire in"
        + " Nagorno-Karabakh, the Kremlin said.";
    Article a = clean(brief + "\n");
    assertNull(a.title());
    assertEquals(brief, a.body());
    assertEquals("en", a.language());
    SkippedArticleException headline = assertThrows(SkippedArticleException.class,
        () -> clean("Only a headline, nothing else\n"));
    assertEquals(InputProblem.Kind.NO_BODY, headline.kind());
  }

  /** A first line longer than any headline is the story's first paragraph. */
  @Test
  void aParagraphFirstIsNotATitle() throws SkippedArticleException {
    String first = "The harbour board met on Tuesday. " .repeat(10).strip();
    Article a = clean(first + "\n\nThe council agreed to repair the sea wall.\n");
    assertNull(a.title());
    assertEquals(first + "\n\nThe council agreed to repair the sea wall.", a.body());
  }

  /** A scrape with its share bar, a byline, a labelled or ISO dateline, an update note and page furniture. */
  @Test
  void scrapedPageFurnitureBylinesAndDatelineForms() throws SkippedArticleException {
    Article a = clean("Share this article\nFacebook Twitter WhatsApp Email\nAdvertisement\nTrade talks resume in London\n\n"
        + "By Anna Petrova, Reuters\nSeptember 28, 2020 9:05 AM EDT\nUpdated 2 hours ago\n\n"
        + "Negotiators met again on Monday.\n\nAdvertisement\n\nRead more: Talks stall over fishing rights\n\n"
        + "We use cookies to improve your experience. Accept all cookies\n\n"
        + "The next round is due in October, officials said, and a deal on cookies and cakes is close.\n\n"
        + "Subscribe to read the full story. Already a subscriber? Log in");
    assertEquals("Trade talks resume in London", a.title());
    assertEquals("Anna Petrova", a.author());
    assertEquals("2020-09-28T09:05:00-04:00", a.published().toString());
    assertEquals("Negotiators met again on Monday.\n\nThe next round is due in October, officials said, and a deal on"
        + " cookies and cakes is close.", a.body());
    assertTrue(a.entities().isEmpty());

    for (String dateline : List.of("Published: 27 Sep, 2020 17:38", "2020-09-27 17:38", "Sunday 27 September 2020 17.38 BST")) {
      Article d = clean("Talks resume\n\n" + dateline + "\n\nNegotiators met again on Sunday.");
      assertEquals("Negotiators met again on Sunday.", d.body(), dateline);
      assertEquals("2020-09-27T17:38", d.published().toString().substring(0, 16), dateline);
    }
    Article byFirst = clean("Talks resume\n\nBY JOHN SMITH and JANE ROE\n27 Sep, 2020 17:38\n\nThey met.");
    assertEquals("JOHN SMITH and JANE ROE", byFirst.author());
    assertEquals("They met.", byFirst.body());
    Article story = clean("Bakery news\n\nBy the river, the bakery opened a second shop on Monday.");
    assertEquals("By the river, the bakery opened a second shop on Monday.", story.body(), "a sentence, not a byline");
    assertEquals("By Monday, the council had agreed.", clean("Budget\n\nBy Monday, the council had agreed.").body());
    assertEquals("By the numbers what the budget buys", clean("By the numbers what the budget buys\n\nIt buys a lot.").title());
    assertEquals("The rain came.\n\nBy then it was too late.",
        clean("Flood\n\nThe rain came.\n\nBy then it was too late.\n\nBy Jane Roe\n\nPhoto: Reuters").body());
  }

  /** Headlines and short paragraphs made of furniture words are text: only what can be nothing else goes. */
  @Test
  void headlinesAndShortParagraphsThatLookLikeFurnitureStay() throws SkippedArticleException {
    String p = "The minister said on Monday that the plan would be published after a long consultation.";
    for (String headline : List.of("Video phones act as dating tools", "Facebook shares fall after results",
        "Twitter, Facebook face EU fine", "Copyright law changes", "Facebook Messenger", "Photon technology lifts shares",
        "Subscribe to nothing: the new frugality", "Updated guidance for schools", "Watch: the moment the bridge fell")) {
      Article a = clean(headline + "\n\n" + p + "\n");
      assertEquals(headline, a.title(), headline);
      assertEquals(p, a.body(), headline);
    }
    String body = "Copyright holders welcomed the ruling.\n\nImages of the crash were shown on television.\n\n"
        + "Subscribers will pay 5 pounds more a month.\n\nLoading of the ship began at dawn.\n\n"
        + "Recommended by the committee, the plan passed.\n\nPosted guards stood at every door";
    assertEquals(body, clean("Budget row deepens\n\n" + body + "\n").body());
    Article noted = clean("Talks resume\n\nBy Anna Petrova\n\nUpdated guidance was issued on Monday.\n");
    assertEquals("Updated guidance was issued on Monday.", noted.body());
  }

  /** The acceptance case, exactly. */
  @Test
  void seedArticle() throws IOException, SkippedArticleException {
    Article a = clean(SharedData.require("seeds/000_5656936dd5975890.txt"));
    assertEquals("Russia insists all military action in Nagorno-Karabakh should stop, Putin tells Armenia's Pashinyan", a.title());
    assertEquals("2020-09-27T17:38:00Z", a.published().toString(), "dateline time, read in the assumed zone (UTC)");
    assertEquals(Datelines.ASSUMED_ZONE, a.published().offset());
    assertEquals("Russian President Vladimir Putin shakes hands with Armenian Prime Minister Nikol Pashinyan.", a.caption());
    assertEquals("Yuri Kochetkov / Pool via REUTERS", a.credit());
    assertTrue(a.body().startsWith("All efforts should be undertaken to stop the further escalation"), a.body());
    assertTrue(a.body().endsWith("negotiate a peaceful resolution to their dispute over Nagorno-Karabakh."), a.body());
    assertFalse(a.body().matches("(?s).*\\w*icon\\b.*"), "no icon words");
    assertFalse(a.body().contains("FILE PHOTO"));
    assertFalse(a.body().contains("27 Sep, 2020"), "no dateline");
    assertFalse(a.body().contains("Kochetkov"), "caption and credit kept apart from the body");
    assertEquals(8, a.body().split("\n\n").length, "paragraphs separated by one blank line");
    assertEquals("000-5656936dd5975890", a.id(), "id derived from the file name");
    assertEquals("en", a.language());
    assertTrue(a.contentHash().matches("[0-9a-f]{32}"));
  }

  @Test
  void ownFixtureInTheSeedLayout() throws SkippedArticleException {
    Article a = clean(" date 2021-03-14  icon bookmarkicon cameraicon checkicon closeicon fbicon mailicon\n"
        + "Harbour city opens its first floating library\n\n14 Mar, 2021 09:05\n"
        + "FILE PHOTO. Visitors queue on the pier. \u00a9Maria Lind / City Press\n"
        + "The library opened on Sunday.\n\n\n\nMore than 4,000   visitors came aboard.\n");
    assertEquals("Harbour city opens its first floating library", a.title());
    assertEquals("2021-03-14T09:05:00Z", a.published().toString());
    assertEquals("Visitors queue on the pier.", a.caption());
    assertEquals("Maria Lind / City Press", a.credit());
    assertEquals("The library opened on Sunday.\n\nMore than 4,000 visitors came aboard.", a.body());
    assertEquals("story", a.id());
  }

  @Test
  void junkLineDateIsUsedWhenThereIsNoDateline() throws SkippedArticleException {
    Article a = clean(" date 2019-07-01  icon aicon bicon cicon\nA title\nA body paragraph.\n");
    assertEquals("2019-07-01", a.published().toString());
    assertNull(a.caption());
  }

  @Test
  void plainParagraphsGiveTitleAndBody() throws SkippedArticleException {
    Article a = clean("A plain title\n\nFirst paragraph.\n\nSecond paragraph.");
    assertEquals("A plain title", a.title());
    assertEquals("First paragraph.\n\nSecond paragraph.", a.body());
    assertNull(a.published());
  }

  @Test
  void titleOnlyHasNoBody() {
    SkippedArticleException e = assertThrows(SkippedArticleException.class, () -> clean("Only a headline\n"));
    assertEquals(InputProblem.Kind.NO_BODY, e.kind());
  }

  @Test
  void unicodeIsNfcAndWhitespaceNormalized() throws SkippedArticleException {
    // "e" + combining acute, non-breaking and zero-width spaces, CRLF line ends, a tab.
    Article a = clean("Cafe\u0301 re\u0301opens\r\n\r\nThe\u00a0cafe\u0301\u200b\tis open\u3000again.  \r\n");
    assertEquals("Café réopens", a.title());
    assertEquals("The café is open again.", a.body());
    assertEquals(a.body(), java.text.Normalizer.normalize(a.body(), java.text.Normalizer.Form.NFC));
  }

  @Test
  void cleaningIsIdempotentOnItsOwnOutput() throws SkippedArticleException {
    Article once = clean("A plain title\n\n  First   paragraph.\n\n\n Second\u00a0paragraph. ");
    Article twice = clean(once.title() + "\n\n" + once.body());
    assertEquals(once.title(), twice.title());
    assertEquals(once.body(), twice.body());
  }

  @Test
  void sameBytesSameIdAndHash() throws SkippedArticleException {
    byte[] bytes = "T\n\nB.".getBytes(StandardCharsets.UTF_8);
    RawArticle raw = new RawArticle("/x/2020/Some Story!.txt", CorpusFormat.RAW_TEXT, "T\n\nB.", null, SourceFile.hash(bytes));
    assertEquals(cleaners.clean(raw).id(), cleaners.clean(raw).id());
    assertEquals("some-story", cleaners.clean(raw).id());
    assertEquals(SourceFile.hash(bytes), cleaners.clean(raw).contentHash());
  }
}

package org.newsdesk.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.model.Article;
import org.newsdesk.model.Published;

/** Did-you-mean: which words are corrected, into what, and when a correction is not offered. */
class SuggesterTest {
  @TempDir Path dir;

  @Test
  void aRareButRightWordIsNotCorrectedAMisspellingIs() {
    List<Article> articles = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      articles.add(article("p" + i, "The party met in the capital and the party leader spoke."));
    }
    articles.add(article("q", "A military parade marched through the capital."));
    Fixtures.writeIndex(dir, articles);
    try (NewsSearcher searcher = NewsSearcher.open(dir)) {
      SearchResults parade = searcher.search(SearchRequest.of("parade"));
      assertEquals(1, parade.total());
      assertNull(parade.suggestion(), "parade is a word of the index, not a misspelling of party");
      assertEquals("party", searcher.search(SearchRequest.of("partty")).suggestion());
      assertEquals("parade", searcher.search(SearchRequest.of("paradde")).suggestion());
    }
  }

  /**
   * Among words as many edits away, the likelier typo wins over a more frequent word ({@code opek}: opec, not oper,
   * 17 times as frequent), but not over a far more frequent one ({@code intrest}: interest, not intrastate); a real word in a few
   * articles is left alone ({@code thorough}, though through is everywhere).
   */
  @Test
  void aLikelyTypoWinsButNotOverAFarMoreFrequentWord() {
    List<Article> articles = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      articles.add(article("g" + i, "The government said interest rates would go through review. The oper desk agreed."
          + (i < 12 ? " The opec members met over coffee." : " They would come back.")));
    }
    articles.add(article("s", "An intrastate pipeline got a thorough review."));
    articles.add(article("t", "Another thorough review followed."));
    articles.add(article("u", "A third thorough review was asked for."));
    Fixtures.writeIndex(dir, articles);
    try (NewsSearcher searcher = NewsSearcher.open(dir)) {
      assertEquals("opec", searcher.search(SearchRequest.of("opek")).suggestion());
      assertEquals("interest rates", searcher.search(SearchRequest.of("intrest rates")).suggestion());
      assertEquals("coffee", searcher.search(SearchRequest.of("cofee")).suggestion(), "not come, 15 times as frequent");
      assertNull(searcher.search(SearchRequest.of("thorough")).suggestion(), "a word in 3 articles is no typo");
    }
    assertEquals(0.5, Suggester.weightedDistance("opek", "opec"));
    assertEquals(1.0, Suggester.weightedDistance("opek", "oper"));
    assertEquals(1.0, Suggester.weightedDistance("recieve", "receive"), "a transposition is one edit");
    assertEquals(0.5, Suggester.weightedDistance("cofee", "coffee"), "a doubled letter typed once");
  }

  /**
   * The typed word is compared with the words of the articles, not stem with stem: unware's stem (unwar) is as near
   * to unwarranted's (unwarr, a doubled letter typed once) as to unaware's (unawar), but as typed, unware is one
   * letter short of unaware and five of unwarranted. Of a stem's spellings, the one nearest the typed word.
   */
  @Test
  void theWordAsTypedIsComparedWithWordsAsWritten() {
    List<Article> articles = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      articles.add(article("a" + i, "The board said it was unaware of the bid."));
    }
    articles.add(article("w0", "Analysts called the fears unwarranted."));
    articles.add(article("w1", "The criticism was unwarranted, the minister said."));
    // the best-scoring article (short, two occurrences) spells the stem reopening, not reopened
    articles.add(article("r0", "Reopening, reopening."));
    articles.add(article("r1", "The port reopened on Monday after the strike."));
    articles.add(article("r2", "Officials said the border would reopen next week."));
    Fixtures.writeIndex(dir, articles);
    try (NewsSearcher searcher = NewsSearcher.open(dir)) {
      assertEquals("unaware", searcher.search(SearchRequest.of("unware")).suggestion());
      assertEquals("reopened", searcher.search(SearchRequest.of("reopend")).suggestion());
      assertEquals("port reopened", searcher.search(SearchRequest.of("port reopend")).suggestion());
    }
  }

  /**
   * A word the index has is corrected only into one far more frequent than itself: 10 times when it is that word with
   * a letter left out, doubled or undoubled, or two letters swapped; 300 times for any other edit. Coral (2 articles)
   * is no typo of coal (60), nor Vidal of vital; goverment, in 3 articles, is one of government (40), and is
   * corrected though it is in more than 2 articles.
   */
  @Test
  void aRealWordIsKeptAMisspellingInAFewArticlesIsCorrected() {
    List<Article> articles = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      articles.add(article("c" + i, "Coal exports rose and the vital coal trade grew." + (i < 12 ? " Ties will strengthen." : "")
          + (i < 40 ? " The government raised spending." : "")));
    }
    articles.add(article("k0", "Divers surveyed the coral reef."));
    articles.add(article("k1", "Bleached coral lined the bay."));
    articles.add(article("v0", "Alain Vidal spoke for the commission."));
    articles.add(article("g0", "The goverment said spending would rise."));
    articles.add(article("g1", "Critics of the goverment spoke."));
    articles.add(article("g2", "A goverment report was due."));
    articles.add(article("s0", "The plan would strenghten exports."));
    Fixtures.writeIndex(dir, articles);
    try (NewsSearcher searcher = NewsSearcher.open(dir)) {
      SearchResults coral = searcher.search(SearchRequest.of("coral"));
      assertEquals(2, coral.total());
      assertNull(coral.suggestion(), "coral is a word of its own, not a typo of coal, 30 times as frequent");
      assertNull(searcher.search(SearchRequest.of("vidal")).suggestion(), "a name, not vital (60 times as frequent)");
      SearchResults typo = searcher.search(SearchRequest.of("goverment spending"));
      assertEquals(1, typo.total());
      assertEquals("government spending", typo.suggestion());
      assertEquals("strengthen exports", searcher.search(SearchRequest.of("strenghten exports")).suggestion(),
          "two letters swapped, and strengthen is in 12 times as many articles");
    }
  }

  /** The corrected query must find something, under the same filters and in the same match mode. */
  @Test
  void noSuggestionThatFindsNothing() {
    List<Article> articles = new ArrayList<>();
    articles.add(article("a", "Armenia accepted the ceasefire.", "2020-10-10"));
    articles.add(article("b", "Armenia said the ceasefire was broken.", "2020-10-12"));
    articles.add(article("c", "Farmers in Armenia reported a strong harvest of apricots.", "2020-10-11"));
    Fixtures.writeIndex(dir, articles);
    try (NewsSearcher searcher = NewsSearcher.open(dir)) {
      assertEquals("ceasefire", searcher.search(SearchRequest.of("ceasfire")).suggestion());
      assertNull(searcher.search(SearchRequest.of("ceasfire -armenia")).suggestion(), "ceasefire -armenia finds nothing");
      SearchRequest later = SearchRequest.of("ceasfire").withDateRange(LocalDate.parse("2021-02-01"), null);
      assertNull(searcher.search(later).suggestion(), "no ceasefire article after February 2021");
      assertEquals("ceasefire", searcher.search(SearchRequest.of("ceasfire")
          .withDateRange(LocalDate.parse("2020-10-12"), null)).suggestion());
      SearchResults all = searcher.search(SearchRequest.of("ceasfire apricots"));
      assertTrue(all.fellBackToAny(), "apricots alone is found");
      assertNull(all.suggestion(), "no article has both ceasefire and apricots");
      assertEquals("ceasefire apricots", searcher.search(SearchRequest.of("ceasfire apricots")
          .withMatch(SearchRequest.MatchMode.ANY)).suggestion());
    }
  }

  private static Article article(String id, String body) {
    return article(id, body, "2020-10-10");
  }

  private static Article article(String id, String body, String date) {
    return new Article(id, "https://example.org/" + id, "Wire", "News", null, Published.ofDate(LocalDate.parse(date)),
        body, null, null, "en", List.of(), "fixtures/" + id + ".txt", "h" + id);
  }
}

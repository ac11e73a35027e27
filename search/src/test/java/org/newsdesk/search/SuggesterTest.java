package org.newsdesk.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.model.Article;
import org.newsdesk.model.Published;

/** Did-you-mean on an index where a rare word sits two edits from a frequent one. */
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
   * Among words one edit away, the likelier typo wins over the more frequent word ({@code opek}: opec, not oper); a
   * misspelling many articles share is still corrected into a far more frequent word ({@code goverment}).
   */
  @Test
  void aLikelyTypoAndACommonMisspellingAreCorrected() {
    List<Article> articles = new ArrayList<>();
    for (int i = 0; i < 320; i++) {
      articles.add(article("g" + i, "The government said the oper figures for opec members were ready."
          + (i < 100 ? " The oper desk agreed, and so did the mayor." : "")));
    }
    for (int i = 0; i < 3; i++) {
      articles.add(article("t" + i, "The goverment said little about Mali."));
    }
    Fixtures.writeIndex(dir, articles);
    try (NewsSearcher searcher = NewsSearcher.open(dir)) {
      assertEquals("opec", searcher.search(SearchRequest.of("opek")).suggestion());
      SearchResults typo = searcher.search(SearchRequest.of("goverment"));
      assertEquals(3, typo.total());
      assertEquals("government", typo.suggestion());
      assertNull(searcher.search(SearchRequest.of("oper")).suggestion(), "a word in many articles is no typo");
      assertNull(searcher.search(SearchRequest.of("mali")).suggestion(), "a short rare word is more often right (not may)");
      assertEquals("government harbour", searcher.search(SearchRequest.of("goverment harbour")).suggestion(),
          "a query that found nothing still gets the common misspelling corrected");
    }
    assertEquals(0.5, Suggester.weightedDistance("opek", "opec"));
    assertEquals(1.0, Suggester.weightedDistance("opek", "oper"));
    assertEquals(1.0, Suggester.weightedDistance("recieve", "receive"), "a transposition is one edit");
  }

  private static Article article(String id, String body) {
    return new Article(id, "https://example.org/" + id, "Wire", "News", null, Published.ofDate(LocalDate.parse("2020-10-10")),
        body, null, null, "en", List.of(), "fixtures/" + id + ".txt", "h" + id);
  }
}

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

  private static Article article(String id, String body) {
    return new Article(id, "https://example.org/" + id, "Wire", "News", null, Published.ofDate(LocalDate.parse("2020-10-10")),
        body, null, null, "en", List.of(), "fixtures/" + id + ".txt", "h" + id);
  }
}

package org.newsdesk.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.model.Article;
import org.newsdesk.model.Published;

/**
 * A build with several workers writes articles in an order of its own: nothing a search returns may depend on it.
 * The same articles are indexed in both orders and searched alike.
 */
class DocumentOrderTest {
  @TempDir Path tmp;

  private static Article article(String id, String body) {
    return new Article(id, "https://example.org/" + id, "Wire", "Talks", null, Published.ofDate(LocalDate.parse("2020-10-10")),
        body, null, null, "en", List.of(), "fixtures/" + id + ".txt", "h" + id);
  }

  private SearchResults search(List<Article> articles, String name, String query) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve(name));
    Fixtures.writeIndex(dir, articles);
    try (NewsSearcher searcher = NewsSearcher.open(dir)) {
      return searcher.search(SearchRequest.of(query));
    }
  }

  @Test
  void didYouMeanTakesTheSameSpellingWhateverTheOrder() throws Exception {
    // Equal scores for the corrected word; only the word form differs: the one nearer the typed word wins.
    Article a = article("a", "Negotiators said the ceasefires held in the north on Sunday.");
    Article b = article("b", "Negotiators said the ceasefire held in the north on Sunday.");
    SearchResults forward = search(List.of(a, b), "forward", "ceasfire");
    SearchResults backward = search(List.of(b, a), "backward", "ceasfire");
    assertEquals("ceasefire", forward.suggestion());
    assertEquals(forward.suggestion(), backward.suggestion());
  }
}

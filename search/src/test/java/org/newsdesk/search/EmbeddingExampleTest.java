package org.newsdesk.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedding example of docs/search.md (and the README), compiled and run against a real index. */
class EmbeddingExampleTest {
  @TempDir Path indexDir;

  /** The example, verbatim: everything between the markers is pasted into docs/search.md. */
  static void example(Path indexDir, PrintStream out) {
    // --- example start ---
    try (NewsSearcher searcher = NewsSearcher.open(indexDir)) {
      SearchRequest request = SearchRequest.of("ceasefire")
          .withPersons(List.of("Putin"))                      // id, name, alias or surname
          .withDateRange(LocalDate.of(2020, 9, 1), LocalDate.of(2020, 12, 31))
          .withSort(SearchRequest.SortOrder.RELEVANCE)
          .withFacets(Set.of(SearchRequest.Facet.LOCATION), SearchRequest.DateInterval.MONTH)
          .withHighlight(true, new SearchRequest.Markers("[", "]"))
          .withLimit(5);
      SearchResults results = searcher.search(request);
      out.println(results.total() + " hits");
      for (SearchHit hit : results.hits()) {
        out.println(hit.published() + "  " + hit.title() + "\n    " + hit.snippet());
      }
      results.facets().get(SearchRequest.Facet.LOCATION)
          .forEach(f -> out.println(f.label() + ": " + f.count()));
    }
    // --- example end ---
  }

  @Test
  void exampleRuns() {
    Fixtures.writeIndex(indexDir, Fixtures.articles());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    example(indexDir, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    assertEquals("""
        1 hits
        2020-10-10  Leaders agree to a ceasefire in Nagorno-Karabakh
            Vladimir Putin announced a [ceasefire] in Nagorno-Karabakh after talks.
        Armenia: 1
        Nagorno-Karabakh: 1
        """, bytes.toString(StandardCharsets.UTF_8));
  }
}

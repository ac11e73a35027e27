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

  /** The README shows the same code as {@link #example}: the lines between the two markers agree, indentation aside. */
  @Test
  void readmeShowsThisExample() throws java.io.IOException {
    Path repo = Path.of(System.getProperty("newsdesk.repo", "."));
    Path readme = repo.resolve("README.md");
    Path self = repo.resolve("search/src/test/java/org/newsdesk/search/EmbeddingExampleTest.java");
    org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isRegularFile(readme) && java.nio.file.Files.isRegularFile(self),
        "README.md or this test's source is not where the repository root says");
    assertEquals(exampleLines(self), exampleLines(readme), "README.md's embedding example differs from the one this test runs");
  }

  private static List<String> exampleLines(Path file) throws java.io.IOException {
    List<String> lines = java.nio.file.Files.readAllLines(file, StandardCharsets.UTF_8);
    int start = -1;
    int end = -1;
    for (int i = 0; i < lines.size(); i++) {
      String t = lines.get(i).strip();
      if (t.equals("// --- example start ---") && start < 0) {
        start = i;
      } else if (t.equals("// --- example end ---") && start >= 0) {
        end = i;
        break;
      }
    }
    if (start < 0 || end < 0) {
      throw new AssertionError(file + " has no '// --- example start/end ---' markers");
    }
    return lines.subList(start + 1, end).stream().map(String::strip).toList();
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

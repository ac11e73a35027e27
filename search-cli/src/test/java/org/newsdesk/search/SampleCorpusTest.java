package org.newsdesk.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.index.IndexBuilder;
import org.newsdesk.index.IndexOptions;
import org.newsdesk.search.SearchRequest.Facet;
import org.newsdesk.search.SearchRequest.SortOrder;
import org.newsdesk.search.SearchResults.FacetCount;

/**
 * The library on the JSON Lines part of the bundled sample corpus (22 articles whose ids, dates and sources are
 * given in the files and listed in sample-corpus/index.tsv), indexed by the real index builder as the CLI does. It
 * lives in search-cli, which depends on both, because the search module must never depend on the index builder.
 * Expected ids come from reading the files: which articles spell ceasefire in any form, which name Putin.
 */
class SampleCorpusTest {
  @TempDir static Path dir;
  static NewsSearcher searcher;

  private static final Set<String> CEASEFIRE = Set.of("cl-2020-10-06-003", "mw-2020-10-12-022", "hct-2020-10-23-041",
      "mw-2020-12-15-007", "cl-2021-01-11-002");

  @BeforeAll
  static void index() throws Exception {
    Path jsonl = Path.of(System.getProperty("newsdesk.repo", "..")).resolve("sample-corpus/articles/jsonl");
    Assumptions.assumeTrue(Files.isDirectory(jsonl), "sample-corpus/articles/jsonl is not there: " + jsonl);
    IndexBuilder.index(List.of(jsonl), IndexOptions.defaults(dir), msg -> { });
    searcher = NewsSearcher.open(dir);
  }

  @AfterAll
  static void close() {
    if (searcher != null) {
      searcher.close();
    }
  }

  private static List<String> ids(SearchResults r) {
    return r.hits().stream().map(SearchHit::id).toList();
  }

  private static Set<String> idSet(SearchResults r) {
    return new TreeSet<>(ids(r));
  }

  @Test
  void ceasefireInEverySpellingButNotCeaseOperations() {
    for (String q : List.of("ceasefire", "cease-fire", "\"cease fire\"", "ceasefires")) {
      SearchResults r = searcher.search(SearchRequest.of(q).withLimit(50));
      assertEquals(new TreeSet<>(CEASEFIRE), idSet(r), q);
      assertEquals(5, r.total(), q);
    }
  }

  @Test
  void putinByQueryFieldAndByFilter() {
    Set<String> putin = Set.of("mw-2020-10-12-022", "hct-2020-10-23-041", "cl-2020-11-16-011", "cl-2021-01-11-002");
    assertEquals(new TreeSet<>(putin), idSet(searcher.search(SearchRequest.of("person:putin").withLimit(50))));
    assertEquals(new TreeSet<>(putin), idSet(searcher.search(SearchRequest.of("").withPersons(List.of("Putin")).withLimit(50))));
    assertEquals(new TreeSet<>(putin), idSet(searcher.search(SearchRequest.of("").withPersons(List.of("vladimir-putin")).withLimit(50))));
    // Both the word and the entity: the two ceasefire articles that name him.
    assertEquals(Set.of("cl-2021-01-11-002", "hct-2020-10-23-041", "mw-2020-10-12-022"),
        idSet(searcher.search(SearchRequest.of("ceasefire person:putin"))));
  }

  @Test
  void sourceFilterSortedNewestFirst() {
    assertEquals(List.of("cl-2021-01-11-002", "cl-2020-11-16-008", "cl-2020-11-16-011", "cl-2020-10-06-003"),
        ids(searcher.search(SearchRequest.of("").withSources(List.of("caucasus ledger")).withSort(SortOrder.NEWEST))));
    assertEquals(List.of("cl-2020-10-06-003", "mw-2020-10-12-022", "hct-2020-10-23-041", "mw-2020-12-15-007", "cl-2021-01-11-002"),
        ids(searcher.search(SearchRequest.of("ceasefire").withSort(SortOrder.OLDEST))));
  }

  @Test
  void dateRangeFilter() {
    assertEquals(Set.of("cl-2020-10-06-003", "hct-2020-10-23-041", "mw-2020-10-12-022"),
        idSet(searcher.search(SearchRequest.of("ceasefire").withDateRange(LocalDate.of(2020, 10, 1), LocalDate.of(2020, 10, 31)))));
    assertEquals(Set.of("cl-2020-10-06-003", "hct-2020-10-23-041", "mw-2020-10-12-022"),
        idSet(searcher.search(SearchRequest.of("ceasefire AND published:2020-10"))));
  }

  @Test
  void anArticleCountsOnTheDateItShowsNotItsUtcDay() {
    // hct-2020-10-26-063 was published 2020-10-26 at 21:50 -07:00, which is 2020-10-27 04:50 UTC
    String id = "hct-2020-10-26-063";
    SearchRequest all = SearchRequest.of("").withLimit(100);
    assertTrue(ids(searcher.search(all.withDateRange(LocalDate.parse("2020-10-26"), LocalDate.parse("2020-10-26"))))
        .contains(id));
    assertFalse(ids(searcher.search(all.withDateRange(LocalDate.parse("2020-10-27"), LocalDate.parse("2020-10-27"))))
        .contains(id));
    assertTrue(ids(searcher.search(SearchRequest.of("published:2020-10-26").withLimit(100))).contains(id));
    assertFalse(ids(searcher.search(SearchRequest.of("published:[2020-10-27 TO *]").withLimit(100))).contains(id));
    // the day histogram counts each article on the date its hit shows
    SearchResults every = searcher.search(all.withFacets(Set.of(Facet.DATE), SearchRequest.DateInterval.DAY));
    java.util.Map<String, Long> shown = new java.util.TreeMap<>();
    every.hits().forEach(h -> shown.merge(h.published().date().toString(), 1L, Long::sum));
    java.util.Map<String, Long> counted = new java.util.TreeMap<>();
    every.facets().get(Facet.DATE).forEach(c -> counted.put(c.value(), c.count()));
    assertEquals(shown, counted);
  }

  @Test
  void facetsOverTheWholeCorpus() {
    SearchResults r = searcher.search(SearchRequest.of("").withFacets(Set.of(Facet.SOURCE, Facet.DATE), SearchRequest.DateInterval.MONTH));
    assertEquals(22, r.total());
    assertEquals(List.of(new FacetCount("Meridian Wire", "Meridian Wire", 8), new FacetCount("Harbor City Times", "Harbor City Times", 6),
            new FacetCount("Caucasus Ledger", "Caucasus Ledger", 4), new FacetCount("Northern Valley Gazette", "Northern Valley Gazette", 2),
            new FacetCount("The Daily Compass", "The Daily Compass", 2)),
        r.facets().get(Facet.SOURCE));
    // Months of the date each article shows: hct-2020-10-26-063 (21:50 -07:00) is October, mw-2021-01-25-009 January.
    assertEquals(List.of(new FacetCount("2020-09-01", "2020-09", 2), new FacetCount("2020-10-01", "2020-10", 6),
            new FacetCount("2020-11-01", "2020-11", 5), new FacetCount("2020-12-01", "2020-12", 3),
            new FacetCount("2021-01-01", "2021-01", 5), new FacetCount("2021-02-01", "2021-02", 1)),
        r.facets().get(Facet.DATE));
    List<FacetCount> persons = searcher.search(SearchRequest.of("ceasefire").withFacets(Set.of(Facet.PERSON), SearchRequest.DateInterval.MONTH))
        .facets().get(Facet.PERSON);
    assertTrue(persons.contains(new FacetCount("vladimir-putin", "Vladimir Putin", 3)), persons.toString());
  }

  @Test
  void highlightedCompoundAndSuggestion() {
    SearchResults r = searcher.search(SearchRequest.of("ceasefire").withSources(List.of("Harbor City Times"))
        .withHighlight(true, new SearchRequest.Markers(">>", "<<")));
    assertEquals(List.of("hct-2020-10-23-041"), ids(r));
    assertTrue(r.hits().get(0).snippet().contains("willing to accept a >>cease-fire<< if Armenia"), r.hits().get(0).snippet());
    SearchResults typo = searcher.search(SearchRequest.of("ceasfire"));
    assertEquals(0, typo.total());
    assertEquals("ceasefire", typo.suggestion());
    assertNull(searcher.search(SearchRequest.of("ceasefire")).suggestion());
  }

  @Test
  void fallbackToAnyTerm() {
    SearchResults r = searcher.search(SearchRequest.of("ceasefire bushfire").withLimit(50));
    assertTrue(r.fellBackToAny());
    Set<String> expected = new TreeSet<>(CEASEFIRE);
    expected.addAll(Set.of("mw-2020-11-30-044", "mw-2021-01-25-009"));
    assertEquals(expected, idSet(r));
  }

  @Test
  void cursorAndOffsetPagesMatchOnePage() {
    List<String> whole = ids(searcher.search(SearchRequest.of("").withSort(SortOrder.NEWEST).withLimit(50)));
    assertEquals(22, whole.size());
    List<String> walked = new ArrayList<>();
    SearchRequest req = SearchRequest.of("").withSort(SortOrder.NEWEST).withLimit(5);
    for (SearchResults page = searcher.search(req); ; page = searcher.search(req.withCursor(page.nextCursor()))) {
      walked.addAll(ids(page));
      if (page.nextCursor() == null) {
        break;
      }
    }
    assertEquals(whole, walked);
    assertEquals(whole.subList(10, 15), ids(searcher.search(req.withOffset(10))));
  }

  @Test
  void getAndMoreLikeThis() {
    assertEquals("Putin hosts Aliyev and Pashinyan in Moscow for first meeting since the war",
        searcher.get("cl-2021-01-11-002").orElseThrow().title());
    List<String> like = ids(searcher.moreLikeThis("mw-2020-10-12-022", 3));
    assertEquals(3, like.size());
    assertTrue(like.stream().noneMatch(id -> id.equals("mw-2020-10-12-022")));
    // The nearest neighbours of a Karabakh truce story are Karabakh stories.
    assertTrue(Set.of("cl-2020-10-06-003", "hct-2020-10-23-041", "mw-2020-12-15-007", "cl-2021-01-11-002",
        "mw-2020-09-29-014", "mw-2020-11-09-031", "cl-2020-11-16-008").containsAll(like), like.toString());
  }
}

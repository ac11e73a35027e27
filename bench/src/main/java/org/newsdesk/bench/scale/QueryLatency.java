package org.newsdesk.bench.scale;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.newsdesk.search.NewsSearcher;
import org.newsdesk.search.SearchRequest;

/**
 * A simple query-latency harness for the scale benchmark (the search engineer's latency benchmark compares against raw
 * Lucene; this one only tracks how newsdesk's latency grows with the index): each query kind runs {@code warmup}
 * times, then {@code runs} timed times on one thread, cycling through a few terms; p50 and p99 in milliseconds.
 */
final class QueryLatency {
  private QueryLatency() {}

  /** The query mix: kind → requests to cycle through. */
  static Map<String, List<SearchRequest>> mix() {
    Map<String, List<SearchRequest>> mix = new LinkedHashMap<>();
    mix.put("term", List.of("ceasefire", "government", "officials", "fire").stream().map(SearchRequest::of).toList());
    mix.put("all-terms", List.of("officials said", "prime minister", "trade agreement").stream().map(SearchRequest::of).toList());
    mix.put("phrase", List.of("\"prime minister\"", "\"officials said\"", "\"trade deal\"").stream().map(SearchRequest::of).toList());
    mix.put("entity-filtered", List.of(SearchRequest.of("talks").withEntities(List.of("nagorno-karabakh")),
        SearchRequest.of("minister").withEntities(List.of("vladimir-putin"))));
    mix.put("date-filtered", List.of(SearchRequest.of("government").withDateRange(LocalDate.of(2019, 1, 1), LocalDate.of(2019, 12, 31)),
        SearchRequest.of("officials").withDateRange(LocalDate.of(2022, 3, 1), LocalDate.of(2022, 3, 31))));
    mix.put("facets+highlight", List.of("ceasefire", "minister").stream()
        .map(q -> SearchRequest.of(q).withHighlight(true, SearchRequest.Markers.DEFAULT)
            .withFacets(Set.of(SearchRequest.Facet.PERSON, SearchRequest.Facet.LOCATION, SearchRequest.Facet.SOURCE,
                SearchRequest.Facet.DATE), SearchRequest.DateInterval.MONTH))
        .toList());
    return mix;
  }

  /** Kind → {p50 ms, p99 ms}. */
  static Map<String, double[]> measure(Path index, int warmup, int runs) {
    Map<String, double[]> out = new LinkedHashMap<>();
    try (NewsSearcher searcher = NewsSearcher.open(index)) {
      long sink = 0;
      for (Map.Entry<String, List<SearchRequest>> kind : mix().entrySet()) {
        List<SearchRequest> requests = kind.getValue();
        for (int i = 0; i < warmup; i++) {
          sink += searcher.search(requests.get(i % requests.size())).total();
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
          long start = System.nanoTime();
          sink += searcher.search(requests.get(i % requests.size())).total();
          ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        out.put(kind.getKey(), new double[] {ms[runs / 2], ms[Math.min(runs - 1, (int) Math.ceil(runs * 0.99) - 1)]});
      }
      if (sink == Long.MIN_VALUE) {
        System.out.print("");
      }
    }
    return out;
  }
}

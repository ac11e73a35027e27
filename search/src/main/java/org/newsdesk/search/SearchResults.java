package org.newsdesk.search;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The answer to a {@link SearchRequest}.
 *
 * @param query the query as given
 * @param total the exact number of matching articles
 * @param hits this page of hits
 * @param facets counts per facet, each a list of buckets, largest first (dates in time order)
 * @param suggestion a corrected query when this one found nothing or almost nothing, or null
 * @param fellBackToAny true when no article matched all terms and these are ranked any-term matches
 * @param tookMillis time spent in the search
 * @param nextCursor pass to {@link SearchRequest#withCursor} for the next page, or null on the last page
 */
public record SearchResults(String query, long total, List<SearchHit> hits, Map<SearchRequest.Facet, List<FacetCount>> facets,
    String suggestion, boolean fellBackToAny, long tookMillis, String nextCursor) {
  public SearchResults {
    hits = List.copyOf(hits);
    EnumMap<SearchRequest.Facet, List<FacetCount>> byFacet = new EnumMap<>(SearchRequest.Facet.class);
    byFacet.putAll(facets);
    facets = Collections.unmodifiableMap(byFacet); // in Facet order, not a new order on every JVM start
  }

  /** One facet bucket: a value (entity id, source, or date bucket start) with its display label and count. */
  public record FacetCount(String value, String label, long count) {}
}

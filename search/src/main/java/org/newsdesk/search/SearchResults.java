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
 * @param fellBackToEntities when the query's words matched no article but name an entity (an alias such as
 *     {@code Путин}), the display names of the entities whose articles these hits are; empty otherwise
 * @param ambiguousFilters each entity filter name of the request that stands for more than one entity (a first
 *     name, a word several names share: {@code --person David}), with the display names of all of them, whose
 *     articles the filter passes; empty when every filter named one entity
 */
public record SearchResults(String query, long total, List<SearchHit> hits, Map<SearchRequest.Facet, List<FacetCount>> facets,
    String suggestion, boolean fellBackToAny, long tookMillis, String nextCursor, List<String> fellBackToEntities,
    Map<String, List<String>> ambiguousFilters) {
  public SearchResults {
    hits = List.copyOf(hits);
    fellBackToEntities = fellBackToEntities == null ? List.of() : List.copyOf(fellBackToEntities);
    ambiguousFilters = ambiguousFilters == null ? Map.of()
        : Collections.unmodifiableMap(new java.util.LinkedHashMap<>(ambiguousFilters)); // in the request's order
    EnumMap<SearchRequest.Facet, List<FacetCount>> byFacet = new EnumMap<>(SearchRequest.Facet.class);
    byFacet.putAll(facets);
    facets = Collections.unmodifiableMap(byFacet); // in Facet order, not a new order on every JVM start
  }

  /** Results whose entity filters each named one entity (the constructor of the components before {@code ambiguousFilters}). */
  public SearchResults(String query, long total, List<SearchHit> hits, Map<SearchRequest.Facet, List<FacetCount>> facets,
      String suggestion, boolean fellBackToAny, long tookMillis, String nextCursor, List<String> fellBackToEntities) {
    this(query, total, hits, facets, suggestion, fellBackToAny, tookMillis, nextCursor, fellBackToEntities, Map.of());
  }

  /** Results that did not fall back to entities (the constructor of the components before {@code fellBackToEntities}). */
  public SearchResults(String query, long total, List<SearchHit> hits, Map<SearchRequest.Facet, List<FacetCount>> facets,
      String suggestion, boolean fellBackToAny, long tookMillis, String nextCursor) {
    this(query, total, hits, facets, suggestion, fellBackToAny, tookMillis, nextCursor, List.of());
  }

  /** One facet bucket: a value (entity id, source, or date bucket start) with its display label and count. */
  public record FacetCount(String value, String label, long count) {}
}

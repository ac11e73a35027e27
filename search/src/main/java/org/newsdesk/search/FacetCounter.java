package org.newsdesk.search;

import java.io.IOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.newsdesk.schema.NewsField;

/**
 * Counts facet values over every matching article, from the doc values {@code ArticleDocuments} writes: entity ids
 * and sources (sorted-set doc values) and the publication date (numeric doc values) bucketed by day, week, month or
 * year. One instance serves one search.
 */
final class FacetCounter extends SimpleCollector {
  private final Set<SearchRequest.Facet> facets;
  private final SearchRequest.DateInterval interval;
  private final Map<SearchRequest.Facet, Map<String, Long>> counts = new EnumMap<>(SearchRequest.Facet.class);
  private final Map<Long, long[]> dateCounts = new HashMap<>();
  private final Map<SearchRequest.Facet, SortedSetDocValues> segmentValues = new EnumMap<>(SearchRequest.Facet.class);
  private final Map<SearchRequest.Facet, long[]> segmentCounts = new EnumMap<>(SearchRequest.Facet.class);
  private NumericDocValues published;

  FacetCounter(Set<SearchRequest.Facet> facets, SearchRequest.DateInterval interval) {
    this.facets = facets;
    this.interval = interval;
    facets.forEach(f -> counts.put(f, new HashMap<>()));
  }

  @Override
  protected void doSetNextReader(LeafReaderContext context) throws IOException {
    flushSegment();
    for (SearchRequest.Facet f : facets) {
      if (f == SearchRequest.Facet.DATE) {
        published = DocValues.getNumeric(context.reader(), NewsField.PUBLISHED.fieldName());
      } else {
        SortedSetDocValues values = DocValues.getSortedSet(context.reader(), field(f).fieldName());
        segmentValues.put(f, values);
        segmentCounts.put(f, new long[(int) Math.min(Integer.MAX_VALUE - 8, values.getValueCount())]);
      }
    }
  }

  @Override
  public void collect(int doc) throws IOException {
    for (Map.Entry<SearchRequest.Facet, SortedSetDocValues> e : segmentValues.entrySet()) {
      SortedSetDocValues values = e.getValue();
      if (values.advanceExact(doc)) {
        long[] c = segmentCounts.get(e.getKey());
        for (int i = 0; i < values.docValueCount(); i++) {
          c[(int) values.nextOrd()]++;
        }
      }
    }
    if (published != null && published.advanceExact(doc)) {
      long bucket = bucket(Math.floorDiv(published.longValue(), 86_400_000L));
      dateCounts.computeIfAbsent(bucket, k -> new long[1])[0]++;
    }
  }

  @Override
  public ScoreMode scoreMode() {
    return ScoreMode.COMPLETE_NO_SCORES;
  }

  /**
   * The buckets per facet: entities and sources largest first (ties by value), at most {@code limit}; dates in time
   * order, all of them. {@code labels} gives an entity id's display name.
   */
  Map<SearchRequest.Facet, List<SearchResults.FacetCount>> result(int limit, java.util.function.UnaryOperator<String> labels)
      throws IOException {
    flushSegment();
    Map<SearchRequest.Facet, List<SearchResults.FacetCount>> out = new EnumMap<>(SearchRequest.Facet.class);
    for (SearchRequest.Facet f : facets) {
      if (f == SearchRequest.Facet.DATE) {
        List<SearchResults.FacetCount> buckets = new ArrayList<>();
        new TreeMap<>(dateCounts).forEach((day, c) -> {
          String start = LocalDate.ofEpochDay(day).toString();
          buckets.add(new SearchResults.FacetCount(start, label(start), c[0]));
        });
        out.put(f, buckets);
      } else {
        boolean isSource = f == SearchRequest.Facet.SOURCE;
        out.put(f, counts.get(f).entrySet().stream()
            .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
            .limit(limit)
            .map(e -> new SearchResults.FacetCount(e.getKey(), isSource ? e.getKey() : labels.apply(e.getKey()), e.getValue()))
            .toList());
      }
    }
    return out;
  }

  private void flushSegment() throws IOException {
    for (Map.Entry<SearchRequest.Facet, long[]> e : segmentCounts.entrySet()) {
      long[] c = e.getValue();
      SortedSetDocValues values = segmentValues.get(e.getKey());
      Map<String, Long> total = counts.get(e.getKey());
      for (int ord = 0; ord < c.length; ord++) {
        if (c[ord] > 0) {
          total.merge(values.lookupOrd(ord).utf8ToString(), c[ord], Long::sum);
        }
      }
    }
    segmentCounts.clear();
    segmentValues.clear();
    published = null;
  }

  private long bucket(long epochDay) {
    LocalDate day = LocalDate.ofEpochDay(epochDay);
    return switch (interval) {
      case DAY -> epochDay;
      case WEEK -> day.with(DayOfWeek.MONDAY).toEpochDay();
      case MONTH -> day.withDayOfMonth(1).toEpochDay();
      case YEAR -> day.withDayOfYear(1).toEpochDay();
    };
  }

  private String label(String start) {
    return switch (interval) {
      case DAY -> start;
      case WEEK -> "week of " + start;
      case MONTH -> start.substring(0, 7);
      case YEAR -> start.substring(0, 4);
    };
  }

  private static NewsField field(SearchRequest.Facet f) {
    return switch (f) {
      case PERSON -> NewsField.PERSON;
      case LOCATION -> NewsField.LOCATION;
      case ORGANIZATION -> NewsField.ORGANIZATION;
      case ENTITY -> NewsField.ENTITY;
      case SOURCE -> NewsField.SOURCE;
      case DATE -> NewsField.PUBLISHED;
    };
  }
}

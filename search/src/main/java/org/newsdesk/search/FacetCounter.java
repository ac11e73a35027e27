package org.newsdesk.search;

import java.io.IOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.util.BytesRef;
import org.newsdesk.schema.ArticleDocuments;
import org.newsdesk.schema.NewsField;

/**
 * Counts facet values over every matching article, from the doc values {@code ArticleDocuments} writes: entity ids
 * and sources (sorted-set doc values) and the publication date (numeric doc values) bucketed by day, week, month or
 * year. One instance serves one search.
 */
final class FacetCounter extends SimpleCollector {
  /** The widest date range (in days) of one segment that is counted in an array rather than a map. */
  private static final long MAX_DAY_SPAN = 1 << 20;

  private final Set<SearchRequest.Facet> facets;
  private final SearchRequest.DateInterval interval;
  private final Map<SearchRequest.Facet, Map<String, Long>> counts = new EnumMap<>(SearchRequest.Facet.class);
  private final Map<Long, long[]> dateCounts = new HashMap<>();
  private final SearchRequest.Facet[] valueFacets;
  // Per segment: for each value facet, its doc values (one of the two, the other null) and counts by ordinal.
  private final SortedSetDocValues[] segmentValues;
  private final SortedDocValues[] segmentSingleValues;
  private final long[][] segmentCounts;
  private boolean segmentOpen;
  private NumericDocValues published;
  // Per segment: articles per day since firstDay (days outside the array go to overflowDays).
  private long firstDay;
  private long[] dayCounts;
  private final Map<Long, long[]> overflowDays = new HashMap<>();

  FacetCounter(Set<SearchRequest.Facet> facets, SearchRequest.DateInterval interval) {
    this.facets = facets;
    this.interval = interval;
    facets.forEach(f -> counts.put(f, new HashMap<>()));
    this.valueFacets = facets.stream().filter(f -> f != SearchRequest.Facet.DATE).sorted().toArray(SearchRequest.Facet[]::new);
    this.segmentValues = new SortedSetDocValues[valueFacets.length];
    this.segmentSingleValues = new SortedDocValues[valueFacets.length];
    this.segmentCounts = new long[valueFacets.length][];
  }

  @Override
  protected void doSetNextReader(LeafReaderContext context) throws IOException {
    flushSegment();
    segmentOpen = true;
    for (int i = 0; i < valueFacets.length; i++) {
      SortedSetDocValues values = DocValues.getSortedSet(context.reader(), field(valueFacets[i]).fieldName());
      // A field with one value per article reads faster as single-valued doc values.
      segmentSingleValues[i] = DocValues.unwrapSingleton(values);
      segmentValues[i] = segmentSingleValues[i] == null ? values : null;
      segmentCounts[i] = new long[(int) Math.min(Integer.MAX_VALUE - 8, values.getValueCount())];
    }
    if (facets.contains(SearchRequest.Facet.DATE)) {
      published = DocValues.getNumeric(context.reader(), NewsField.PUBLISHED_DAY.fieldName());
      dayCounts = dayArray(context);
    }
  }

  /** An array covering the segment's publication days, or an empty one when it spans too many (or none). */
  private long[] dayArray(LeafReaderContext context) throws IOException {
    PointValues points = context.reader().getPointValues(NewsField.PUBLISHED_DAY.fieldName());
    if (points == null) {
      return new long[0];
    }
    long min = IntPoint.decodeDimension(points.getMinPackedValue(), 0);
    long max = IntPoint.decodeDimension(points.getMaxPackedValue(), 0);
    if (max - min >= MAX_DAY_SPAN) {
      return new long[0];
    }
    firstDay = min;
    return new long[(int) (max - min + 1)];
  }

  @Override
  public void collect(int doc) throws IOException {
    for (int i = 0; i < segmentCounts.length; i++) {
      SortedDocValues single = segmentSingleValues[i];
      if (single != null) {
        if (single.advanceExact(doc)) {
          segmentCounts[i][single.ordValue()]++;
        }
      } else {
        SortedSetDocValues values = segmentValues[i];
        if (values.advanceExact(doc)) {
          long[] c = segmentCounts[i];
          for (int k = values.docValueCount(); k > 0; k--) {
            c[(int) values.nextOrd()]++;
          }
        }
      }
    }
    if (published != null && published.advanceExact(doc)) {
      long day = published.longValue() - firstDay; // the date the article shows, as an epoch day
      if (day >= 0 && day < dayCounts.length) {
        dayCounts[(int) day]++;
      } else {
        overflowDays.computeIfAbsent(day + firstDay, k -> new long[1])[0]++;
      }
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
  Map<SearchRequest.Facet, List<SearchResults.FacetCount>> result(int limit, java.util.function.UnaryOperator<String> labels,
      java.util.function.Function<String, org.newsdesk.model.EntityType> types) throws IOException {
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
      } else if (f == SearchRequest.Facet.OTHER_TYPES) {
        // The top of each declared type, not of all entities: a type's few entities are not crowded out by places.
        Map<String, List<Map.Entry<String, Long>>> byType = new TreeMap<>();
        counts.get(f).entrySet().forEach(e -> {
          org.newsdesk.model.EntityType type = types.apply(e.getKey());
          if (type != null && !type.isBuiltIn()) {
            byType.computeIfAbsent(type.key(), k -> new ArrayList<>()).add(e);
          }
        });
        List<SearchResults.FacetCount> buckets = new ArrayList<>();
        byType.values().forEach(list -> list.stream()
            .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
            .limit(limit)
            .forEach(e -> buckets.add(new SearchResults.FacetCount(e.getKey(), labels.apply(e.getKey()), e.getValue()))));
        out.put(f, buckets);
      } else if (f == SearchRequest.Facet.SOURCE) {
        out.put(f, sourceBuckets(counts.get(f), limit));
      } else {
        out.put(f, counts.get(f).entrySet().stream()
            .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
            .limit(limit)
            .map(e -> new SearchResults.FacetCount(e.getKey(), labels.apply(e.getKey()), e.getValue()))
            .toList());
      }
    }
    return out;
  }

  /**
   * Source buckets by the source as {@code --source} matches it ({@link ArticleDocuments#sourceKey}: "Test Wire" and
   * "test wire" are one source), each named by its most frequent spelling (of equally frequent ones, not the one in
   * capitals); largest first, ties by name.
   */
  private static List<SearchResults.FacetCount> sourceBuckets(Map<String, Long> bySpelling, int limit) {
    Map<String, long[]> totals = new HashMap<>();
    Map<String, String> names = new HashMap<>();
    bySpelling.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
            .thenComparing(e -> e.getKey().equals(e.getKey().toUpperCase(java.util.Locale.ROOT))) // TEST WIRE last
            .thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> {
          String key = ArticleDocuments.sourceKey(e.getKey());
          totals.computeIfAbsent(key, k -> new long[1])[0] += e.getValue();
          names.putIfAbsent(key, e.getKey()); // the first seen is the most frequent
        });
    return totals.entrySet().stream()
        .map(e -> new SearchResults.FacetCount(names.get(e.getKey()), names.get(e.getKey()), e.getValue()[0]))
        .sorted(Comparator.comparingLong(SearchResults.FacetCount::count).reversed()
            .thenComparing(SearchResults.FacetCount::value))
        .limit(limit)
        .toList();
  }

  private void flushSegment() throws IOException {
    if (!segmentOpen) {
      return;
    }
    for (int i = 0; i < valueFacets.length; i++) {
      long[] c = segmentCounts[i];
      Map<String, Long> total = counts.get(valueFacets[i]);
      for (int ord = 0; ord < c.length; ord++) {
        if (c[ord] > 0) {
          BytesRef value = segmentSingleValues[i] != null ? segmentSingleValues[i].lookupOrd(ord) : segmentValues[i].lookupOrd(ord);
          total.merge(value.utf8ToString(), c[ord], Long::sum);
        }
      }
    }
    if (dayCounts != null) {
      for (int day = 0; day < dayCounts.length; day++) {
        if (dayCounts[day] > 0) {
          dateCounts.computeIfAbsent(bucket(firstDay + day), k -> new long[1])[0] += dayCounts[day];
        }
      }
    }
    overflowDays.forEach((day, c) -> dateCounts.computeIfAbsent(bucket(day), k -> new long[1])[0] += c[0]);
    overflowDays.clear();
    Arrays.fill(segmentValues, null);
    Arrays.fill(segmentSingleValues, null);
    Arrays.fill(segmentCounts, null);
    segmentOpen = false;
    published = null;
    dayCounts = null;
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
      case ENTITY, OTHER_TYPES -> NewsField.ENTITY;
      case SOURCE -> NewsField.SOURCE;
      case DATE -> NewsField.PUBLISHED;
    };
  }
}

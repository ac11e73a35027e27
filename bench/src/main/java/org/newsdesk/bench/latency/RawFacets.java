package org.newsdesk.bench.latency;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/**
 * The raw-Lucene side of the facets benchmark: counts sorted-set doc values per field and a monthly histogram of a
 * numeric doc-values field, the straightforward way a Lucene user would. Not newsdesk code.
 */
final class RawFacets extends SimpleCollector {
  private final List<String> fields;
  private final String dateField;
  private final Map<String, Map<String, Long>> counts = new HashMap<>();
  private final Map<Long, Long> months = new HashMap<>();
  private SortedSetDocValues[] values;
  private long[][] segment;
  private NumericDocValues dates;

  RawFacets(List<String> fields, String dateField) {
    this.fields = fields;
    this.dateField = dateField;
  }

  @Override
  protected void doSetNextReader(LeafReaderContext context) throws IOException {
    flush();
    values = new SortedSetDocValues[fields.size()];
    segment = new long[fields.size()][];
    for (int i = 0; i < fields.size(); i++) {
      values[i] = DocValues.getSortedSet(context.reader(), fields.get(i));
      segment[i] = new long[(int) values[i].getValueCount()];
    }
    dates = DocValues.getNumeric(context.reader(), dateField);
  }

  @Override
  public void collect(int doc) throws IOException {
    for (int i = 0; i < values.length; i++) {
      if (values[i].advanceExact(doc)) {
        for (int k = 0; k < values[i].docValueCount(); k++) {
          segment[i][(int) values[i].nextOrd()]++;
        }
      }
    }
    if (dates.advanceExact(doc)) {
      java.time.LocalDate day = java.time.LocalDate.ofEpochDay(Math.floorDiv(dates.longValue(), 86_400_000L));
      months.merge(day.withDayOfMonth(1).toEpochDay(), 1L, Long::sum);
    }
  }

  @Override
  public ScoreMode scoreMode() {
    return ScoreMode.COMPLETE_NO_SCORES;
  }

  /** Counts per field value; call once after the search. */
  Map<String, Map<String, Long>> counts() throws IOException {
    flush();
    return counts;
  }

  private void flush() throws IOException {
    if (values == null) {
      return;
    }
    for (int i = 0; i < values.length; i++) {
      Map<String, Long> c = counts.computeIfAbsent(fields.get(i), k -> new HashMap<>());
      for (int ord = 0; ord < segment[i].length; ord++) {
        if (segment[i][ord] > 0) {
          c.merge(values[i].lookupOrd(ord).utf8ToString(), segment[i][ord], Long::sum);
        }
      }
    }
    values = null;
  }
}

package org.newsdesk.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.newsdesk.search.NewsSearcher;
import org.newsdesk.search.SearchRequest;
import org.newsdesk.search.SearchRequest.DateInterval;
import org.newsdesk.search.SearchRequest.Facet;
import org.newsdesk.search.SearchResults;
import org.newsdesk.search.SearchResults.FacetCount;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code newsdesk timeline QUERY}: a query's hits over time, as a bar chart drawn with block characters. */
@Command(name = "timeline", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Show a query's hits over time as a bar chart, from the date histogram of the search library.",
        "Empty periods between the first and the last hit are shown as empty rows. Without QUERY: every article."},
    footer = {"", "Examples:", "  newsdesk timeline ceasefire", "  newsdesk timeline ceasefire --by week --from 2020-09 --to 2020-11",
        "  newsdesk timeline 'person:vladimir-putin' --by year", "  newsdesk timeline ceasefire --json | jq -c '.buckets[]'", "",
        "Exit status: 0 hits found, 1 no hits, 2 usage error, bad query or missing index."})
final class TimelineCommand implements Callable<Integer> {
  private static final String[] EIGHTHS = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};

  @Spec CommandSpec spec;
  @Mixin IndexPathOption indexPath;

  @Parameters(arity = "0..*", paramLabel = "QUERY", description = "The query, in Lucene syntax (as for search).")
  List<String> query = new ArrayList<>();

  @Option(names = {"-b", "--by"}, paramLabel = "PERIOD", defaultValue = "month", description = "day, week, month or year (default: ${DEFAULT-VALUE}).")
  DateInterval by;

  @Option(names = "--from", paramLabel = "DATE", converter = DateSpan.Converter.class, description = "Only articles published on or after DATE (the date each article shows).")
  DateSpan from;

  @Option(names = "--to", paramLabel = "DATE", converter = DateSpan.Converter.class, description = "Only articles published on or before DATE (its last day; the date each article shows).")
  DateSpan to;

  @Option(names = {"-m", "--match"}, paramLabel = "MODE", defaultValue = "all", description = "all (default) or any.")
  SearchRequest.MatchMode match;

  @Option(names = "--json", description = "Print one JSON document (see docs/cli.md).")
  boolean json;

  @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto", description = "auto, always or never.")
  ColorMode color;

  @Mixin DebugOption debug;

  /**
   * One row of the chart: a period's first day (or null when the library's bucket is not a date), its label and
   * count; or a stretch of {@code emptyPeriods} empty periods too long to draw one by one (start null, count 0).
   */
  record Row(LocalDate start, String label, long count, long emptyPeriods) {
    Row(LocalDate start, String label, long count) {
      this(start, label, count, 0);
    }

    boolean isGap() {
      return emptyPeriods > 0;
    }
  }

  /**
   * Empty periods between two hits are drawn as empty rows up to this many in a row; a longer stretch is one line.
   * One article dated 1970-01-01 (common in scraped data) would otherwise put 18,000 empty days on the screen.
   */
  static final int MAX_EMPTY_ROWS = 24;

  @Override
  public Integer call() {
    SearchRequest request = SearchRequest.of(NewsdeskCli.queryText(query))
        .withLimit(1)
        .withMatch(match)
        .withHighlight(false, SearchRequest.Markers.DEFAULT)
        .withDateRange(from == null ? null : from.first(), to == null ? null : to.last())
        .withFacets(EnumSet.of(Facet.DATE), by);
    SearchResults results;
    try (NewsSearcher searcher = NewsSearcher.open(indexPath.resolve())) {
      results = searcher.search(request);
    }
    List<Row> rows = rows(results.facets().getOrDefault(Facet.DATE, List.of()), by);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(Json.writePretty(toJson(results, by, rows)));
    } else {
      CliEnvironment env = NewsdeskCli.environment(spec);
      print(out, results, rows, Palette.of(env.useColor(color)), env.width());
    }
    out.flush();
    return results.total() > 0 ? ExitCodes.OK : ExitCodes.NO_HITS;
  }

  /**
   * The histogram's buckets in time order, with the empty periods between them filled in: one row each, or one
   * gap row for a stretch longer than {@link #MAX_EMPTY_ROWS}.
   */
  static List<Row> rows(List<FacetCount> buckets, DateInterval by) {
    List<Row> rows = new ArrayList<>();
    for (FacetCount c : buckets) {
      LocalDate start = parseDate(c.value());
      if (start != null && !rows.isEmpty() && rows.get(rows.size() - 1).start() != null) {
        LocalDate last = rows.get(rows.size() - 1).start();
        long empty = periodsBetween(last, start, by) - 1;
        if (empty > MAX_EMPTY_ROWS) {
          rows.add(new Row(null, "", 0, empty));
        } else {
          for (LocalDate d = next(last, by); d.isBefore(start); d = next(d, by)) {
            rows.add(new Row(d, label(d, by), 0));
          }
        }
      }
      rows.add(new Row(start, start == null ? c.label() : label(start, by), c.count()));
    }
    return rows;
  }

  private static LocalDate parseDate(String value) {
    if (value == null || value.length() < 10) {
      return null;
    }
    try {
      return LocalDate.parse(value.substring(0, 10));
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static long periodsBetween(LocalDate from, LocalDate to, DateInterval by) {
    return switch (by) {
      case DAY -> ChronoUnit.DAYS.between(from, to);
      case WEEK -> ChronoUnit.WEEKS.between(from, to);
      case MONTH -> ChronoUnit.MONTHS.between(from, to);
      case YEAR -> ChronoUnit.YEARS.between(from, to);
    };
  }

  private static LocalDate next(LocalDate d, DateInterval by) {
    return switch (by) {
      case DAY -> d.plusDays(1);
      case WEEK -> d.plusWeeks(1);
      case MONTH -> d.plusMonths(1);
      case YEAR -> d.plusYears(1);
    };
  }

  static String label(LocalDate d, DateInterval by) {
    return switch (by) {
      case DAY -> d.toString();
      case WEEK -> d + String.format(Locale.ROOT, " W%02d", d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
      case MONTH -> d.toString().substring(0, 7);
      case YEAR -> Integer.toString(d.getYear());
    };
  }

  /** The documented {@code timeline --json} shape. */
  static Map<String, Object> toJson(SearchResults r, DateInterval by, List<Row> rows) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("query", r.query());
    m.put("total", r.total());
    m.put("by", by.name().toLowerCase(Locale.ROOT));
    m.put("fell_back_to_any", r.fellBackToAny());
    m.put("fell_back_to_entities", r.fellBackToEntities());
    m.put("ambiguous_filters", r.ambiguousFilters());
    List<Object> buckets = new ArrayList<>();
    for (Row row : rows) {
      if (row.isGap()) {
        continue; // a long empty stretch is left out; the starts of the buckets around it show it
      }
      Map<String, Object> b = new LinkedHashMap<>();
      b.put("start", row.start() == null ? null : row.start().toString());
      b.put("label", row.label());
      b.put("count", row.count());
      buckets.add(b);
    }
    m.put("buckets", buckets);
    m.put("undated", r.total() - rows.stream().mapToLong(Row::count).sum()); // hits in no bucket
    return m;
  }

  private void print(PrintWriter out, SearchResults r, List<Row> rows, Palette p, int width) {
    List<String> notices = HitPrinter.fallbackNotices(r, "counting");
    for (String notice : notices) {
      out.println(p.notice(notice));
    }
    if (!notices.isEmpty()) {
      out.println();
    }
    long max = rows.stream().mapToLong(Row::count).max().orElse(0);
    int labelWidth = rows.stream().mapToInt(row -> row.label().length()).max().orElse(0);
    int countWidth = Long.toString(max).length();
    int barWidth = Math.max(10, width - labelWidth - countWidth - 3);
    for (Row row : rows) {
      if (row.isGap()) {
        out.println(p.dim(String.format(Locale.ROOT, "%-" + labelWidth + "s %,d empty %ss", "⋮", row.emptyPeriods(),
            by.name().toLowerCase(Locale.ROOT))));
        continue;
      }
      String bar = bar(row.count(), max, barWidth);
      out.println(String.format(Locale.ROOT, "%-" + labelWidth + "s ", row.label())
          + p.dim(String.format(Locale.ROOT, "%" + countWidth + "d", row.count())) + " " + p.bar(bar));
    }
    long undated = r.total() - rows.stream().mapToLong(Row::count).sum();
    out.println();
    String what = r.total() == 1 ? "1 hit" : r.total() + " hits";
    out.println(p.number(what) + " by " + by.name().toLowerCase(Locale.ROOT) + " in " + r.tookMillis() + " ms"
        + (undated == 0 ? "" : rows.isEmpty() ? " · all undated: no date to chart" : " · " + undated + " undated"));
  }

  /** A bar of {@code width * count / max} cells, drawn to an eighth of a cell; never empty for a non-zero count. */
  static String bar(long count, long max, int width) {
    if (count <= 0 || max <= 0) {
      return "";
    }
    long eighths = Math.max(1, Math.round((double) count * width * 8 / max));
    return "█".repeat((int) (eighths / 8)) + EIGHTHS[(int) (eighths % 8)];
  }
}

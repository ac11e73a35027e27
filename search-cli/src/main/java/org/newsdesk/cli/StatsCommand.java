package org.newsdesk.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.newsdesk.schema.NewsSchema;
import org.newsdesk.search.NewsSearcher;
import org.newsdesk.search.SearchHit;
import org.newsdesk.search.SearchRequest;
import org.newsdesk.search.SearchRequest.Facet;
import org.newsdesk.search.SearchResults;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newsdesk stats}: what the index holds, at a glance. */
@Command(name = "stats", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Show what the index holds: articles, sources, date span, top entities, size on disk and the last build.",
    footer = {"", "Examples:", "  newsdesk stats", "  newsdesk stats --top 20", "  newsdesk stats --json | jq .articles",
        "  NEWSDESK_INDEX=/srv/news/index newsdesk stats", "",
        "Exit status: 0 the index has articles, 1 it is empty, 2 usage error or missing index."})
final class StatsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin IndexPathOption indexPath;

  @Option(names = "--top", paramLabel = "N", defaultValue = "5", description = "Entities and sources to list per kind (default: ${DEFAULT-VALUE}).")
  int top;

  @Option(names = "--json", description = "Print one JSON document (see docs/cli.md).")
  boolean json;

  @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto", description = "auto, always or never.")
  ColorMode color;

  @Mixin DebugOption debug;

  /** Everything {@code stats} reports. */
  record Stats(Path index, long articles, String oldest, String newest, Map<Facet, List<SearchResults.FacetCount>> facets,
      IndexFacts facts, Map<String, List<SearchResults.FacetCount>> otherTypes) {}

  @Override
  public Integer call() {
    if (top < 1) {
      throw new CliException("--top must be 1 or more, got " + top);
    }
    Path dir = indexPath.resolve();
    Stats stats;
    try (NewsSearcher searcher = NewsSearcher.open(dir)) {
      SearchRequest all = SearchRequest.of("").withLimit(1).withHighlight(false, SearchRequest.Markers.DEFAULT);
      // Every source bucket (up to the library's maximum), so that the number of sources is exact.
      EnumSet<Facet> facets = EnumSet.of(Facet.SOURCE, Facet.PERSON, Facet.LOCATION, Facet.ORGANIZATION);
      List<org.newsdesk.model.EntityType> others = searcher.otherEntityTypes();
      if (!others.isEmpty()) {
        facets.add(Facet.OTHER_TYPES); // the gazetteer's own types (EVENT), each with its top entities
      }
      SearchResults counts = searcher.search(all.withFacets(facets, SearchRequest.DateInterval.YEAR)
          .withFacetLimit(SearchRequest.MAX_LIMIT));
      Map<String, List<SearchResults.FacetCount>> byType = new LinkedHashMap<>();
      others.forEach(t -> byType.put(t.key(), new ArrayList<>()));
      for (SearchResults.FacetCount c : counts.facets().getOrDefault(Facet.OTHER_TYPES, List.of())) {
        searcher.entityType(c.value()).ifPresent(t -> byType.computeIfAbsent(t.key(), k -> new ArrayList<>()).add(c));
      }
      String oldest = firstDate(searcher.search(all.withSort(SearchRequest.SortOrder.OLDEST)));
      String newest = firstDate(searcher.search(all.withSort(SearchRequest.SortOrder.NEWEST)));
      stats = new Stats(dir, counts.total(), oldest, newest, counts.facets(), IndexFacts.read(dir), byType);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(Json.writePretty(toJson(stats, top)));
    } else {
      print(out, stats, Palette.of(NewsdeskCli.environment(spec).useColor(color)));
    }
    out.flush();
    return stats.articles() > 0 ? ExitCodes.OK : ExitCodes.NO_HITS;
  }

  private static String firstDate(SearchResults r) {
    return r.hits().stream().map(SearchHit::published).filter(p -> p != null).findFirst().map(p -> p.date().toString()).orElse(null);
  }

  /** The documented {@code stats --json} shape. */
  static Map<String, Object> toJson(Stats s, int top) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("index", s.index().toString());
    m.put("articles", s.articles());
    List<SearchResults.FacetCount> sources = s.facets().getOrDefault(Facet.SOURCE, List.of());
    m.put("sources", sources.size());
    Map<String, Object> span = new LinkedHashMap<>();
    span.put("from", s.oldest());
    span.put("to", s.newest());
    m.put("date_span", span);
    m.put("top_sources", buckets(sources, top));
    Map<String, Object> entities = new LinkedHashMap<>();
    entities.put("person", buckets(s.facets().getOrDefault(Facet.PERSON, List.of()), top));
    entities.put("location", buckets(s.facets().getOrDefault(Facet.LOCATION, List.of()), top));
    entities.put("organization", buckets(s.facets().getOrDefault(Facet.ORGANIZATION, List.of()), top));
    s.otherTypes().forEach((type, list) -> entities.put(type, buckets(list, top))); // the gazetteer's own types
    m.put("top_entities", entities);
    m.put("size_bytes", s.facts().sizeBytes());
    m.put("segments", s.facts().segments());
    m.put("built_at", s.facts().builtAt());
    m.put("schema_version", s.facts().userData().get(NewsSchema.USER_DATA_SCHEMA_VERSION));
    m.put("built_from", NewsSchema.sources(s.facts().userData()));
    return m;
  }

  private static List<Object> buckets(List<SearchResults.FacetCount> counts, int top) {
    List<Object> out = new ArrayList<>();
    for (SearchResults.FacetCount c : counts.subList(0, Math.min(top, counts.size()))) {
      Map<String, Object> b = new LinkedHashMap<>();
      b.put("value", c.value());
      b.put("label", c.label());
      b.put("count", c.count());
      out.add(b);
    }
    return out;
  }

  private void print(PrintWriter out, Stats s, Palette p) {
    int width = NewsdeskCli.environment(spec).width();
    List<SearchResults.FacetCount> sources = s.facets().getOrDefault(Facet.SOURCE, List.of());
    row(out, p, width, "index", s.index().toString());
    row(out, p, width, "articles", p.number(String.format(Locale.ROOT, "%,d", s.articles())));
    row(out, p, width, "sources", sources.size() + topList(sources, p));
    row(out, p, width, "date span",
        s.oldest() == null ? "no dated articles" : p.date(s.oldest()) + " to " + p.date(s.newest()));
    row(out, p, width, "persons", topList(s.facets().getOrDefault(Facet.PERSON, List.of()), p).strip());
    row(out, p, width, "locations", topList(s.facets().getOrDefault(Facet.LOCATION, List.of()), p).strip());
    row(out, p, width, "organizations", topList(s.facets().getOrDefault(Facet.ORGANIZATION, List.of()), p).strip());
    s.otherTypes().forEach((type, list) -> row(out, p, width, type + "s", topList(list, p).strip()));
    row(out, p, width, "size on disk", humanBytes(s.facts().sizeBytes()) + " in " + s.facts().segments() + " segment"
        + (s.facts().segments() == 1 ? "" : "s"));
    row(out, p, width, "last build", s.facts().builtAt() == null ? "unknown" : toSeconds(s.facts().builtAt()));
    List<String> builtFrom = NewsSchema.sources(s.facts().userData());
    row(out, p, width, "built from", builtFrom.isEmpty() ? "not recorded" : String.join(", ", builtFrom));
  }

  private String topList(List<SearchResults.FacetCount> counts, Palette p) {
    if (counts.isEmpty()) {
      return " -";
    }
    List<String> items = new ArrayList<>();
    for (SearchResults.FacetCount c : counts.subList(0, Math.min(top, counts.size()))) {
      // the spaces inside an item glued, so that a line breaks between names, not inside one
      items.add(p.entity(c.label().replace(' ', TextWrapper.GLUE)) + TextWrapper.GLUE + "(" + String.format(Locale.ROOT, "%,d", c.count()) + ")");
    }
    return "  " + String.join(", ", items);
  }

  /** The labels' column: 14 characters and a space. */
  private static final int VALUE_COLUMN = 15;

  /** A label and its value, the value wrapped to the width with its later lines under its first. */
  private static void row(PrintWriter out, Palette p, int width, String label, String value) {
    List<String> lines = TextWrapper.wrap(value, Math.max(10, width - VALUE_COLUMN));
    String indent = " ".repeat(VALUE_COLUMN);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      out.println(i == 0 ? p.bold(String.format(Locale.ROOT, "%-14s", label)) + " " + line : indent + line);
    }
    if (lines.isEmpty()) {
      out.println(p.bold(String.format(Locale.ROOT, "%-14s", label)));
    }
  }

  /** An ISO instant to the second for people ({@code --json} keeps it whole); as given if it is not one. */
  static String toSeconds(String instant) {
    try {
      return java.time.Instant.parse(instant).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    } catch (java.time.format.DateTimeParseException e) {
      return instant;
    }
  }

  static String humanBytes(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double v = bytes;
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
  }
}

package org.newsdesk.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.newsdesk.model.EntityType;
import org.newsdesk.schema.ShellWords;
import org.newsdesk.search.NewsSearcher;
import org.newsdesk.search.SearchHit;
import org.newsdesk.search.SearchRequest;
import org.newsdesk.search.SearchRequest.Facet;
import org.newsdesk.search.SearchResults;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code newsdesk search QUERY...}: ranked, filtered, highlighted hits for people, or one JSON document. */
@Command(name = "search", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Search the index: ranked hits with title, date, source, entities and a highlighted snippet.", "",
        "QUERY uses Lucene's classic syntax: AND, OR, NOT, \"phrases\", \"cease fire\"~2,",
        "prefix*, fields (title: body: person: location: org: entity: source:) and",
        "published:[2020-09-01 TO 2020-10-31]. Every word must match (see --match);",
        "when no article matches them all, the any-word hits are shown with a notice.", ""},
    footer = {"", "DATE is 2020-09-27, 2020-09 or 2020; a month or year means its whole span (--to 2020-09 ends on 30 Sep).",
        "Entity flags take a display name or any alias (--person Putin).", "",
        "Examples:",
        "  newsdesk search ceasefire",
        "  newsdesk search '\"cease fire\"~2' --sort newest --limit 5",
        "  newsdesk search ceasefire --person Putin --from 2020-10 --to 2020-11",
        "  newsdesk search --person Lavrov --sort newest     (no words: all it passes)",
        "  newsdesk search ceasefire --facets",
        "  newsdesk search ceasefire --json | jq -r '.hits[] | \"\\(.published) \\(.title)\"'",
        "  newsdesk search ceasefire --count",
        "  newsdesk search ceasefire --ids | head -1 | xargs newsdesk show", "",
        "Exit status: 0 hits found, 1 no hits, 2 usage error, bad query or missing index."})
final class SearchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin IndexPathOption indexPath;

  @Parameters(arity = "0..*", paramLabel = "QUERY",
      description = "The query, in Lucene syntax; several words are joined with spaces. None: every article the filters pass.")
  List<String> query;

  @Option(names = {"-n", "--limit"}, paramLabel = "N", defaultValue = "10", description = "Hits per page (default: ${DEFAULT-VALUE}, at most 1000).")
  int limit;

  @Option(names = {"-p", "--page"}, paramLabel = "N", defaultValue = "1", description = "Page of hits to show, from 1 (default: ${DEFAULT-VALUE}).")
  int page;

  @Option(names = {"-s", "--sort"}, paramLabel = "ORDER", defaultValue = "relevance",
      description = "relevance, newest or oldest (default: ${DEFAULT-VALUE}); ties are broken by id.")
  SearchRequest.SortOrder sort;

  @Option(names = "--from", paramLabel = "DATE", converter = DateSpan.Converter.class, description = "Only articles published on or after DATE (the date each article shows).")
  DateSpan from;

  @Option(names = "--to", paramLabel = "DATE", converter = DateSpan.Converter.class, description = "Only articles published on or before DATE (its last day; the date each article shows).")
  DateSpan to;

  @Option(names = "--person", paramLabel = "X", description = "Only articles about this person (repeat: all of them).")
  List<String> persons = new ArrayList<>();

  @Option(names = "--location", paramLabel = "X", description = "Only articles about this location (repeat: all of them).")
  List<String> locations = new ArrayList<>();

  @Option(names = {"--org", "--organization"}, paramLabel = "X", description = "Only articles about this organization (repeat: all of them).")
  List<String> organizations = new ArrayList<>();

  @Option(names = "--entity", paramLabel = "X", description = "Only articles about this entity of any type (repeat: all of them).")
  List<String> entities = new ArrayList<>();

  @Option(names = "--source", paramLabel = "X", description = "Only articles from this source (repeat: any of them; case-insensitive).")
  List<String> sources = new ArrayList<>();

  @Option(names = {"-m", "--match"}, paramLabel = "MODE", defaultValue = "all",
      description = "all: every term must match (default); any: any term may, ranked.")
  SearchRequest.MatchMode match;

  @Option(names = {"-f", "--facets"}, description = "Also count hits per person, location, organization, source and month.")
  boolean facets;

  @Option(names = "--cursor", paramLabel = "TOKEN", description = "Continue after the page that printed this next_cursor (--json), for deep paging.")
  String cursor;

  @Option(names = "--json", description = "Print one JSON document (see docs/cli.md).")
  boolean json;

  @Option(names = {"-c", "--count"}, description = "Print only the number of hits, like rg -c.")
  boolean count;

  @Option(names = {"-l", "--ids"}, description = "Print only the ids of this page's hits, one per line.")
  boolean idsOnly;

  @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
      description = "auto (when stdout is a terminal and NO_COLOR is unset), always or never.")
  ColorMode color;

  @Mixin DebugOption debug;

  @Override
  public Integer call() {
    return run(spec.commandLine().getOut(), spec.commandLine().getErr(), () -> NewsdeskCli.environment(spec));
  }

  /**
   * Runs the search outside picocli ({@link FastSearchArgs}): like {@code execute}, a failure is one line on
   * {@code err} and exit code 2.
   */
  int execute(PrintWriter out, PrintWriter err, CliEnvironment environment) {
    try {
      return run(out, err, () -> environment);
    } catch (Exception e) {
      return Failures.report(e, err, debug.debug);
    }
  }

  private int run(PrintWriter out, PrintWriter err, Supplier<CliEnvironment> environment) {
    SearchRequest request = request();
    StartupTrace.mark("arguments parsed");
    SearchResults results;
    Map<String, List<SearchResults.FacetCount>> facetCounts;
    long undatedLeftOut = 0;
    try (NewsSearcher searcher = NewsSearcher.open(indexPath.resolve())) {
      StartupTrace.mark("index opened (with the gazetteer)");
      if (facets && !searcher.otherEntityTypes().isEmpty()) { // a gazetteer's own types (events) are facets too
        Set<Facet> withOthers = EnumSet.of(Facet.OTHER_TYPES);
        withOthers.addAll(request.facets());
        request = request.withFacets(withOthers, request.interval());
      }
      results = searcher.search(request);
      facetCounts = namedFacets(results, searcher);
      StartupTrace.mark("searched");
      if (results.total() == 0 && (request.from() != null || request.to() != null)) {
        undatedLeftOut = undatedMatches(searcher, request);
      }
    }
    StartupTrace.mark("index closed");
    if ((count || idsOnly) && !json && results.fellBackToAny()) {
      // Scripts count and list the query as asked: the any-word fallback is for people reading the hits.
      if (count) {
        out.println(0);
      }
      out.flush();
      err.println("newsdesk: no article has all the words; --match any finds " + results.total());
      err.flush();
      return ExitCodes.NO_HITS;
    }
    if ((count || idsOnly) && !json && !results.fellBackToEntities().isEmpty()) {
      // Likewise the articles of an entity the words name: scripts ask for them with --entity or person:.
      if (count) {
        out.println(0);
      }
      out.flush();
      err.println("newsdesk: no article has the words; they name " + String.join(", ", results.fellBackToEntities())
          + " (" + results.total() + (results.total() == 1 ? " article" : " articles") + ": --entity "
          + ShellWords.quote(results.query()) + ")");
      err.flush();
      return ExitCodes.NO_HITS;
    }
    if (count || idsOnly) { // scripts get what they asked for; a person reading along is told on stderr
      for (String notice : HitPrinter.ambiguityNotices(results, count ? "counting" : "listing")) {
        err.println("newsdesk: " + notice);
      }
      err.flush();
    }
    if (json) {
      out.println(Json.writePretty(toJson(results, request, facetCounts)));
    } else if (count) {
      out.println(results.total());
      out.flush();
      emptyResultNotice(results, undatedLeftOut, err, null);
      return results.total() > 0 ? ExitCodes.OK : ExitCodes.NO_HITS; // the page asked for does not matter
    } else if (idsOnly) {
      results.hits().forEach(h -> out.println(h.id()));
      emptyResultNotice(results, undatedLeftOut, err, null);
    } else {
      CliEnvironment env = environment.get();
      Palette palette = Palette.of(env.useColor(color));
      new HitPrinter(out, palette, env.width()).print(results, request, facetCounts);
      emptyResultNotice(results, undatedLeftOut, out, palette);
    }
    out.flush();
    // A page past the last hit shows nothing: exit 1 like "no hits", with the printer's note saying why.
    boolean firstPage = request.offset() == 0 && request.cursor() == null;
    return results.total() > 0 && (firstPage || !results.hits().isEmpty()) ? ExitCodes.OK : ExitCodes.NO_HITS;
  }

  /**
   * How many articles the request would find without its date range that have no date at all: a date filter on an
   * undated archive (raw text files, BBC) finds nothing, and "0 hits" alone would say the words are not there.
   */
  private static long undatedMatches(NewsSearcher searcher, SearchRequest request) {
    SearchResults all = searcher.search(request.withDateRange(null, null).withLimit(1).withCursor(null).withOffset(0)
        .withHighlight(false, SearchRequest.Markers.DEFAULT)
        .withFacets(java.util.Set.of(SearchRequest.Facet.DATE), SearchRequest.DateInterval.YEAR));
    if (all.fellBackToAny() || !all.fellBackToEntities().isEmpty()) {
      return 0; // not the query as asked
    }
    long dated = all.facets().getOrDefault(SearchRequest.Facet.DATE, List.of()).stream()
        .mapToLong(SearchResults.FacetCount::count).sum();
    return all.total() - dated;
  }

  /**
   * Says why a search found nothing when it can: undated matches left out by the date range, or a query of stop words
   * only ({@code the}), which no index holds. On stdout for people, on stderr for scripts (null palette).
   */
  private static void emptyResultNotice(SearchResults results, long undated, PrintWriter to, Palette palette) {
    String notice = null;
    if (undated > 0) {
      notice = (undated == 1 ? "1 article matches" : undated + " articles match")
          + " without the date range but " + (undated == 1 ? "has" : "have") + " no date: --from and --to leave"
          + " undated articles out.";
    } else if (results.total() == 0 && onlyStopWords(results.query())) {
      String q = results.query().strip();
      boolean onePhrase = q.length() > 1 && q.startsWith("\"") && q.endsWith("\"") && q.indexOf('"', 1) == q.length() - 1;
      String shown = onePhrase ? q : q.indexOf('"') >= 0 ? "'" + q + "'" : "\"" + q + "\"";
      notice = shown + " has only stop words (the, of, to, ...), which are too common to be indexed: add a word that"
          + " is not one.";
    }
    if (notice != null) {
      to.println(palette == null ? "newsdesk: " + notice : palette.notice(notice));
      to.flush();
    }
  }

  /** A field the query syntax searches as analyzed text ({@code title:the}): its stop words are left out too. */
  private static final java.util.regex.Pattern TEXT_FIELD_PREFIX =
      java.util.regex.Pattern.compile("(?i)(?<![\\p{L}\\p{N}])(?:title|body|text|caption):");
  /** Any other field (an entity, the source, the date) is matched as given, stop words and all. */
  private static final java.util.regex.Pattern OTHER_FIELD_PREFIX =
      java.util.regex.Pattern.compile("[\\p{L}\\p{N}]:");

  /** Whether every word of a query is a stop word of the text fields, field names aside. */
  private static boolean onlyStopWords(String query) {
    String words = TEXT_FIELD_PREFIX.matcher(query).replaceAll(" ");
    return !OTHER_FIELD_PREFIX.matcher(words).find() && org.newsdesk.analysis.NewsAnalyzer.onlyStopWords(words);
  }

  /** The library request these options describe. */
  SearchRequest request() {
    outputModes(json, count, idsOnly);
    boolean noFilter = persons.isEmpty() && locations.isEmpty() && organizations.isEmpty() && entities.isEmpty()
        && sources.isEmpty() && from == null && to == null;
    if (query == null) {
      query = List.of(); // no words: the filters alone decide
    }
    if (String.join(" ", query).isBlank() && noFilter) {
      throw new CliException("empty query: give at least one word, or a filter such as --person or --from");
    }
    if (page < 1) {
      throw new CliException("--page must be 1 or more, got " + page);
    }
    if (cursor != null && page != 1) {
      throw new CliException("--page and --cursor both choose the page: give one of them");
    }
    if (from != null && to != null && to.last().isBefore(from.first())) {
      throw new CliException("--from " + from.first() + " is after --to " + to.last());
    }
    requireNames("--person", persons);
    requireNames("--location", locations);
    requireNames("--org", organizations);
    requireNames("--entity", entities);
    requireNames("--source", sources);
    long offset = (long) (page - 1) * limit;
    if (offset > SearchRequest.MAX_OFFSET) {
      throw new CliException("--page " + page + " is too deep (more than " + SearchRequest.MAX_OFFSET
          + " hits in); narrow the query or page with --cursor from --json output");
    }
    SearchRequest.Markers markers = json ? SearchRequest.Markers.DEFAULT : new SearchRequest.Markers(Palette.MATCH_START, Palette.MATCH_END);
    return SearchRequest.of(NewsdeskCli.queryText(query))
        .withLimit(limit)
        .withOffset((int) offset)
        .withCursor(cursor)
        .withSort(sort)
        .withMatch(match)
        .withPersons(persons)
        .withLocations(locations)
        .withOrganizations(organizations)
        .withEntities(entities)
        .withSources(sources)
        .withDateRange(from == null ? null : from.first(), to == null ? null : to.last())
        .withFacets(facets ? EnumSet.of(Facet.PERSON, Facet.LOCATION, Facet.ORGANIZATION, Facet.SOURCE, Facet.DATE) : Set.of(),
            SearchRequest.DateInterval.MONTH)
        .withHighlight(!(count || idsOnly), markers);
  }

  /** An entity or source filter given an empty value ({@code --person ""}, a shell variable that was not set). */
  private static void requireNames(String option, List<String> names) {
    if (names != null && names.stream().anyMatch(String::isBlank)) {
      throw new CliException(option + " needs a name: it was given an empty one");
    }
  }

  /**
   * {@code --json}, {@code --count} and {@code --ids} each choose the whole output, so at most one may be given: a
   * second one used to be ignored without a word.
   */
  static void outputModes(boolean json, boolean count, boolean ids) {
    List<String> given = new ArrayList<>();
    if (json) {
      given.add("--json");
    }
    if (count) {
      given.add("--count");
    }
    if (ids) {
      given.add("--ids");
    }
    if (given.size() > 1) {
      throw new CliException(String.join(" and ", given) + " each choose the output: give one of them");
    }
  }

  /** The documented {@code search --json} shape; keys are stable, new ones are only ever added. */
  static Map<String, Object> toJson(SearchResults r, SearchRequest request) {
    Map<String, List<SearchResults.FacetCount>> named = new LinkedHashMap<>();
    r.facets().forEach((f, buckets) -> named.put(f.name().toLowerCase(java.util.Locale.ROOT), buckets));
    return toJson(r, request, named);
  }

  /** As {@link #toJson(SearchResults, SearchRequest)}, with the facets as {@link #namedFacets} gives them. */
  static Map<String, Object> toJson(SearchResults r, SearchRequest request,
      Map<String, List<SearchResults.FacetCount>> facets) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("query", r.query());
    m.put("total", r.total());
    m.put("took_ms", r.tookMillis());
    m.put("suggestion", r.suggestion());
    m.put("fell_back_to_any", r.fellBackToAny());
    m.put("fell_back_to_entities", r.fellBackToEntities());
    m.put("ambiguous_filters", r.ambiguousFilters());
    m.put("offset", request.offset());
    m.put("limit", request.limit());
    m.put("next_cursor", r.nextCursor());
    List<Object> hits = new ArrayList<>();
    for (SearchHit h : r.hits()) {
      hits.add(hitJson(h));
    }
    m.put("hits", hits);
    m.put("facets", facetsJson(facets));
    return m;
  }

  static Map<String, Object> hitJson(SearchHit h) {
    Map<String, Object> hit = new LinkedHashMap<>();
    hit.put("id", h.id());
    hit.put("title", h.title());
    hit.put("published", h.published() == null ? null : h.published().toString());
    hit.put("source", h.source());
    hit.put("url", h.url());
    hit.put("score", h.score());
    hit.put("snippet", h.snippet());
    hit.put("entities", entitiesJson(h.entities()));
    return hit;
  }

  /** person, location and organization always present (possibly empty), then any user-defined types by name. */
  static Map<String, List<String>> entitiesJson(Map<String, List<String>> byType) {
    Map<String, List<String>> m = new LinkedHashMap<>();
    for (String key : EntityType.BUILT_IN.stream().map(EntityType::key).toList()) {
      m.put(key, byType.getOrDefault(key, List.of()));
    }
    new java.util.TreeMap<>(byType).forEach(m::putIfAbsent);
    return m;
  }

  /**
   * The facets by name, in the order they are shown: the built-in ones by their lower-case name ({@code person},
   * ..., {@code date}), then each type the index's gazetteer declares by its key ({@code event}), its own top
   * entities.
   */
  static Map<String, List<SearchResults.FacetCount>> namedFacets(SearchResults results, NewsSearcher searcher) {
    Map<String, List<SearchResults.FacetCount>> named = new LinkedHashMap<>();
    results.facets().forEach((f, buckets) -> {
      if (f != Facet.OTHER_TYPES) {
        named.put(f.name().toLowerCase(java.util.Locale.ROOT), buckets);
      }
    });
    List<SearchResults.FacetCount> others = results.facets().get(Facet.OTHER_TYPES);
    if (others != null) {
      for (org.newsdesk.model.EntityType type : searcher.otherEntityTypes()) {
        named.put(type.key(), others.stream()
            .filter(c -> searcher.entityType(c.value()).map(t -> t.key().equals(type.key())).orElse(false)).toList());
      }
    }
    return named;
  }

  /** Facet name to buckets {@code {"value","label","count"}}. */
  static Map<String, Object> facetsJson(Map<String, List<SearchResults.FacetCount>> facets) {
    Map<String, Object> m = new LinkedHashMap<>();
    facets.forEach((name, buckets) -> m.put(name, buckets.stream().map(SearchCommand::bucketJson).toList()));
    return m;
  }

  private static Map<String, Object> bucketJson(SearchResults.FacetCount c) {
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("value", c.value());
    b.put("label", c.label());
    b.put("count", c.count());
    return b;
  }
}

package org.newsdesk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.newsdesk.gazetteer.Gazetteer;
import org.newsdesk.index.enrich.Candidate;
import org.newsdesk.index.enrich.CandidateFinder;
import org.newsdesk.index.enrich.IndexedArticles;
import org.newsdesk.model.Article;
import org.newsdesk.search.NewsSearcher;
import org.newsdesk.search.SearchRequest;
import org.newsdesk.search.SearchRequest.Facet;
import org.newsdesk.search.SearchResults;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code newsdesk entities [QUERY]}: the most mentioned entities overall or among a query's hits, or with
 * {@code --candidates} the proper-noun phrases the gazetteer does not know. JSON shapes are in docs/entities.md.
 */
@Command(name = "entities", mixinStandardHelpOptions = true,
    description = "List the top entities overall or among a query's hits, or names the gazetteer lacks (--candidates).",
    footer = {"", "Examples:", "  newsdesk entities", "  newsdesk entities ceasefire --type person --limit 5",
        "  newsdesk entities --candidates --limit 30", "  newsdesk entities --json | jq '.entities.location[0]'",
        "", "Exit status: 0 when something is listed, 1 when nothing is, 2 on errors."})
final class EntitiesCommand implements Callable<Integer> {
  /** Hits examined by {@code --candidates QUERY}: the search library's deepest page. */
  private static final int MAX_HITS = SearchRequest.MAX_OFFSET + SearchRequest.MAX_LIMIT;

  @Spec CommandSpec spec;
  @Mixin IndexPathOption indexPath;
  @Mixin GazetteerOption gazetteerOption;
  @Mixin DebugOption debug;

  @Parameters(arity = "0..*", paramLabel = "QUERY",
      description = "Only count among this query's hits (default: all articles); several words are joined with spaces.")
  List<String> queryWords;

  /** The query, its words joined as search joins them; null when none was given. */
  private String query;

  @Option(names = "--type", paramLabel = "TYPE", converter = TypeConverter.class, completionCandidates = TypeNames.class,
      description = "Only this type: person, location, organization, or a type the gazetteer declares (event).")
  String type;

  /** What --type takes, for the completion scripts: the built-in types (an index's own are known once it is open). */
  static final class TypeNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return List.of("person", "location", "organization").iterator();
    }
  }

  @Option(names = {"-n", "--limit"}, paramLabel = "N", defaultValue = "10", description = "Entries per type (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--json", description = "Print one JSON document (shapes in docs/entities.md).")
  boolean json;

  @Option(names = "--candidates", description = "List proper-noun phrases the gazetteer does not know, with counts and an example sentence.")
  boolean candidates;

  @Option(names = "--min-count", paramLabel = "N", defaultValue = "2", description = "With --candidates: least occurrences (default: ${DEFAULT-VALUE}).")
  int minCount;

  @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto", description = "auto, always or never.")
  ColorMode color;

  @Override
  public Integer call() throws IOException {
    query = queryWords == null || queryWords.isEmpty() ? null : NewsdeskCli.queryText(queryWords);
    if (limit < 1 || limit > SearchRequest.MAX_LIMIT) {
      throw new CliException("--limit must be between 1 and " + SearchRequest.MAX_LIMIT + ", got " + limit);
    }
    if (minCount < 1) {
      throw new CliException("--min-count must be >= 1, got " + minCount);
    }
    // Options of the other listing are refused, not ignored: a silent --type or --min-count misleads.
    picocli.CommandLine.ParseResult given = spec.commandLine().getParseResult();
    if (candidates && given.hasMatchedOption("--type")) {
      throw new CliException("--type does not apply to --candidates (names the gazetteer lacks have no type yet;"
          + " each shows a guess)");
    }
    for (String option : new String[] {"--min-count", "--gazetteer", "--gazetteer-mode"}) {
      if (!candidates && given.hasMatchedOption(option)) {
        throw new CliException(option + " applies only with --candidates");
      }
    }
    Path index = indexPath.resolve();
    try (NewsSearcher searcher = NewsSearcher.open(index)) {
      return candidates ? candidates(searcher, index) : top(searcher);
    }
  }

  private int top(NewsSearcher searcher) {
    List<String> others = searcher.otherEntityTypes().stream().map(org.newsdesk.model.EntityType::key).toList();
    List<String> types = new ArrayList<>();
    if (type == null) {
      types.addAll(BUILT_IN.keySet());
      types.addAll(others); // a gazetteer's own types (EVENT) after the built-in ones, as in search --json
    } else if (BUILT_IN.containsKey(type) || others.contains(type)) {
      types.add(type);
    } else {
      throw new CliException("unknown entity type '" + type + "': person, location, organization"
          + (others.isEmpty() ? " (the index's gazetteer declares no other type)"
              : ", or a type the index's gazetteer declares: " + String.join(", ", others)));
    }
    Set<Facet> facets = new java.util.HashSet<>();
    types.forEach(t -> facets.add(BUILT_IN.getOrDefault(t, Facet.OTHER_TYPES)));
    SearchRequest request = SearchRequest.of(query == null ? "" : query).withLimit(1).withHighlight(false, SearchRequest.Markers.DEFAULT)
        .withFacets(facets, SearchRequest.DateInterval.MONTH).withFacetLimit(limit);
    SearchResults results = searcher.search(request);
    Map<String, List<SearchResults.FacetCount>> counts = new LinkedHashMap<>();
    for (String t : types) {
      Facet f = BUILT_IN.get(t);
      List<SearchResults.FacetCount> list = f != null ? results.facets().getOrDefault(f, List.of())
          : results.facets().getOrDefault(Facet.OTHER_TYPES, List.of()).stream()
              .filter(c -> searcher.entityType(c.value()).map(e -> e.key().equals(t)).orElse(false)).toList();
      counts.put(t, list.subList(0, Math.min(limit, list.size())));
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("query", query);
      doc.put("total", results.total());
      doc.put("fell_back_to_any", results.fellBackToAny());
      doc.put("fell_back_to_entities", results.fellBackToEntities());
      doc.put("ambiguous_filters", results.ambiguousFilters());
      Map<String, Object> byType = new LinkedHashMap<>();
      counts.forEach((t, list) -> byType.put(t, list.stream().map(c -> {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.value());
        m.put("name", c.label());
        m.put("articles", c.count());
        return m;
      }).toList()));
      doc.put("entities", byType);
      out.println(Json.writePretty(doc));
    } else {
      Palette p = Palette.of(NewsdeskCli.environment(spec).useColor(color));
      List<String> notices = HitPrinter.fallbackNotices(results, "counting");
      for (String notice : notices) {
        out.println(p.notice(notice));
      }
      if (!notices.isEmpty()) {
        out.println();
      }
      out.println((query == null ? "all articles" : "articles matching '" + query + "'") + ": "
          + p.number(Long.toString(results.total())) + " articles");
      counts.forEach((t, list) -> {
        out.println();
        out.println(p.bold(t));
        if (list.isEmpty()) {
          out.println("  (none)");
        }
        int width = list.stream().mapToInt(c -> Long.toString(c.count()).length()).max().orElse(1);
        int columns = NewsdeskCli.environment(spec).width();
        for (SearchResults.FacetCount c : list) {
          String n = Long.toString(c.count());
          String head = "  " + " ".repeat(width - n.length()) + p.number(n) + "  " + p.entity(c.label());
          String id = p.dim("(" + c.value() + ")");
          // the id after the name when the line has room, else on its own line under the name
          boolean fits = 2 + width + 2 + c.label().length() + 2 + c.value().length() + 2 <= columns;
          out.println(fits ? head + "  " + id : head);
          if (!fits) {
            out.println(" ".repeat(2 + width + 2) + id);
          }
        }
      });
    }
    out.flush();
    return counts.values().stream().allMatch(List::isEmpty) ? ExitCodes.NO_HITS : ExitCodes.OK;
  }

  private int candidates(NewsSearcher searcher, Path index) throws IOException {
    Gazetteer known = gazetteerOption.resolve(IndexedArticles.gazetteer(index));
    CandidateFinder finder = new CandidateFinder(known);
    long articles;
    if (query == null || query.isBlank()) {
      articles = IndexedArticles.forEach(index, finder::learn);
      IndexedArticles.forEach(index, finder::add);
    } else {
      List<Article> hits = hitsOf(searcher);
      hits.forEach(finder::learn);
      hits.forEach(finder::add);
      articles = hits.size();
    }
    List<Candidate> found = finder.candidates(minCount, limit);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("query", query);
      doc.put("articles", articles);
      doc.put("candidates", found.stream().map(c -> {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("phrase", c.phrase());
        m.put("count", c.count());
        m.put("articles", c.articles());
        m.put("type_guess", c.typeGuess().key());
        m.put("example", c.example());
        return m;
      }).toList());
      out.println(Json.writePretty(doc));
    } else {
      CliEnvironment env = NewsdeskCli.environment(spec);
      Palette p = Palette.of(env.useColor(color));
      for (String line : TextWrapper.wrap(String.format(Locale.ROOT,
          "names the gazetteer does not know, in %d %s (at least %d %s):", articles,
          articles == 1 ? "article" : "articles", minCount, minCount == 1 ? "mention" : "mentions"), env.width())) {
        out.println(line);
      }
      int width = found.stream().mapToInt(c -> Integer.toString(c.count()).length()).max().orElse(1);
      String indent = "  " + " ".repeat(width) + "  ";
      for (Candidate c : found) {
        String n = Integer.toString(c.count());
        out.println();
        String guess = "[" + c.typeGuess().key() + "? in " + c.articles() + " article" + (c.articles() == 1 ? "" : "s") + "]";
        String head = "  " + " ".repeat(width - n.length()) + p.number(n) + "  " + p.bold(c.phrase());
        if (indent.length() + c.phrase().length() + 2 + guess.length() <= env.width()) {
          out.println(head + "  " + p.dim(guess));
        } else { // the guess under the phrase when the line has no room for both
          out.println(head);
          out.println(indent + p.dim(guess));
        }
        // the example sentence wrapped under the phrase, to the terminal's width
        for (String line : TextWrapper.wrap("\"" + c.example() + "\"", Math.max(20, env.width() - indent.length()))) {
          out.println(indent + line);
        }
      }
      if (found.isEmpty()) {
        out.println("  (none)");
      }
    }
    out.flush();
    return found.isEmpty() ? ExitCodes.NO_HITS : ExitCodes.OK;
  }

  private List<Article> hitsOf(NewsSearcher searcher) {
    List<Article> out = new ArrayList<>();
    SearchRequest request = SearchRequest.of(query).withLimit(SearchRequest.MAX_LIMIT).withHighlight(false, SearchRequest.Markers.DEFAULT);
    for (int offset = 0; offset < MAX_HITS; offset += SearchRequest.MAX_LIMIT) {
      SearchResults page = searcher.search(request.withOffset(offset));
      page.hits().forEach(h -> searcher.get(h.id()).ifPresent(out::add));
      if (page.hits().size() < SearchRequest.MAX_LIMIT) {
        break;
      }
    }
    return out;
  }

  /** The built-in types' keys and facets, in the order they are listed. */
  private static final Map<String, Facet> BUILT_IN = new LinkedHashMap<>();

  static {
    BUILT_IN.put("person", Facet.PERSON);
    BUILT_IN.put("location", Facet.LOCATION);
    BUILT_IN.put("organization", Facet.ORGANIZATION);
  }

  /**
   * person, location, organization (or per, loc, org, organisation), case-insensitive, as their keys; any other word
   * as its lower-case key, checked against the index's gazetteer once it is open (a type it declares: event).
   */
  static final class TypeConverter implements picocli.CommandLine.ITypeConverter<String> {
    @Override
    public String convert(String value) {
      String v = value.strip().toLowerCase(Locale.ROOT);
      return switch (v) {
        case "person", "per" -> "person";
        case "location", "loc" -> "location";
        case "organization", "organisation", "org" -> "organization";
        default -> {
          if (!v.matches("[a-z][a-z0-9_]*")) {
            throw new picocli.CommandLine.TypeConversionException(
                "expected person, location, organization or a type the gazetteer declares, got '" + value + "'");
          }
          yield v;
        }
      };
    }
  }
}

package org.newsdesk.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.newsdesk.search.NewsSearcher;
import org.newsdesk.search.SearchHit;
import org.newsdesk.search.SearchRequest;
import org.newsdesk.search.SearchResults;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code newsdesk search QUERY...}: ranked hits with title, date, source and a snippet. */
@Command(name = "search", mixinStandardHelpOptions = true, description = "Search the index.",
    footer = {"", "Examples:", "  newsdesk search ceasefire", "  newsdesk search '\"cease fire\"~2' --json"})
final class SearchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin IndexPathOption indexPath;
  @Mixin DebugOption debug;

  @Parameters(arity = "1..*", paramLabel = "QUERY", description = "The query, in Lucene syntax.")
  List<String> query;

  @Option(names = {"-n", "--limit"}, defaultValue = "10", description = "Hits per page (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--json", description = "Print one JSON document.")
  boolean json;

  @Override
  public Integer call() {
    SearchRequest request = SearchRequest.of(String.join(" ", query)).withLimit(limit);
    SearchResults results;
    try (NewsSearcher searcher = NewsSearcher.open(indexPath.resolve())) {
      results = searcher.search(request);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(Json.writePretty(toJson(results)));
    } else {
      out.printf("%d hits (%d ms)%n%n", results.total(), results.tookMillis());
      int n = 1;
      for (SearchHit h : results.hits()) {
        out.printf("%d. %s%n   %s  %s%n   %s%n%n", n++, h.title() == null ? h.id() : h.title(),
            h.published() == null ? "undated" : h.published().date(), h.source() == null ? "" : h.source(),
            h.snippet().replace('\n', ' '));
      }
    }
    out.flush();
    return results.total() > 0 ? ExitCodes.OK : ExitCodes.NO_HITS;
  }

  static Map<String, Object> toJson(SearchResults r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("query", r.query());
    m.put("total", r.total());
    m.put("took_ms", r.tookMillis());
    m.put("suggestion", r.suggestion());
    List<Object> hits = new ArrayList<>();
    for (SearchHit h : r.hits()) {
      Map<String, Object> hit = new LinkedHashMap<>();
      hit.put("id", h.id());
      hit.put("title", h.title());
      hit.put("published", h.published() == null ? null : h.published().toString());
      hit.put("source", h.source());
      hit.put("url", h.url());
      hit.put("score", h.score());
      hit.put("snippet", h.snippet());
      hit.put("entities", h.entities());
      hits.add(hit);
    }
    m.put("hits", hits);
    m.put("facets", Map.of());
    return m;
  }
}

package org.newsdesk.cli;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.newsdesk.model.Article;
import org.newsdesk.search.NewsSearcher;
import org.newsdesk.search.SearchRequest;
import org.newsdesk.search.SearchResults;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code newsdesk similar ID}: the articles most like one article, by the library's more-like-this (the article's
 * most distinctive title and body words, weighted by how rare they are). Other coverage of the same event, follow-ups,
 * the wire copy a story was rewritten from.
 */
@Command(name = "similar", mixinStandardHelpOptions = true, sortOptions = false,
    description = "List the articles most like one article: other coverage of the same story, found by its most"
        + " distinctive words.",
    footer = {"", "Examples:", "  newsdesk similar mw-2020-10-12-022",
        "  newsdesk search ceasefire --ids | head -1 | xargs newsdesk similar --limit 5",
        "  newsdesk similar mw-2020-10-12-022 --json | jq -r '.hits[].title'", "",
        "Exit status: 0 similar articles found, 1 none or no article with that id, 2 usage error or missing index."})
final class SimilarCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin IndexPathOption indexPath;

  @Parameters(paramLabel = "ID", description = "The article id, as search prints it (--ids or --json).")
  String id;

  @Option(names = {"-n", "--limit"}, paramLabel = "N", defaultValue = "10",
      description = "How many articles (default: ${DEFAULT-VALUE}, at most 1000).")
  int limit;

  @Option(names = "--json", description = "Print one JSON document, shaped like search --json.")
  boolean json;

  @Option(names = {"-l", "--ids"}, description = "Print only the ids, one per line.")
  boolean idsOnly;

  @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto", description = "auto, always or never.")
  ColorMode color;

  @Mixin DebugOption debug;

  @Override
  public Integer call() {
    SearchCommand.outputModes(json, false, idsOnly);
    if (limit < 1 || limit > SearchRequest.MAX_LIMIT) {
      throw new CliException("--limit must be between 1 and " + SearchRequest.MAX_LIMIT + ", got " + limit);
    }
    Optional<Article> article;
    SearchResults like = null;
    try (NewsSearcher searcher = NewsSearcher.open(indexPath.resolve())) {
      article = searcher.get(id);
      if (article.isPresent()) {
        like = searcher.moreLikeThis(id, limit);
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    if (article.isEmpty()) {
      return ShowCommand.noSuchArticle(spec, id, indexPath.resolve());
    }
    SearchRequest shape = SearchRequest.of("").withLimit(limit);
    if (json) {
      out.println(Json.writePretty(SearchCommand.toJson(like, shape)));
    } else if (idsOnly) {
      like.hits().forEach(h -> out.println(h.id()));
    } else {
      CliEnvironment env = NewsdeskCli.environment(spec);
      Palette p = Palette.of(env.useColor(color));
      Article a = article.get();
      String title = a.title() == null || a.title().isBlank() ? a.id() : a.title();
      for (String line : TextWrapper.wrap("Articles like \"" + title + "\" (" + a.id() + "):", env.width())) {
        out.println(p.notice(line));
      }
      out.println();
      new HitPrinter(out, p, env.width()).printHits(like.hits(), 1);
      int n = like.hits().size();
      out.println(p.number(n == 1 ? "1 article" : n + " articles") + " in " + like.tookMillis() + " ms");
    }
    out.flush();
    return like.hits().isEmpty() ? ExitCodes.NO_HITS : ExitCodes.OK;
  }
}

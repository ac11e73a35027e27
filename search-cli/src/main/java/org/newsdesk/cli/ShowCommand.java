package org.newsdesk.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.newsdesk.model.EntityType;
import org.newsdesk.model.Article;
import org.newsdesk.model.Printable;
import org.newsdesk.model.TaggedEntity;
import org.newsdesk.search.NewsSearcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code newsdesk show ID...}: the whole cleaned article with its entities, for each id in turn. */
@Command(name = "show", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Print a whole cleaned article: title, date, source, url, entities with mention counts, caption and body.",
    footer = {"", "Examples:", "  newsdesk show a1b2c3", "  newsdesk search ceasefire --ids | xargs newsdesk show | less",
        "  newsdesk show a1b2c3 --json | jq -r '.entity_mentions[].name'", "",
        "Exit status: 0 shown, 1 no article with an id given (the others are shown), 2 usage error or missing index."})
final class ShowCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin IndexPathOption indexPath;

  @Parameters(arity = "1..*", paramLabel = "ID", description = "Article ids, as search prints them (--ids or --json).")
  List<String> ids;

  @Option(names = "--json", description = "Print the article as one JSON document (see docs/cli.md).")
  boolean json;

  @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto", description = "auto, always or never.")
  ColorMode color;

  @Mixin DebugOption debug;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    CliEnvironment env = NewsdeskCli.environment(spec);
    int code = ExitCodes.OK;
    boolean first = true;
    try (NewsSearcher searcher = NewsSearcher.open(indexPath.resolve())) {
      for (String id : ids) {
        Optional<Article> found = searcher.get(id);
        if (found.isEmpty()) {
          out.flush(); // the articles before it come first, as on a terminal
          code = noSuchArticle(spec, id, indexPath.resolve());
          continue;
        }
        if (json) { // one document per id: jq reads them one after another
          out.println(Json.writePretty(toJson(found.get())));
        } else {
          Palette p = Palette.of(env.useColor(color));
          if (!first) {
            out.println();
            out.println(p.dim("─".repeat(Math.min(env.width(), 40))));
            out.println();
          }
          print(out, found.get(), p, env.width());
        }
        first = false;
        out.flush();
        if (out.checkError()) {
          return code; // nothing reads the rest (| head)
        }
      }
    }
    return code;
  }

  /** The {@code show --json} shape: the {@code inspect --json} article plus each entity's id, type and mentions. */
  static Map<String, Object> toJson(Article a) {
    Map<String, Object> m = Json.article(a);
    m.put("entities", SearchCommand.entitiesJson(a.entityNamesByType()));
    List<Object> mentions = new ArrayList<>();
    for (TaggedEntity e : a.entities()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("id", e.id());
      x.put("name", e.name());
      x.put("type", e.type().name());
      x.put("mentions", e.mentions());
      mentions.add(x);
    }
    m.put("entity_mentions", mentions);
    return m;
  }

  private static void print(PrintWriter out, Article a, Palette p, int width) {
    for (String line : TextWrapper.wrap(a.title() == null ? a.id() : a.title(), width)) {
      out.println(p.bold(line));
    }
    List<String> meta = new ArrayList<>();
    meta.add(p.date(a.published() == null ? "undated" : a.published().toString()));
    if (a.source() != null) {
      meta.add(p.source(a.source()));
    }
    if (a.author() != null) {
      meta.add("by " + a.author());
    }
    out.println(String.join(p.dim(" · "), meta));
    if (a.url() != null) {
      out.println(p.dim(a.url()));
    }
    TextWrapper.wrap("id " + a.id() + (a.origin() == null ? "" : " · from " + a.origin()), width)
        .forEach(line -> out.println(p.dim(line)));
    Map<String, List<String>> byType = new LinkedHashMap<>();
    for (String type : EntityType.BUILT_IN.stream().map(EntityType::key).toList()) {
      byType.put(type, new ArrayList<>());
    }
    for (TaggedEntity e : a.entities()) {
      byType.computeIfAbsent(e.type().key(), k -> new ArrayList<>()).add(p.entity(e.name()) + " (" + e.mentions() + ")");
    }
    byType.values().removeIf(List::isEmpty);
    byType.forEach((type, names) -> {
      String label = type.substring(0, 1).toUpperCase(Locale.ROOT) + type.substring(1) + (names.size() > 1 ? "s" : "") + ": ";
      List<String> lines = TextWrapper.wrap(String.join(", ", names), Math.max(10, width - label.length()));
      for (int i = 0; i < lines.size(); i++) {
        out.println((i == 0 ? p.bold(label) : " ".repeat(label.length())) + lines.get(i));
      }
    });
    if (a.caption() != null && !a.caption().isBlank()) {
      out.println();
      String caption = "Photo: " + a.caption() + (a.credit() == null ? "" : " (" + a.credit() + ")");
      TextWrapper.wrap(caption, width).forEach(line -> out.println(p.dim(line)));
    }
    for (String paragraph : a.body().split("\\n\\s*\\n")) {
      out.println();
      TextWrapper.wrap(paragraph, width).forEach(out::println);
    }
  }

  /** Says on stderr that the index has no article {@code id} (the commands that take an id); exit code 1. */
  static int noSuchArticle(CommandSpec spec, String id, java.nio.file.Path index) {
    spec.commandLine().getErr().println(Printable.escape("newsdesk: no article with id '" + id + "' in " + index
        + " (ids are what `newsdesk search --ids` prints)"));
    spec.commandLine().getErr().flush();
    return ExitCodes.NO_HITS;
  }
}

package org.newsdesk.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.newsdesk.index.Generation;
import org.newsdesk.index.IndexBuilder;
import org.newsdesk.index.IndexStateException;
import org.newsdesk.index.RollbackReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code newsdesk rollback}: return the index to its previous generation. */
@Command(name = "rollback", mixinStandardHelpOptions = true,
    description = {"Return the index to its previous generation (the build before the current one) in one commit;"
        + " searchers switch to it on their next query. Rebuilds keep the last 2 generations (rebuild --keep N)."
        + " A second rollback goes one generation further back, if one is kept.",
        "Exit codes: 0 rolled back (or listed); 2 nothing to roll back to, or a builder is running."},
    footer = {"", "Examples:", "  newsdesk rollback --list", "  newsdesk rollback --index /srv/news/index"})
final class RollbackCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin IndexPathOption indexPath;
  @Mixin DebugOption debug;

  @Option(names = "--list", description = "Only list the kept generations, newest first.")
  boolean list;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    try {
      if (list) {
        List<Generation> generations = IndexBuilder.generations(indexPath.resolve());
        if (json) {
          out.println(Json.writePretty(Map.of("generations", generations.stream().map(RollbackCommand::toJson).toList())));
        } else {
          generations.forEach(g -> out.println(describe(g)));
        }
      } else {
        RollbackReport r = IndexBuilder.rollback(indexPath.resolve());
        if (json) {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("from", toJson(r.from()));
          m.put("to", toJson(r.to()));
          m.put("duration_ms", r.duration().toMillis());
          out.println(Json.writePretty(m));
        } else {
          out.printf(java.util.Locale.ROOT, "rolled back in %.1f s%n  from: %s%n  to:   %s%n", r.duration().toMillis() / 1000.0, describe(r.from()), describe(r.to()));
        }
      }
    } catch (IndexStateException e) {
      throw new CliException(e.getMessage(), e);
    }
    out.flush();
    return ExitCodes.OK;
  }

  static String describe(Generation g) {
    return String.format(java.util.Locale.ROOT, "%s generation %d: %s articles, built %s (%s)", g.current() ? "*" : " ",
        g.commit(), g.articles() < 0 ? "?" : Long.toString(g.articles()), g.builtAt() == null ? "at an unknown time" : g.builtAt().toString(), g.mode());
  }

  static Map<String, Object> toJson(Generation g) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("generation", g.commit());
    m.put("articles", g.articles());
    m.put("built_at", g.builtAt() == null ? null : g.builtAt().toString());
    m.put("mode", g.mode());
    m.put("current", g.current());
    return m;
  }

  static List<Object> toJson(List<Generation> gs) {
    List<Object> out = new ArrayList<>();
    gs.forEach(g -> out.add(toJson(g)));
    return out;
  }
}

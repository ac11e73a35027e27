package org.newsdesk.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.newsdesk.index.IndexBuilder;
import org.newsdesk.index.IndexHealth;
import org.newsdesk.index.IndexStateException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code newsdesk check}: check the index for corruption (Lucene CheckIndex). */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = {"Check the index for corruption with Lucene's CheckIndex (reads every byte; changes nothing).",
        "Exit codes: 0 clean; 2 corrupt, missing, or a builder is running."},
    footer = {"", "Examples:", "  newsdesk check", "  newsdesk check --index /srv/news/index --json"})
final class CheckCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin IndexPathOption indexPath;
  @Mixin DebugOption debug;

  @Option(names = "--json", description = "Print the result as JSON.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    IndexHealth h;
    try {
      h = IndexBuilder.check(indexPath.resolve());
    } catch (IndexStateException e) {
      throw new CliException(e.getMessage(), e);
    }
    boolean ok = h.clean() && h.corruption().isEmpty();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("clean", ok);
      m.put("segments_file", h.segmentsFile());
      m.put("segments", h.segments());
      m.put("articles", h.articles());
      m.put("corruption", h.corruption());
      m.put("warnings", h.warnings());
      m.put("generations", RollbackCommand.toJson(h.generations()));
      out.println(Json.writePretty(m));
    } else if (ok) {
      out.printf(java.util.Locale.ROOT, "index %s is clean: %s, %d segments, %d articles%n", indexPath.resolve(), h.segmentsFile(), h.segments(), h.articles());
      h.generations().forEach(g -> out.println(RollbackCommand.describe(g)));
    }
    h.warnings().forEach(w -> err.println("newsdesk: warning: " + w));
    if (!ok) {
      err.println("newsdesk: index " + indexPath.resolve() + " is CORRUPT:");
      h.corruption().forEach(c -> err.println("newsdesk:   " + c));
    }
    out.flush();
    err.flush();
    return ok ? ExitCodes.OK : ExitCodes.ERROR;
  }
}

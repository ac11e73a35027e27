package org.newsdesk.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.newsdesk.index.IndexBuilder;
import org.newsdesk.index.IndexOptions;
import org.newsdesk.index.IndexReport;
import org.newsdesk.index.corpus.InputProblem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code newsdesk index PATH...}: add or update the articles found under the paths. */
@Command(name = "index", mixinStandardHelpOptions = true, description = "Add or update articles in the index.",
    footer = {"", "Examples:", "  newsdesk index sample-corpus", "  newsdesk index archive/2020 --index /srv/news/index"})
final class IndexCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin IndexPathOption indexPath;
  @Mixin DebugOption debug;
  @Mixin GazetteerOption gazetteer;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or directories to read.")
  List<Path> paths;

  @Option(names = "--json", description = "Print the report as JSON.")
  boolean json;

  @Option(names = {"-q", "--quiet"}, description = "Print nothing but errors.")
  boolean quiet;

  @Override
  public Integer call() throws Exception {
    IndexReport report = IndexBuilder.index(paths, IndexOptions.defaults(indexPath.resolve()).withGazetteer(gazetteer.resolve()), msg -> {});
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    for (InputProblem p : report.problems()) {
      err.println("newsdesk: " + (p.skipped() ? "skipped " : "warning ") + p);
    }
    if (json) {
      out.println(Json.writePretty(toJson(report)));
    } else if (!quiet) {
      out.printf("indexed %d articles (%d added, %d updated, %d unchanged, %d skipped) from %d files in %.1f s%n",
          report.indexed(), report.added(), report.updated(), report.unchanged(), report.skippedTotal(), report.files(),
          report.duration().toMillis() / 1000.0);
    }
    out.flush();
    err.flush();
    return report.skippedTotal() > 0 ? ExitCodes.NO_HITS : ExitCodes.OK;
  }

  static Map<String, Object> toJson(IndexReport r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("added", r.added());
    m.put("updated", r.updated());
    m.put("deleted", r.deleted());
    m.put("unchanged", r.unchanged());
    m.put("skipped", r.skippedTotal());
    m.put("skipped_by_reason", r.skipped());
    m.put("errors", r.problems().stream().map(p -> Map.of("location", p.location(), "kind", p.kind().name(),
        "reason", p.reason(), "skipped", p.skipped())).toList());
    m.put("files", r.files());
    m.put("duration_ms", r.duration().toMillis());
    return m;
  }
}

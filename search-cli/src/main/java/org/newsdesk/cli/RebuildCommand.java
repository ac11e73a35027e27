package org.newsdesk.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.newsdesk.index.IndexBuilder;
import org.newsdesk.index.IndexOptions;
import org.newsdesk.index.IndexReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code newsdesk rebuild SOURCE...}: make the index mirror its sources exactly, doing only the work that changed. */
@Command(name = "rebuild", mixinStandardHelpOptions = true,
    description = {"Make the index mirror its sources exactly: add new articles, update changed ones, delete those whose"
        + " source is gone. Unchanged files are not re-read; a changed schema re-processes everything, a changed"
        + " gazetteer re-tags. Searches keep working on the previous generation until the single commit at the end;"
        + " a killed rebuild leaves it intact.",
        "Exit codes: 0 all sources processed; 1 done, some inputs skipped; 2 failed, nothing committed, previous index intact."},
    footer = {"", "Examples:", "  newsdesk rebuild /srv/news/archive /srv/news/feeds --index /srv/news/index",
        "  newsdesk rebuild sample-corpus --full --json"})
final class RebuildCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin IndexPathOption indexPath;
  @Mixin DebugOption debug;
  @Mixin IndexCommand.BuildOptions build;

  @Parameters(arity = "1..*", paramLabel = "SOURCE", description = "Files or directories the index must mirror.")
  List<Path> sources;

  @Option(names = "--full", description = "Re-process everything from scratch (the old generation stays searchable until the commit).")
  boolean full;

  @Option(names = "--allow-empty", description = "Let a rebuild that finds no input files delete every article. Without"
      + " it such a rebuild fails and changes nothing: an unmounted or emptied source must not empty the index.")
  boolean allowEmpty;

  @Override
  public Integer call() throws Exception {
    return build.run(spec, "rebuild", () -> {
      IndexOptions options = build.options(indexPath.resolve());
      try (IndexCommand.BuildLog log = new IndexCommand.BuildLog(spec, "rebuild", build.quiet)) {
        IndexReport report = IndexBuilder.rebuild(sources, options, full, allowEmpty, log);
        return build.finish(spec, "rebuild", report, log);
      }
    });
  }
}

package org.newsdesk.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.newsdesk.index.BuildCpu;
import org.newsdesk.index.BuildListener;
import org.newsdesk.index.IndexBuilder;
import org.newsdesk.index.IndexOptions;
import org.newsdesk.index.IndexReport;
import org.newsdesk.index.corpus.CorpusFormat;
import org.newsdesk.index.corpus.InputProblem;
import org.newsdesk.schema.ArticleDocuments;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code newsdesk index PATH...}: add or update the articles found under the paths (never deletes). */
@Command(name = "index", mixinStandardHelpOptions = true,
    description = {"Add or update articles in the index; never deletes (use rebuild to mirror the sources).",
        "Exit codes: 0 all inputs indexed; 1 done, some inputs skipped; 2 failed, nothing committed."},
    footer = {"", "Examples:", "  newsdesk index sample-corpus", "  newsdesk index archive/2020 --index /srv/news/index"})
final class IndexCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin IndexPathOption indexPath;
  @Mixin DebugOption debug;
  @Mixin BuildOptions build;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or directories to read.")
  List<Path> paths;

  @Override
  public Integer call() throws Exception {
    return build.run(spec, "index", () -> {
      IndexOptions options = build.options(indexPath.resolve());
      try (BuildLog log = new BuildLog(spec, "index", build.quiet)) {
        IndexReport report = IndexBuilder.index(paths, options, log);
        return build.finish(spec, "index", report, log);
      }
    });
  }

  /** The options every build command shares, and how a build's report is printed. */
  static final class BuildOptions {
    @Option(names = "--json", description = "Print the report as one JSON document on stdout.")
    boolean json;

    @Option(names = {"-q", "--quiet"}, description = "Log nothing but problems and errors on stderr.")
    boolean quiet;

    @Option(names = "--format", paramLabel = "FORMAT",
        description = "Read every input as this format (raw, jsonl, html, warc, trec, reuters) instead of detecting it per file.")
    String format;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads for cleaning, tagging and analysis (default: one per core).")
    Integer threads;
    /** More workers than this only contend: each holds an analysis chain and a share of the RAM buffer. */
    static final int MAX_THREADS = 256;


    @Option(names = "--ram-mb", paramLabel = "MB", description = "Lucene's indexing RAM buffer in MB (default: ${DEFAULT-VALUE}).",
        defaultValue = "" + IndexOptions.DEFAULT_RAM_BUFFER_MB)
    double ramMb;

    @Option(names = "--keep", paramLabel = "N",
        description = "Completed builds to keep for `newsdesk rollback` (default: ${DEFAULT-VALUE}: this one and the one before).",
        defaultValue = "" + IndexOptions.DEFAULT_KEEP)
    int keep;

    @Mixin GazetteerOption gazetteer;

    /** The library options these flags describe. */
    IndexOptions options(Path indexDir) {
      // The options in the user's words (the library's checks name its own parameters).
      if (threads != null && (threads < 1 || threads > MAX_THREADS)) {
        throw new CliException("--threads must be between 1 and " + MAX_THREADS + ", got " + threads);
      }
      if (!(ramMb >= 1)) {
        throw new CliException("--ram-mb must be at least 1 (MB), got " + java.math.BigDecimal.valueOf(ramMb)
            .stripTrailingZeros().toPlainString());
      }
      if (keep < 1) {
        throw new CliException("--keep must be >= 1, got " + keep);
      }
      IndexOptions o = IndexOptions.defaults(indexDir)
          .withRamBufferMb(ramMb)
          .withKeep(keep)
          .withFormat(format == null ? Optional.empty() : Optional.of(CorpusFormat.fromCliName(format)));
      if (threads != null) {
        o = o.withThreads(threads);
      }
      o = o.withGazetteer(gazetteer.resolve());
      return o;
    }

    /**
     * Runs a build; when it fails with {@code --json}, stdout still gets a JSON document, {@code {"command",
     * "exit_code": 2, "error"}} (the same one-line error as stderr), so that a script or a journal reading the report
     * sees the failure. The exception then goes on to the usual handling (stderr, exit code 2).
     */
    int run(CommandSpec spec, String command, java.util.concurrent.Callable<Integer> build) throws Exception {
      try {
        return build.call();
      } catch (Exception e) {
        if (json) {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("command", command);
          m.put("exit_code", ExitCodes.ERROR);
          m.put("error", Failures.message(e));
          PrintWriter out = spec.commandLine().getOut();
          out.println(Json.writePretty(m));
          out.flush();
        }
        throw e;
      }
    }

    /** Prints the report and returns the exit code: 0 all processed, 1 some inputs skipped. */
    int finish(CommandSpec spec, String command, IndexReport report, BuildLog log) {
      int code = report.skippedTotal() > 0 ? ExitCodes.NO_HITS : ExitCodes.OK;
      log.close(); // the bar's final state first: the summary must not land on its line
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        out.println(Json.writePretty(toJson(command, report, code)));
      } else if (!quiet) {
        out.println(summary(command, report));
      }
      out.flush();
      log.done(report, code);
      return code;
    }
  }

  /** One line saying what a build did. */
  static String summary(String command, IndexReport r) {
    StringBuilder reasons = new StringBuilder();
    r.skipped().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> reasons
        .append(reasons.length() == 0 ? "" : ", ").append(e.getValue()).append(' ')
        .append(e.getKey().name().toLowerCase(java.util.Locale.ROOT)));
    String skipped = r.skippedTotal() == 0 ? "0 skipped" : r.skippedTotal() + " skipped (" + reasons + ")";
    return String.format(java.util.Locale.ROOT,
        "%s (%s): %d added, %d updated, %d deleted, %d unchanged, %s; %d %s (%d unchanged, not re-read) in %.1f s; %s",
        command, r.mode(), r.added(), r.updated(), r.deleted(), r.unchanged(), skipped, r.files(),
        r.files() == 1 ? "file" : "files", r.filesUnchanged(),
        r.duration().toMillis() / 1000.0, r.committed() ? "committed generation " + r.generation() : "nothing to commit");
  }

  /** The {@code --json} shape of a build report. */
  static Map<String, Object> toJson(String command, IndexReport r, int exitCode) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("command", command);
    m.put("mode", r.mode());
    m.put("added", r.added());
    m.put("updated", r.updated());
    m.put("deleted", r.deleted());
    m.put("unchanged", r.unchanged());
    m.put("skipped", r.skippedTotal());
    Map<String, Long> byReason = new LinkedHashMap<>();
    r.skipped().entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(e -> byReason.put(e.getKey().name().toLowerCase(java.util.Locale.ROOT), e.getValue()));
    m.put("skipped_by_reason", byReason);
    m.put("errors", r.problems().stream().map(IndexCommand::problemJson).toList());
    m.put("files", r.files());
    m.put("files_unchanged", r.filesUnchanged());
    m.put("committed", r.committed());
    m.put("generation", r.committed() ? r.generation() : null);
    m.put("duration_ms", r.duration().toMillis());
    m.put("cpu_ms", cpuJson(r.cpu()));
    m.put("exit_code", exitCode);
    return m;
  }

  /** The stage times in milliseconds of CPU, or null when the JVM could not measure them. */
  private static Map<String, Object> cpuJson(BuildCpu cpu) {
    if (!cpu.measured()) {
      return null;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("read", cpu.read().toMillis());
    m.put("clean", cpu.clean().toMillis());
    m.put("tag", cpu.tag().toMillis());
    m.put("index", cpu.index().toMillis());
    m.put("commit", cpu.commit().toMillis());
    m.put("process", cpu.process().isZero() ? null : cpu.process().toMillis());
    return m;
  }

  /**
   * The stage times as the log's last line says them: {@code read 0.41 s, clean 0.93 s (45% of the workers' CPU), tag
   * 0.10 s, index 1.02 s, commit 0.05 s; whole process 2.71 s}; null when they were not measured.
   */
  static String cpuSummary(BuildCpu cpu) {
    if (!cpu.measured()) {
      return null;
    }
    double share = cpu.cleanShareOfWorkers();
    return String.format(java.util.Locale.ROOT, "read %.2f s, clean %.2f s%s, tag %.2f s, index %.2f s, commit %.2f s%s",
        seconds(cpu.read()), seconds(cpu.clean()),
        Double.isNaN(share) || cpu.clean().isZero() ? "" : String.format(java.util.Locale.ROOT, " (%.0f%% of the workers' CPU)", 100 * share),
        seconds(cpu.tag()), seconds(cpu.index()), seconds(cpu.commit()),
        cpu.process().isZero() ? "" : String.format(java.util.Locale.ROOT, "; whole process %.2f s", seconds(cpu.process())));
  }

  private static double seconds(java.time.Duration d) {
    return d.toNanos() / 1e9;
  }

  private static Map<String, Object> problemJson(InputProblem p) {
    Map<String, Object> m = new LinkedHashMap<>();
    String file = ArticleDocuments.originFile(p.location());
    String rest = p.location().substring(file.length());
    m.put("file", file);
    m.put("line", rest.startsWith(":") ? Long.valueOf(rest.substring(1)) : null);
    m.put("record", rest.startsWith("#") ? rest.substring(1) : null);
    m.put("kind", p.kind().name().toLowerCase(java.util.Locale.ROOT));
    m.put("reason", p.reason());
    m.put("skipped", p.skipped());
    return m;
  }

  /**
   * A build's log for cron and the journal: timestamped lines on stderr ({@code 2026-01-01T03:00:00.000Z newsdesk
   * rebuild: ...}), problems as they are found. On a terminal (and not {@code --quiet}) a {@link ProgressDisplay} bar
   * shows articles done and the current file; off a terminal (cron, systemd) no bar is drawn.
   */
  static final class BuildLog implements BuildListener, AutoCloseable {
    private final PrintWriter err;
    private final String command;
    private final boolean quiet;
    private final ProgressDisplay display;
    /** How many warnings of one kind are logged one by one; the rest are counted in one line at the end. */
    static final int WARNINGS_SHOWN = 20;
    /** Likewise for skipped inputs, with more room: each is an article not indexed (Reuters has 1,798 briefs). */
    static final int SKIPS_SHOWN = 100;
    private final Map<InputProblem.Kind, Integer> warningsByKind = new java.util.EnumMap<>(InputProblem.Kind.class);
    private final Map<InputProblem.Kind, Integer> skipsByKind = new java.util.EnumMap<>(InputProblem.Kind.class);

    BuildLog(CommandSpec spec, String command, boolean quiet) {
      this.err = spec.commandLine().getErr();
      this.command = command;
      this.quiet = quiet;
      this.display = ProgressDisplay.open(command.equals("index") ? "indexing" : "rebuilding", -1, spec, quiet);
    }

    @Override
    public synchronized void log(String message) {
      if (!quiet) {
        line(message);
      }
    }

    @Override
    public synchronized void problem(InputProblem problem) {
      // Warnings of one kind stop after WARNINGS_SHOWN: an archive without dates would otherwise log thousands of
      // lines at every run, burying the skips; skips of one kind after SKIPS_SHOWN. The rest are counted at the end.
      if (problem.skipped() ? skipsByKind.merge(problem.kind(), 1, Integer::sum) > SKIPS_SHOWN
          : warningsByKind.merge(problem.kind(), 1, Integer::sum) > WARNINGS_SHOWN) {
        return;
      }
      line((problem.skipped() ? "skipped " : "warning ") + problem);
    }

    @Override
    public void progress(long filesDone, long filesTotal) {
      display.message("file " + filesDone + "/" + filesTotal);
    }

    @Override
    public void articles(long n) {
      display.advance(n);
    }

    void done(IndexReport report, int code) {
      display.close();
      skipsByKind.forEach((kind, n) -> {
        if (n > SKIPS_SHOWN) {
          line("skipped: " + (n - SKIPS_SHOWN) + " more " + kind.name().toLowerCase(java.util.Locale.ROOT)
              + " skips not shown (--json lists every problem)");
        }
      });
      warningsByKind.forEach((kind, n) -> {
        if (n > WARNINGS_SHOWN) {
          line("warning: " + (n - WARNINGS_SHOWN) + " more " + kind.name().toLowerCase(java.util.Locale.ROOT)
              + " warnings not shown (--json lists every problem)");
        }
      });
      String cpu = cpuSummary(report.cpu());
      log("done in " + report.duration().toMillis() + " ms, exit code " + code + (cpu == null ? "" : "; CPU: " + cpu));
    }

    @Override
    public void close() {
      display.close();
    }

    private void line(String message) {
      display.above(() -> {
        err.println(Instant.now().truncatedTo(ChronoUnit.MILLIS) + " newsdesk " + command + ": " + message);
        err.flush();
      });
    }
  }
}

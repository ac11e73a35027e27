package org.newsdesk.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.newsdesk.bench.corpus.CorpusSpec;
import org.newsdesk.bench.corpus.OutputFormat;
import org.newsdesk.bench.corpus.SyntheticCorpus;
import org.newsdesk.gazetteer.Gazetteer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench/run all}: generates the shared 100k-article corpus once, then runs every benchmark registered in
 * {@code bench/benchmarks.tsv} as its own {@code bench/run NAME} process, one after the other, each within a time
 * limit, and writes a Markdown report with each one's exit code, duration and closing lines.
 *
 * <p>Every benchmark gets the corpus as the environment variables {@code NEWSDESK_BENCH_CORPUS} (a JSON Lines
 * directory) and {@code NEWSDESK_BENCH_WORK} (a scratch directory); the suite's own benchmarks also get it as
 * arguments. Tools (a description starting with a parenthesized word, such as {@code generate}) are not run.
 */
@Command(name = "all", mixinStandardHelpOptions = true,
    description = "Runs every registered benchmark on the 100k-article synthetic corpus and writes a report.",
    footer = {"", "Examples:", "  bench/run all", "  bench/run all --only indexing,scale --limit-minutes 20"})
public final class Suite implements Callable<Integer> {
  /** Registered names that are tools, not benchmarks. */
  private static final Set<String> TOOLS = Set.of("generate", "all");

  @Option(names = "--articles", defaultValue = "100000", description = "size of the shared corpus (default ${DEFAULT-VALUE})")
  long articles;

  @Option(names = "--seed", defaultValue = "42", description = "generator seed (default ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--work", description = "work directory (default: \\$TMPDIR/newsdesk-bench)")
  Path work;

  @Option(names = "--only", split = ",", description = "run only these benchmarks")
  List<String> only;

  @Option(names = "--skip", split = ",", description = "skip these benchmarks")
  List<String> skip;

  @Option(names = "--limit-minutes", defaultValue = "12", description = "time limit per benchmark (default ${DEFAULT-VALUE})")
  int limitMinutes;

  @Option(names = "--report", description = "Markdown report (default: WORK/suite-report.md)")
  Path report;

  @Override
  public Integer call() throws Exception {
    Path home = Path.of(System.getProperty("newsdesk.home", "."));
    Path workDir = work != null ? work : Path.of(System.getProperty("java.io.tmpdir"), "newsdesk-bench");
    Path corpus = workDir.resolve("corpus-jsonl-" + articles + "-seed" + seed);
    Files.createDirectories(workDir.resolve("logs"));
    long t0 = System.nanoTime();
    if (SyntheticCorpus.ensure(new CorpusSpec(articles, seed, OutputFormat.JSONL, corpus, 8, 1000, 0, 0), Gazetteer.defaults())) {
      System.out.printf(Locale.ROOT, "all: generated %s in %.0f s%n", corpus, (System.nanoTime() - t0) / 1e9);
    }
    List<Result> results = new ArrayList<>();
    for (String[] row : registry(home.resolve("bench/benchmarks.tsv"))) {
      String name = row[0];
      if (TOOLS.contains(name) || row[2].startsWith("(") || (only != null && !only.contains(name))
          || (skip != null && skip.contains(name))) {
        continue;
      }
      results.add(run(home, workDir, corpus, name));
    }
    Path out = report != null ? report : workDir.resolve("suite-report.md");
    writeReport(out, corpus, results, (System.nanoTime() - t0) / 1e9);
    System.out.println("all: report in " + out);
    return results.stream().allMatch(r -> r.exit == 0) ? 0 : 1;
  }

  private static List<String[]> registry(Path tsv) throws IOException {
    List<String[]> rows = new ArrayList<>();
    for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
      String[] cols = line.split("\t", 3);
      if (cols.length == 3 && !cols[0].equals("name") && !cols[0].isBlank()) {
        rows.add(cols);
      }
    }
    return rows;
  }

  /** The arguments the suite's own benchmarks get for the shared corpus; others get none. */
  private List<String> argumentsFor(String name, Path workDir, Path corpus) {
    return switch (name) {
      case "indexing" -> List.of("--corpus", corpus.toString(), "--work", workDir.toString(), "--runs", "3", "--warmup", "1",
          "--json", workDir.resolve("indexing.json").toString());
      // At the suite's size: at the benchmark's own 10k default a rebuild's fixed costs (opening the index, the
      // manifest, the commit) weigh more than 10% of a 4 s full build (BENCHMARKS.md, "Nightly rebuild").
      case "rebuild" -> List.of("--articles", Long.toString(articles));
      // Every step once per round: a sequential run puts the machine's drift between steps (BENCHMARKS.md, start-up).
      case "startup" -> List.of("--interleaved");
      case "scale" -> List.of("--articles", Long.toString(articles), "--seed", Long.toString(seed), "--work",
          workDir.toString(), "--json", workDir.resolve("scale.json").toString());
      default -> List.of();
    };
  }

  private Result run(Path home, Path workDir, Path corpus, String name) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(home.resolve("bench/run").toString(), name));
    command.addAll(argumentsFor(name, workDir, corpus));
    Path log = workDir.resolve("logs").resolve(name + ".log");
    System.out.println("all: running " + String.join(" ", command));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    Map<String, String> env = pb.environment();
    // The suite's own bench/run has built the project; a BENCH_REBUILD=1 it was started with must not rebuild it
    // again for every benchmark (which would add a Maven build to each one's time).
    env.remove("BENCH_REBUILD");
    env.put("NEWSDESK_BENCH_CORPUS", corpus.toString());
    env.put("NEWSDESK_BENCH_WORK", workDir.toString());
    long start = System.nanoTime();
    Process process = pb.start();
    Deque<String> tail = new ArrayDeque<>();
    Thread pump = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
          PrintWriter file = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          System.out.println("  [" + name + "] " + line);
          file.println(line);
          synchronized (tail) {
            tail.addLast(line);
            if (tail.size() > 25) {
              tail.removeFirst();
            }
          }
        }
      } catch (IOException e) {
        System.out.println("  [" + name + "] output lost: " + e.getMessage());
      }
    }, "suite-output-" + name);
    pump.start();
    boolean finished = process.waitFor(limitMinutes, TimeUnit.MINUTES);
    int exit;
    if (!finished) {
      process.descendants().forEach(ProcessHandle::destroy);
      process.destroy();
      process.waitFor(30, TimeUnit.SECONDS);
      exit = -1;
    } else {
      exit = process.exitValue();
    }
    pump.join(10_000);
    double minutes = (System.nanoTime() - start) / 60e9;
    System.out.printf(Locale.ROOT, "all: %s %s in %.1f min%n", name, exit == 0 ? "done" : exit < 0 ? "TIMED OUT" : "FAILED (exit " + exit + ")", minutes);
    synchronized (tail) {
      return new Result(name, String.join(" ", command), exit, minutes, log, List.copyOf(tail));
    }
  }

  private static void writeReport(Path out, Path corpus, List<Result> results, double seconds) throws IOException {
    try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
      w.printf(Locale.ROOT, "# newsdesk benchmark suite, %s%n%n", Instant.now());
      w.printf(Locale.ROOT, "Corpus: `%s`. Total: %.1f min. Machine: %d cores, JDK %s.%n%n", corpus, seconds / 60,
          Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
      w.println("| benchmark | result | minutes | log |");
      w.println("|---|---|---:|---|");
      for (Result r : results) {
        w.printf(Locale.ROOT, "| %s | %s | %.1f | `%s` |%n", r.name, r.exit == 0 ? "ok" : r.exit < 0 ? "timed out" : "exit " + r.exit,
            r.minutes, r.log);
      }
      for (Result r : results) {
        w.printf(Locale.ROOT, "%n## %s%n%n`%s`%n%n```%n", r.name, r.command);
        r.tail.forEach(w::println);
        w.println("```");
      }
    }
  }

  /** One benchmark's outcome. */
  private record Result(String name, String command, int exit, double minutes, Path log, List<String> tail) {}

  public static void main(String[] args) {
    CommandLine cli = new CommandLine(new Suite());
    cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
      cmd.getErr().println("all: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
      return 2;
    });
    System.exit(cli.execute(args));
  }
}

package org.newsdesk.bench.indexing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.newsdesk.bench.BenchFiles;
import org.newsdesk.bench.corpus.CorpusSpec;
import org.newsdesk.bench.corpus.OutputFormat;
import org.newsdesk.bench.corpus.SyntheticCorpus;
import org.newsdesk.gazetteer.Gazetteer;
import org.newsdesk.index.IndexBuilder;
import org.newsdesk.index.IndexOptions;
import org.newsdesk.bench.machine.MachineLoad;
import org.newsdesk.index.IndexReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench/run indexing}: newsdesk's full pipeline (read, clean, tag, index through {@link IndexBuilder}) against
 * raw Lucene ({@link RawLuceneIndexer}) on the same corpus, same threads and RAM buffer, alternating; the medians,
 * spreads and the ratio, index sizes against the raw text, and a JFR profile of newsdesk's run.
 *
 * <p>By default each timed run has a JVM of its own, started with this JVM's options and class path, which first
 * indexes the whole corpus untimed ({@code --warmup}, {@code --warmup-files}) and then once timed: the throughput of
 * each pipeline once the JIT has compiled it, with no other pipeline's code in the same JVM, as JMH forks a JVM per
 * trial. In one JVM ({@code --no-fork}) the two pipelines share Lucene's indexing chain, and the JIT recompiles it
 * each time the other system's documents bring other field and token-stream classes to its call sites
 * (BENCHMARKS.md, "6 Dec 2026, late evening"), which lands on whichever system runs next.
 */
@Command(name = "indexing", mixinStandardHelpOptions = true,
    description = "Indexing throughput: newsdesk's full pipeline against raw Lucene on the same synthetic corpus.",
    footer = {"", "Example:", "  bench/run indexing --articles 100000 --runs 3 --threads 2"})
public final class IndexingBenchmark implements Callable<Integer> {
  @Option(names = "--corpus", description = "an existing corpus directory (default: generate one under --work)")
  Path corpus;

  @Option(names = "--articles", defaultValue = "100000", description = "articles to generate (default ${DEFAULT-VALUE})")
  long articles;

  @Option(names = "--seed", defaultValue = "42", description = "generator seed (default ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--format", defaultValue = "jsonl", description = "generated format, jsonl or raw (default ${DEFAULT-VALUE})")
  String format;

  @Option(names = "--files", defaultValue = "8", description = "jsonl files to generate (default ${DEFAULT-VALUE})")
  int files;

  @Option(names = "--work", description = "work directory for corpora and indexes (default: \\$TMPDIR/newsdesk-bench)")
  Path work;

  @Option(names = "--runs", defaultValue = "3",
      description = "timed runs of each system, 0 for only the profile and stage timers (default ${DEFAULT-VALUE})")
  int runs;

  @Option(names = "--warmup", defaultValue = "1",
      description = "untimed runs of each system first, so JIT warm-up is not charged to whichever runs first (default ${DEFAULT-VALUE})")
  int warmup;

  @Option(names = "--threads", defaultValue = "2", description = "indexing threads for both (default ${DEFAULT-VALUE})")
  int threads;

  @Option(names = "--ram-mb", defaultValue = "64", description = "IndexWriter RAM buffer for both (default ${DEFAULT-VALUE})")
  double ramMb;

  @Option(names = "--profile", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "after the timed runs, profile one newsdesk run with JFR (default ${DEFAULT-VALUE})")
  boolean profile;

  @Option(names = "--stages", defaultValue = "5000",
      description = "articles for the single-thread stage timers, 0 to skip (default ${DEFAULT-VALUE})")
  int stageArticles;

  @Option(names = "--json", description = "also write the results as JSON to this file")
  Path json;

  @Option(names = "--fork", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "each timed run in a JVM of its own, after --warmup runs over the corpus (or its first"
          + " --warmup-files files) in that JVM; --no-fork: both systems alternate in this JVM after --warmup runs each"
          + " (default ${DEFAULT-VALUE})")
  boolean fork;

  @Option(names = "--warmup-files", defaultValue = "0",
      description = "with --fork: how many of the corpus's files each forked JVM's warm-up indexes, 0 for all of them"
          + " (default ${DEFAULT-VALUE})")
  int warmupFiles;

  /** Set in a forked JVM: run this system (newsdesk or lucene) once after the warm-up, print the result, exit. */
  @Option(names = "--child", hidden = true)
  String child;

  /** The line a forked run prints its result on. */
  private static final String RESULT = "indexing-run-result ";

  @Override
  public Integer call() throws Exception {
    Path workDir = work != null ? work : Path.of(System.getProperty("java.io.tmpdir"), "newsdesk-bench");
    Gazetteer gazetteer = Gazetteer.defaults();
    Path input = corpus != null ? corpus : generated(workDir, gazetteer);
    long rawBytes = sizeOf(input);
    System.out.printf(Locale.ROOT, "indexing: corpus %s (%.1f MB), %d threads, %.0f MB RAM buffer, %d runs each, %d cores%n",
        input, rawBytes / 1e6, threads, ramMb, runs, Runtime.getRuntime().availableProcessors());

    if (child != null) {
      return runChild(input, workDir, gazetteer);
    }
    if (!fork) {
      for (int w = 0; w < warmup; w++) {
        System.out.println("  warm-up " + (w + 1) + " (not counted):");
        runNewsdesk(input, workDir.resolve("index-newsdesk"), gazetteer, -1);
        runLucene(input, workDir.resolve("index-lucene"), -1);
      }
    } else {
      System.out.printf(Locale.ROOT, "  each run in a JVM of its own, after %d warm-up run(s) over %s%n",
          warmup, warmupFiles <= 0 ? "the whole corpus" : warmupFiles + " of the corpus's files");
    }
    List<Run> newsdesk = new ArrayList<>();
    List<Run> lucene = new ArrayList<>();
    MachineLoad before = MachineLoad.now();
    for (int r = 0; r < runs; r++) {
      // Alternate the order (ABBA...) so drift on a shared machine hits both systems alike.
      if (r % 2 == 0) {
        newsdesk.add(run("newsdesk", input, workDir, gazetteer, r));
        lucene.add(run("lucene", input, workDir, gazetteer, r));
      } else {
        lucene.add(run("lucene", input, workDir, gazetteer, r));
        newsdesk.add(run("newsdesk", input, workDir, gazetteer, r));
      }
    }
    String machine = before.since(before);
    Map<String, Object> results = runs > 0 ? summarize(input, rawBytes, newsdesk, lucene) : new LinkedHashMap<>();
    results.put("fork", fork);
    System.out.println("machine: " + machine);
    results.put("machine", machine);
    if (profile) {
      Path jfr = workDir.resolve("indexing-newsdesk.jfr");
      Path indexDir = workDir.resolve("index-newsdesk");
      JfrProfile p = JfrProfile.record(jfr, () -> {
        BenchFiles.deleteRecursively(indexDir);
        IndexBuilder.index(List.of(input), options(indexDir, gazetteer), s -> {});
      });
      System.out.println();
      p.describe(20).forEach(System.out::println);
      System.out.println("(recording: " + jfr + "; open with `jfr print` or JDK Mission Control)");
      results.put("profile_stage_shares", p.stageShares());
      results.put("profile_hot_methods", p.hotMethods(20));
      results.put("profile_gc_pause_s", p.gcPauseSeconds());
    }
    if (stageArticles > 0) {
      Map<String, Double> stages = StageTimer.measure(input, gazetteer, stageArticles, 3);
      System.out.println();
      StageTimer.describe(stages, stageArticles).forEach(System.out::println);
      results.put("stage_cpu_micros_per_article", stages);
    }
    if (json != null) {
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), results);
    }
    return 0;
  }

  private Path generated(Path workDir, Gazetteer gazetteer) throws IOException {
    OutputFormat f = OutputFormat.of(format);
    int n = f == OutputFormat.RAW ? 1 : files;
    Path dir = workDir.resolve("corpus-" + f.name().toLowerCase(Locale.ROOT) + "-" + articles + "-seed" + seed);
    CorpusSpec spec = new CorpusSpec(articles, seed, f, dir, n, 1000, 0, 0);
    if (SyntheticCorpus.ensure(spec, gazetteer)) {
      System.out.println("indexing: generated " + dir);
    }
    return dir;
  }

  private IndexOptions options(Path indexDir, Gazetteer gazetteer) {
    return new IndexOptions(indexDir, gazetteer, Optional.empty(), threads, ramMb);
  }

  /** One timed run of a system: in a JVM of its own (--fork), or in this one. */
  private Run run(String system, Path input, Path workDir, Gazetteer gazetteer, int r)
      throws IOException, InterruptedException {
    if (!fork) {
      return system.equals("newsdesk")
          ? runNewsdesk(input, workDir.resolve("index-newsdesk"), gazetteer, r)
          : runLucene(input, workDir.resolve("index-lucene"), r);
    }
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    // The same JVM options (heap, system properties) and class path as this JVM.
    command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), IndexingBenchmark.class.getName(),
        "--child", system, "--corpus", input.toString(), "--work", workDir.toString(), "--warmup", String.valueOf(warmup),
        "--threads", String.valueOf(threads), "--ram-mb", String.valueOf(ramMb), "--warmup-files", String.valueOf(warmupFiles)));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String result = null;
    List<String> output = new ArrayList<>();
    try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(),
        java.nio.charset.StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.startsWith(RESULT)) {
          result = line.substring(RESULT.length());
        } else {
          output.add(line);
        }
      }
    }
    int exit = process.waitFor();
    if (exit != 0 || result == null) {
      throw new IOException("the forked " + system + " run failed (exit " + exit + "): " + String.join("\n", output));
    }
    Map<?, ?> m = new ObjectMapper().readValue(result, Map.class);
    return print(new Run(system, r, ((Number) m.get("seconds")).doubleValue(), ((Number) m.get("cpu_seconds")).doubleValue(),
        ((Number) m.get("articles")).longValue(), ((Number) m.get("index_bytes")).longValue()));
  }

  /** In a forked JVM: the warm-up runs over the corpus's first file, then one timed run, printed as one line. */
  private int runChild(Path input, Path workDir, Gazetteer gazetteer) throws IOException {
    boolean newsdesk = child.equals("newsdesk");
    if (!newsdesk && !child.equals("lucene")) {
      throw new IllegalArgumentException("--child must be newsdesk or lucene, not " + child);
    }
    Path indexDir = workDir.resolve(newsdesk ? "index-newsdesk" : "index-lucene");
    Path warmupInput = warmupInput(input);
    for (int w = 0; w < warmup; w++) {
      if (newsdesk) {
        runNewsdesk(warmupInput, indexDir, gazetteer, -1);
      } else {
        runLucene(warmupInput, indexDir, -1);
      }
    }
    Run run = newsdesk ? runNewsdesk(input, indexDir, gazetteer, 0) : runLucene(input, indexDir, 0);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("seconds", run.seconds);
    m.put("cpu_seconds", run.cpuSeconds);
    m.put("articles", run.articles);
    m.put("index_bytes", run.indexBytes);
    System.out.println(RESULT + new ObjectMapper().writeValueAsString(m));
    return 0;
  }

  /**
   * What a forked JVM warms up on: the corpus's first {@code --warmup-files} input files (one is an eighth of the
   * generated corpus, 12,500 articles at 100k), in a directory of links to them; the corpus itself when that is 0
   * or the corpus has no more files than that.
   */
  private Path warmupInput(Path input) throws IOException {
    List<Path> all = Files.isDirectory(input) ? RawLuceneIndexer.inputFiles(input) : List.of(input);
    if (warmupFiles <= 0 || all.size() <= warmupFiles) {
      return input;
    }
    Path dir = Files.createTempDirectory("newsdesk-warmup");
    dir.toFile().deleteOnExit();
    for (Path f : all.subList(0, warmupFiles)) {
      Path link = Files.createSymbolicLink(dir.resolve(f.getFileName()), f.toAbsolutePath());
      link.toFile().deleteOnExit();
    }
    return dir;
  }

  private Run runNewsdesk(Path input, Path indexDir, Gazetteer gazetteer, int r) throws IOException {
    BenchFiles.deleteRecursively(indexDir);
    System.gc();
    long cpu = cpuNanos();
    long start = System.nanoTime();
    IndexReport report = IndexBuilder.index(List.of(input), options(indexDir, gazetteer), s -> {});
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuSeconds = (cpuNanos() - cpu) / 1e9;
    if (!report.problems().isEmpty()) {
      System.out.println("  newsdesk reported " + report.problems().size() + " problems, first: " + report.problems().get(0));
    }
    return print(new Run("newsdesk", r, seconds, cpuSeconds, report.added() + report.updated(), sizeOf(indexDir)));
  }

  private Run runLucene(Path input, Path indexDir, int r) throws IOException {
    BenchFiles.deleteRecursively(indexDir);
    System.gc();
    long cpu = cpuNanos();
    long start = System.nanoTime();
    long docs = RawLuceneIndexer.index(input, indexDir, threads, ramMb);
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuSeconds = (cpuNanos() - cpu) / 1e9;
    return print(new Run("lucene", r, seconds, cpuSeconds, docs, sizeOf(indexDir)));
  }

  private static Run print(Run run) {
    System.out.printf(Locale.ROOT, "  %s %-8s %8d articles in %6.1f s = %6.0f articles/s (CPU %6.1f s = %5.0f articles per CPU-s), index %.1f MB%n",
        run.run < 0 ? "warm-up" : "run " + (run.run + 1), run.system, run.articles, run.seconds, run.articles / run.seconds, run.cpuSeconds,
        run.articles / run.cpuSeconds, run.indexBytes / 1e6);
    return run;
  }

  private Map<String, Object> summarize(Path input, long rawBytes, List<Run> newsdesk, List<Run> lucene) {
    Stats ndRate = new Stats(newsdesk.stream().mapToDouble(r -> r.articles / r.seconds).toArray());
    Stats luRate = new Stats(lucene.stream().mapToDouble(r -> r.articles / r.seconds).toArray());
    Stats ndMb = new Stats(newsdesk.stream().mapToDouble(r -> rawBytes / 1e6 / r.seconds).toArray());
    Stats luMb = new Stats(lucene.stream().mapToDouble(r -> rawBytes / 1e6 / r.seconds).toArray());
    double[] paired = new double[newsdesk.size()];
    for (int i = 0; i < paired.length; i++) {
      paired[i] = lucene.get(i).seconds / newsdesk.get(i).seconds;
    }
    Stats ratio = new Stats(paired);
    double[] cpuPaired = new double[newsdesk.size()];
    for (int i = 0; i < cpuPaired.length; i++) {
      cpuPaired[i] = lucene.get(i).cpuSeconds / newsdesk.get(i).cpuSeconds;
    }
    Stats cpuRatio = new Stats(cpuPaired);
    double ratioOfMedians = ndRate.median() / luRate.median();
    long ndIndex = newsdesk.get(newsdesk.size() - 1).indexBytes;
    long luIndex = lucene.get(lucene.size() - 1).indexBytes;
    System.out.println();
    System.out.printf(Locale.ROOT, "%-9s %-26s %-24s %-24s%n", "", "articles/s median (min-max)", "MB/s median (min-max)", "index size / raw text");
    System.out.printf(Locale.ROOT, "%-9s %-26s %-24s %.1f MB / %.1f MB = %.2f%n", "newsdesk", ndRate.describe("%.0f"),
        ndMb.describe("%.1f"), ndIndex / 1e6, rawBytes / 1e6, (double) ndIndex / rawBytes);
    System.out.printf(Locale.ROOT, "%-9s %-26s %-24s %.1f MB / %.1f MB = %.2f%n", "lucene", luRate.describe("%.0f"),
        luMb.describe("%.1f"), luIndex / 1e6, rawBytes / 1e6, (double) luIndex / rawBytes);
    System.out.printf(Locale.ROOT, "newsdesk / raw Lucene throughput: %.2f (ratio of medians); per run pair %s%n",
        ratioOfMedians, ratio.describe("%.2f"));
    System.out.printf(Locale.ROOT, "newsdesk / raw Lucene CPU efficiency (Lucene CPU-s / newsdesk CPU-s) per run pair: %s%n",
        cpuRatio.describe("%.2f"));
    System.out.printf(Locale.ROOT, "goal >= 0.80, not done below 0.70: %s%n",
        ratioOfMedians >= 0.8 ? "MET" : ratioOfMedians >= 0.7 ? "acceptable (>= 0.70)" : "NOT MET");

    Map<String, Object> out = new LinkedHashMap<>();
    out.put("benchmark", "indexing");
    out.put("corpus", input.toString());
    out.put("raw_bytes", rawBytes);
    out.put("threads", threads);
    out.put("ram_buffer_mb", ramMb);
    out.put("runs", runs);
    out.put("newsdesk_articles_per_s", List.of(ndRate.median(), ndRate.min(), ndRate.max()));
    out.put("lucene_articles_per_s", List.of(luRate.median(), luRate.min(), luRate.max()));
    out.put("newsdesk_mb_per_s", List.of(ndMb.median(), ndMb.min(), ndMb.max()));
    out.put("lucene_mb_per_s", List.of(luMb.median(), luMb.min(), luMb.max()));
    out.put("ratio_of_medians", ratioOfMedians);
    out.put("ratio_per_pair", List.of(ratio.median(), ratio.min(), ratio.max()));
    out.put("cpu_ratio_per_pair", List.of(cpuRatio.median(), cpuRatio.min(), cpuRatio.max()));
    out.put("newsdesk_cpu_seconds", newsdesk.stream().map(r -> r.cpuSeconds).toList());
    out.put("lucene_cpu_seconds", lucene.stream().map(r -> r.cpuSeconds).toList());
    out.put("newsdesk_index_bytes", ndIndex);
    out.put("lucene_index_bytes", luIndex);
    out.put("newsdesk_seconds", newsdesk.stream().map(r -> r.seconds).toList());
    out.put("lucene_seconds", lucene.stream().map(r -> r.seconds).toList());
    return out;
  }

  /** Bytes of the regular, non-hidden files under {@code dir}. */
  static long sizeOf(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .mapToLong(p -> p.toFile().length())
          .sum();
    }
  }

  /** One timed run. */
  private record Run(String system, int run, double seconds, double cpuSeconds, long articles, long indexBytes) {}

  /** CPU time of the whole process (all threads, GC and JIT included). */
  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  public static void main(String[] args) {
    CommandLine cli = new CommandLine(new IndexingBenchmark());
    cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
      cmd.getErr().println("indexing: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
      return 2;
    });
    System.exit(cli.execute(args));
  }
}

package org.newsdesk.bench.rebuild;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.newsdesk.bench.BenchFiles;
import org.newsdesk.bench.corpus.CorpusSpec;
import org.newsdesk.bench.corpus.CorpusSummary;
import org.newsdesk.bench.corpus.OutputFormat;
import org.newsdesk.bench.corpus.SyntheticCorpus;
import org.newsdesk.gazetteer.Gazetteer;
import org.newsdesk.index.IndexBuilder;
import org.newsdesk.index.IndexOptions;
import org.newsdesk.index.IndexReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench/run rebuild}: what a nightly rebuild costs compared with a full build, on the synthetic JSON Lines
 * corpus of {@link SyntheticCorpus} (the same seed gives the same corpus).
 *
 * <p>Each run: copy the generated corpus into place (files aged by an hour, as an archive is), full build into a new
 * index, rebuild with nothing changed, then change 1% of the articles (edited in place, spread over all files), remove
 * 0.5% (lines deleted, spread over all files) and add 0.5% (one new file, like a night's feed), and rebuild. The
 * counts of every rebuild are checked against what was changed. Medians over the runs, and the ratios of the medians
 * to the full build's, measured in the same process.
 */
@Command(name = "rebuild", mixinStandardHelpOptions = true,
    description = "Full build vs no-change rebuild vs 1%-changed rebuild on a synthetic corpus; medians of several runs.",
    footer = {"", "Examples:", "  bench/run rebuild --articles 10000 --runs 3", "  bench/run rebuild --articles 100000 --runs 3 --work /tmp/rb"})
public final class RebuildBenchmark implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Option(names = "--articles", defaultValue = "10000", description = "Articles in the corpus (default ${DEFAULT-VALUE}).")
  int articles;

  @Option(names = "--per-file", defaultValue = "1000", description = "Articles per JSON Lines file (default ${DEFAULT-VALUE}).")
  int perFile;

  @Option(names = "--runs", defaultValue = "3", description = "Runs; medians are reported (default ${DEFAULT-VALUE}).")
  int runs;

  @Option(names = "--threads", description = "Indexing threads (default: one per core).")
  Integer threads;

  @Option(names = "--seed", defaultValue = "42", description = "Corpus seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--work", description = "Working directory (default: a new temporary directory, deleted afterwards).")
  Path work;

  @Override
  public Integer call() throws Exception {
    boolean temporary = work == null;
    Path dir = temporary ? Files.createTempDirectory("newsdesk-rebuild-bench") : work;
    try {
      return measure(dir);
    } finally {
      if (temporary) {
        BenchFiles.deleteRecursively(dir);
      }
    }
  }

  private int measure(Path dir) throws Exception {
    Path base = dir.resolve("base");
    Path extra = dir.resolve("extra");
    int added = Math.max(1, articles / 200);
    int changed = Math.max(1, articles / 100);
    int removed = Math.max(1, articles / 200);
    int files = Math.max(1, articles / perFile);
    Gazetteer gazetteer = Gazetteer.defaults();
    CorpusSummary corpus = SyntheticCorpus.generate(
        new CorpusSpec(articles, seed, OutputFormat.JSONL, base, files, 1000, 0, 0), gazetteer);
    SyntheticCorpus.generate(new CorpusSpec(added, seed, OutputFormat.JSONL, extra, 1, 1000, articles, 0), gazetteer);
    System.err.println("rebuild bench: synthetic corpus: " + corpus.describe());

    List<double[]> times = new ArrayList<>();
    for (int run = 1; run <= runs; run++) {
      Path src = dir.resolve("src");
      Path index = dir.resolve("index");
      BenchFiles.deleteRecursively(src);
      BenchFiles.deleteRecursively(index);
      copyTree(base, src);
      age(src);
      IndexOptions options = threads == null ? IndexOptions.defaults(index) : IndexOptions.defaults(index).withThreads(threads);
      IndexReport full = timed(() -> IndexBuilder.rebuild(List.of(src), options, true, org.newsdesk.index.BuildListener.NONE));
      expect(full, articles, 0, 0, "full build");
      IndexReport none = timed(() -> IndexBuilder.rebuild(List.of(src), options, false, org.newsdesk.index.BuildListener.NONE));
      expect(none, 0, 0, 0, "no-change rebuild");
      mutate(src, extra, changed, removed, new Random(seed + run));
      IndexReport delta = timed(() -> IndexBuilder.rebuild(List.of(src), options, false, org.newsdesk.index.BuildListener.NONE));
      expect(delta, added, changed, removed, "1% rebuild");
      double[] t = {seconds(full), seconds(none), seconds(delta)};
      times.add(t);
      System.err.printf(Locale.ROOT, "run %d: full %.2f s, no-change %.3f s, 1%% changed %.3f s%n", run, t[0], t[1], t[2]);
    }
    double full = median(times, 0);
    double none = median(times, 1);
    double delta = median(times, 2);
    System.out.printf(Locale.ROOT, "rebuild benchmark: %d articles (%d per file), %d runs, %d threads, load average %.1f at the end%n",
        articles, perFile, runs, threads == null ? Runtime.getRuntime().availableProcessors() : threads,
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    System.out.printf(Locale.ROOT, "  full build            median %8.3f s%n", full);
    System.out.printf(Locale.ROOT, "  no-change rebuild     median %8.3f s  = %5.1f%% of full (goal <= 5%%)%n", none, 100 * none / full);
    System.out.printf(Locale.ROOT, "  1%% changed rebuild    median %8.3f s  = %5.1f%% of full (goal <= 10%%)"
        + "  [%d changed, %d added, %d removed]%n", delta, 100 * delta / full, changed, added, removed);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("benchmark", "rebuild");
    json.put("articles", articles);
    json.put("runs", runs);
    json.put("full_median_s", full);
    json.put("nochange_median_s", none);
    json.put("changed_median_s", delta);
    json.put("nochange_ratio", none / full);
    json.put("changed_ratio", delta / full);
    json.put("all_runs_s", times);
    System.out.println(JSON.writeValueAsString(json));
    return none / full <= 0.05 && delta / full <= 0.10 ? 0 : 1;
  }

  /** Edits {@code changed} lines and deletes {@code removed} lines, spread over every file; adds the extra file. */
  private static void mutate(Path src, Path extra, int changed, int removed, Random random) throws IOException {
    List<Path> files = jsonlFiles(src);
    List<List<String>> contents = new ArrayList<>();
    int total = 0;
    for (Path f : files) {
      List<String> lines = new ArrayList<>(Files.readAllLines(f, StandardCharsets.UTF_8));
      contents.add(lines);
      total += lines.size();
    }
    // Pick distinct global line numbers: the first `changed` are edited, the next `removed` deleted.
    List<Integer> picks = new ArrayList<>();
    java.util.Set<Integer> seen = new java.util.HashSet<>();
    while (picks.size() < changed + removed) {
      int n = random.nextInt(total);
      if (seen.add(n)) {
        picks.add(n);
      }
    }
    java.util.Set<Integer> edit = new java.util.HashSet<>(picks.subList(0, changed));
    java.util.Set<Integer> drop = new java.util.HashSet<>(picks.subList(changed, picks.size()));
    int global = 0;
    for (int i = 0; i < files.size(); i++) {
      List<String> out = new ArrayList<>();
      boolean touched = false;
      for (String line : contents.get(i)) {
        int n = global++;
        if (drop.contains(n)) {
          touched = true;
        } else if (edit.contains(n)) {
          ObjectNode node = (ObjectNode) JSON.readTree(line);
          node.put("body", node.get("body").asText() + "\n\nCorrection: an earlier version of this article misstated a figure.");
          out.add(JSON.writeValueAsString(node));
          touched = true;
        } else {
          out.add(line);
        }
      }
      if (touched) {
        Files.write(files.get(i), out, StandardCharsets.UTF_8);
      }
    }
    Path incoming = src.resolve("incoming");
    Files.createDirectories(incoming);
    for (Path f : jsonlFiles(extra)) {
      Files.copy(f, incoming.resolve(f.getFileName()));
    }
  }

  private static List<Path> jsonlFiles(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
    }
  }

  private static void expect(IndexReport r, long added, long updated, long deleted, String what) {
    if (r.added() != added || r.updated() != updated || r.deleted() != deleted) {
      throw new IllegalStateException(what + ": expected " + added + " added, " + updated + " updated, " + deleted
          + " deleted, got " + r.added() + "/" + r.updated() + "/" + r.deleted() + " (" + r.mode() + ")");
    }
  }

  @FunctionalInterface
  private interface Build {
    IndexReport run() throws IOException;
  }

  private static IndexReport timed(Build b) throws IOException {
    System.gc();
    return b.run();
  }

  private static double seconds(IndexReport r) {
    return r.duration().toNanos() / 1e9;
  }

  private static double median(List<double[]> times, int column) {
    double[] v = times.stream().mapToDouble(t -> t[column]).sorted().toArray();
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  private static void age(Path dir) throws IOException {
    FileTime hourAgo = FileTime.fromMillis(System.currentTimeMillis() - 3_600_000);
    for (Path f : jsonlFiles(dir)) {
      Files.setLastModifiedTime(f, hourAgo);
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new RebuildBenchmark()).execute(args));
  }
}

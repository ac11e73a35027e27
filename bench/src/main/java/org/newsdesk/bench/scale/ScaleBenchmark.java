package org.newsdesk.bench.scale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.newsdesk.bench.BenchFiles;
import org.newsdesk.bench.corpus.CorpusSpec;
import org.newsdesk.bench.corpus.OutputFormat;
import org.newsdesk.bench.corpus.SyntheticCorpus;
import org.newsdesk.bench.indexing.Stats;
import org.newsdesk.gazetteer.Gazetteer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench/run scale}: for each corpus size, a full newsdesk build in a child JVM under a heap limit (build time,
 * throughput, peak heap, GC), the index size against the raw text, and query latency p50/p99 on the result; then
 * how each cost grew from the smallest size to the largest. With {@code --raw} (the default) the indexing
 * benchmark's raw Lucene baseline is built right after in a child JVM of its own with the same heap limit, threads
 * and RAM buffer, and the throughput ratio printed: both builds start cold, so at a million articles the ratio is
 * one whose JIT warm-up is a small part of either build.
 */
@Command(name = "scale", mixinStandardHelpOptions = true,
    description = "Full build time, index size, peak heap and query latency at growing corpus sizes.",
    footer = {"", "Example:", "  bench/run scale --articles 100000,1000000 --xmx 1g"})
public final class ScaleBenchmark implements Callable<Integer> {
  @Option(names = "--articles", split = ",", defaultValue = "100000,1000000",
      description = "corpus sizes (default ${DEFAULT-VALUE})")
  List<Long> sizes;

  @Option(names = "--seed", defaultValue = "42", description = "generator seed (default ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--xmx", defaultValue = "1g", description = "heap limit of the build JVM (default ${DEFAULT-VALUE})")
  String xmx;

  @Option(names = "--threads", defaultValue = "2", description = "indexing threads (default ${DEFAULT-VALUE})")
  int threads;

  @Option(names = "--ram-mb", defaultValue = "64", description = "IndexWriter RAM buffer (default ${DEFAULT-VALUE})")
  double ramMb;

  @Option(names = "--queries", defaultValue = "1000", description = "timed runs per query kind (default ${DEFAULT-VALUE})")
  int queries;

  @Option(names = "--work", description = "work directory (default: \\$TMPDIR/newsdesk-bench)")
  Path work;

  @Option(names = "--keep-index", description = "keep the built indexes (default: delete each after measuring)")
  boolean keepIndex;

  @Option(names = "--json", description = "also write the results as JSON to this file")
  Path json;

  @Option(names = "--runs", defaultValue = "1",
      description = "builds of each system per size, alternating (ABBA); the medians are reported (default ${DEFAULT-VALUE})")
  int runs;

  @Option(names = "--raw", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "also build raw Lucene (StandardAnalyzer, no cleaning or tagging) on the same corpus, with the same"
          + " heap limit, threads and RAM buffer, and print the throughput ratio (default ${DEFAULT-VALUE})")
  boolean raw;

  @Override
  public Integer call() throws Exception {
    if (runs < 1) {
      System.err.println("scale: --runs must be at least 1, got " + runs);
      return 2;
    }
    Path workDir = work != null ? work : Path.of(System.getProperty("java.io.tmpdir"), "newsdesk-bench");
    Gazetteer gazetteer = Gazetteer.defaults();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (long n : sizes) {
      Path corpus = workDir.resolve("corpus-jsonl-" + n + "-seed" + seed);
      int files = (int) Math.max(1, Math.min(1000, n / 12_500));
      if (SyntheticCorpus.ensure(new CorpusSpec(n, seed, OutputFormat.JSONL, corpus, files, 1000, 0, 0), gazetteer)) {
        System.out.println("scale: generated " + corpus);
      }
      long rawBytes = sizeOf(corpus);
      Path index = workDir.resolve("index-scale-" + n);
      Path rawIndex = workDir.resolve("index-scale-raw-" + n);
      System.out.printf(Locale.ROOT, "scale: %d articles (%.0f MB): building with -Xmx%s, %d threads, %d run(s)%s...%n", n,
          rawBytes / 1e6, xmx, threads, runs, raw ? " of newsdesk and raw Lucene, alternating" : "");
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("articles", n);
      row.put("raw_bytes", rawBytes);
      row.put("xmx", xmx);
      List<Double> seconds = new ArrayList<>();
      List<Double> rawSeconds = new ArrayList<>();
      JsonNode build = null;
      long peakHeap = 0;
      long rawIndexBytes = 0;
      for (int r = 0; r < runs; r++) {
        // ABBA: a slow stretch of a shared machine lands on both systems alike.
        boolean rawFirst = raw && r % 2 == 1;
        if (rawFirst) {
          rawIndexBytes = rawRun(corpus, rawIndex, r, rawSeconds, row);
        }
        BenchFiles.deleteRecursively(index);
        build = buildInChild(corpus, index, "newsdesk");
        if (build.has("error")) {
          break;
        }
        double sec = build.get("seconds").asDouble();
        seconds.add(sec);
        peakHeap = Math.max(peakHeap, build.get("peak_heap_bytes").asLong());
        System.out.printf(Locale.ROOT, "  run %d newsdesk:   %.1f s (%.0f articles/s), peak heap %.0f MB of %s, GC %d collections %.1f s%n",
            r + 1, sec, n / sec, build.get("peak_heap_bytes").asLong() / 1e6, xmx, build.get("gc_count").asLong(),
            build.get("gc_seconds").asDouble());
        if (raw && !rawFirst) {
          rawIndexBytes = rawRun(corpus, rawIndex, r, rawSeconds, row);
        }
      }
      BenchFiles.deleteRecursively(rawIndex);
      if (build == null || build.has("error")) {
        String error = build == null ? "no run" : build.get("error").asText();
        row.put("error", error);
        System.out.println("  build FAILED under -Xmx" + xmx + ": " + error);
        rows.add(row);
        continue;
      }
      long indexBytes = sizeOf(index);
      double median = median(seconds);
      row.put("build_seconds", median);
      row.put("build_seconds_runs", seconds);
      row.put("articles_per_s", n / median);
      row.put("index_bytes", indexBytes);
      row.put("peak_heap_bytes", peakHeap);
      row.put("gc_count", build.get("gc_count").asLong());
      row.put("gc_seconds", build.get("gc_seconds").asDouble());
      System.out.printf(Locale.ROOT, "  newsdesk: built in %.1f s median (%.0f articles/s), index %.0f MB = %.2f x raw text,"
          + " peak heap %.0f MB of %s%n", median, n / median, indexBytes / 1e6, (double) indexBytes / rawBytes, peakHeap / 1e6, xmx);
      if (rawSeconds.size() == seconds.size() && !rawSeconds.isEmpty()) {
        double rawMedian = median(rawSeconds);
        List<Double> pairs = new ArrayList<>();
        for (int r = 0; r < seconds.size(); r++) {
          pairs.add(rawSeconds.get(r) / seconds.get(r));
        }
        row.put("raw_lucene_build_seconds", rawMedian);
        row.put("raw_lucene_build_seconds_runs", rawSeconds);
        row.put("raw_lucene_articles_per_s", n / rawMedian);
        row.put("raw_lucene_index_bytes", rawIndexBytes);
        row.put("throughput_ratio", rawMedian / median);
        row.put("throughput_ratio_per_pair", pairs);
        System.out.printf(Locale.ROOT, "  raw Lucene: built in %.1f s median (%.0f articles/s), index %.0f MB%n", rawMedian,
            n / rawMedian, rawIndexBytes / 1e6);
        // Cold builds: each JVM's JIT warm-up is in its time (about a third of a 100k build's CPU, for both systems);
        // bench/run indexing measures the throughput once compiled.
        System.out.printf(Locale.ROOT, "  newsdesk / raw Lucene throughput, cold builds: %.2f (ratio of medians); per run pair %s%n",
            rawMedian / median,
            pairs.stream().map(x -> String.format(Locale.ROOT, "%.2f", x)).toList());
      }
      Map<String, double[]> latency = QueryLatency.measure(index, Math.max(50, queries / 5), queries);
      Map<String, Object> lat = new LinkedHashMap<>();
      latency.forEach((kind, p) -> {
        System.out.printf(Locale.ROOT, "  %-17s p50 %7.2f ms   p99 %7.2f ms%n", kind, p[0], p[1]);
        lat.put(kind, Map.of("p50_ms", p[0], "p99_ms", p[1]));
      });
      row.put("latency", lat);
      rows.add(row);
      if (!keepIndex) {
        BenchFiles.deleteRecursively(index);
      }
    }
    printGrowth(rows);
    if (json != null) {
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), Map.of("benchmark", "scale", "rows", rows));
    }
    return rows.stream().anyMatch(r -> r.containsKey("error")) ? 1 : 0;
  }

  /** One raw Lucene build in a child JVM; adds its seconds (or the error to the row) and returns the index size. */
  private long rawRun(Path corpus, Path rawIndex, int r, List<Double> rawSeconds, Map<String, Object> row)
      throws IOException, InterruptedException {
    BenchFiles.deleteRecursively(rawIndex);
    JsonNode rawBuild = buildInChild(corpus, rawIndex, "lucene");
    if (rawBuild.has("error")) {
      System.out.println("  run " + (r + 1) + " raw Lucene build FAILED under -Xmx" + xmx + ": " + rawBuild.get("error").asText());
      row.put("raw_lucene_error", rawBuild.get("error").asText());
      return 0;
    }
    double sec = rawBuild.get("seconds").asDouble();
    rawSeconds.add(sec);
    System.out.printf(Locale.ROOT, "  run %d raw Lucene: %.1f s (%.0f articles/s), peak heap %.0f MB%n", r + 1, sec,
        rawBuild.get("articles").asLong() / sec, rawBuild.get("peak_heap_bytes").asLong() / 1e6);
    return sizeOf(rawIndex);
  }

  private static double median(List<Double> values) {
    return new Stats(values.stream().mapToDouble(Double::doubleValue).toArray()).median();
  }

  private JsonNode buildInChild(Path corpus, Path index, String system) throws IOException, InterruptedException {
    return BuildIndex.inChild(corpus, index, threads, ramMb, List.of("-Xmx" + xmx), system);
  }

  private static void printGrowth(List<Map<String, Object>> rows) {
    List<Map<String, Object>> ok = rows.stream().filter(r -> !r.containsKey("error")).toList();
    if (ok.size() < 2) {
      return;
    }
    Map<String, Object> a = ok.get(0);
    Map<String, Object> b = ok.get(ok.size() - 1);
    double scale = ((Number) b.get("articles")).doubleValue() / ((Number) a.get("articles")).doubleValue();
    System.out.printf(Locale.ROOT, "growth from %s to %s articles (x%.0f): build time x%.2f, index size x%.2f, peak heap x%.2f%n",
        a.get("articles"), b.get("articles"), scale,
        ((Number) b.get("build_seconds")).doubleValue() / ((Number) a.get("build_seconds")).doubleValue(),
        ((Number) b.get("index_bytes")).doubleValue() / ((Number) a.get("index_bytes")).doubleValue(),
        ((Number) b.get("peak_heap_bytes")).doubleValue() / ((Number) a.get("peak_heap_bytes")).doubleValue());
  }

  static long sizeOf(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
          .mapToLong(p -> p.toFile().length()).sum();
    }
  }

  public static void main(String[] args) {
    CommandLine cli = new CommandLine(new ScaleBenchmark());
    cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
      cmd.getErr().println("scale: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
      return 2;
    });
    System.exit(cli.execute(args));
  }
}

package org.newsdesk.bench.extraction;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SerialMergeScheduler;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.jsoup.Jsoup;
import org.newsdesk.analysis.NewsAnalyzers;
import org.newsdesk.gazetteer.Gazetteer;
import org.newsdesk.index.BuildListener;
import org.newsdesk.index.IndexBuilder;
import org.newsdesk.index.IndexOptions;
import org.newsdesk.index.IndexReport;
import org.newsdesk.index.clean.HtmlArticleCleaner;
import org.newsdesk.index.clean.SkippedArticleException;
import org.newsdesk.index.corpus.CorpusFormat;
import org.newsdesk.index.corpus.RawArticle;
import org.newsdesk.index.enrich.GazetteerEntityTagger;
import org.newsdesk.model.Article;
import org.newsdesk.schema.ArticleDocuments;

/**
 * {@code bench/run extraction-speed [--corpus DIR] [--runs N] [--builds N] [--compare JAR]}: HTML cleaning
 * throughput on one core, against two baselines measured in the same run. With {@code --compare}, the cleaner of
 * another build's index-builder jar is timed too, page by page with a copy of this build's loaded the same way (its
 * own jar and class loader), the steps in a random order on each page, which gives a speed-up that neither the load
 * of the shared machine nor the order blurs (this build against itself: 1.00-1.01x).
 *
 * <ol>
 *   <li><b>Cleaning vs jsoup parse</b>: the whole {@link HtmlArticleCleaner} (pre-parse slimming, parse, metadata,
 *       extraction, normalization) and the bare {@code Jsoup.parse} of the original page, timed page by page in a
 *       random order, so both see the same load from the neighbours on the shared machine. MB of HTML per
 *       CPU-second of the measuring thread (= per core), median of N runs after two warm-up runs.
 *   <li><b>Cleaning vs indexing, per article</b>: pages cleaned per CPU-second against the same cleaned articles
 *       tagged and indexed per CPU-second (gazetteer tagging, the project's analyzers and document mapping, an
 *       in-memory Lucene index with serial merges, so all the work is on the measuring thread); one indexing run
 *       follows each cleaning run, so both see the same load.
 *   <li><b>End to end</b>: {@code IndexBuilder.index} (what {@code newsdesk index} runs) over the corpus's pages with
 *       2 worker threads, into a fresh index; the CPU time of the worker threads ({@code newsdesk-indexer-*}, where
 *       cleaning, tagging and analysis run) is sampled, and compared with the CPU time that cleaning the same pages
 *       takes on its own. Median of {@code --builds} builds.
 * </ol>
 */
public final class ExtractionThroughput {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private ExtractionThroughput() {}

  /** Entry point. */
  public static void main(String[] args) throws Exception {
    Path dir = ExtractionCorpus.defaultDir();
    int runs = 5;
    int builds = 3;
    Path compare = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--corpus" -> dir = Path.of(args[++i]);
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--builds" -> builds = Integer.parseInt(args[++i]);
        case "--compare" -> compare = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument '" + args[i]
            + "'; usage: extraction-speed [--corpus DIR] [--runs N] [--builds N] [--compare INDEX_BUILDER_JAR]");
      }
    }
    if (runs < 1 || builds < 0) {
      throw new IllegalArgumentException("--runs must be >= 1 and --builds >= 0");
    }
    List<ExtractionCorpus.Page> pages = ExtractionCorpus.load(dir);
    List<RawArticle> raws = new ArrayList<>();
    long bytes = 0;
    for (ExtractionCorpus.Page p : pages) {
      raws.add(new RawArticle(p.id(), CorpusFormat.HTML, p.htmlText(),
          p.url() == null ? null : Map.of(RawArticle.URL, p.url()), p.id()));
      bytes += p.html().length;
    }
    HtmlArticleCleaner cleaner = new HtmlArticleCleaner();
    Gazetteer gazetteer = Gazetteer.defaults();
    GazetteerEntityTagger tagger = new GazetteerEntityTagger(gazetteer);
    List<Article> cleaned = new ArrayList<>();
    for (RawArticle raw : raws) {
      try {
        cleaned.add(cleaner.clean(raw));
      } catch (SkippedArticleException e) {
        // a page without article text is not indexed either
      }
    }

    OtherCleaner other = compare == null ? null : OtherCleaner.load(compare);
    // The speed-up is measured between two loaded copies, this build's and the other's, each from its own jar and
    // class loader: timing this build's cleaner as loaded by the application against a copy from a jar favoured the
    // former by about 1.1x (this build against itself: 1.14x, runs 1.04-1.21).
    OtherCleaner self = other == null ? null : OtherCleaner.load(OtherCleaner.jarOf(HtmlArticleCleaner.class));

    // 1. cleaning vs parsing, interleaved page by page; each run is followed by an indexing run (2.), so that the
    // per-article comparison sees the same load from the neighbours too
    for (int i = 0; i < 2; i++) {
      interleaved(cleaner, other, self, raws);
      index(cleaned, tagger);
    }
    List<Double> cleanMbs = new ArrayList<>();
    List<Double> parseMbs = new ArrayList<>();
    List<Double> ratios = new ArrayList<>();
    List<Double> otherRatios = new ArrayList<>();
    List<Double> otherSeconds = new ArrayList<>();
    List<Double> selfSeconds = new ArrayList<>();
    List<Double> cleanSeconds = new ArrayList<>();
    List<Double> indexSeconds = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      long[] ns = interleaved(cleaner, other, self, raws);
      cleanMbs.add(bytes / 1e6 / (ns[0] / 1e9));
      parseMbs.add(bytes / 1e6 / (ns[1] / 1e9));
      ratios.add((double) ns[0] / ns[1]);
      cleanSeconds.add(ns[0] / 1e9);
      if (other != null) {
        otherRatios.add((double) ns[2] / ns[1]);
        otherSeconds.add(ns[2] / 1e9);
        selfSeconds.add(ns[3] / 1e9);
      }
      long t = THREADS.getCurrentThreadCpuTime();
      index(cleaned, tagger);
      indexSeconds.add((THREADS.getCurrentThreadCpuTime() - t) / 1e9);
    }
    long textChars = cleaned.stream().mapToLong(a -> a.body().length()).sum();
    double clean = median(cleanMbs);
    double pagesPerSecond = pages.size() / median(cleanSeconds);
    System.out.printf(Locale.ROOT, "HTML cleaning, 1 thread, %d pages, %.1f MB of HTML -> %d articles, %.2f M chars of"
        + " article text; median of %d runs, CPU time of the measuring thread%n", pages.size(), bytes / 1e6,
        cleaned.size(), textChars / 1e6, runs);
    System.out.printf(Locale.ROOT, "  HtmlArticleCleaner (slim + parse + metadata + extraction): %7.1f MB/s  (%.0f pages/s,"
        + " %.2f MB/s of article text out)%n", clean, pagesPerSecond, clean * textChars / bytes);
    System.out.printf(Locale.ROOT, "  baseline: jsoup parse of the original page                  %7.1f MB/s%n",
        median(parseMbs));
    System.out.printf(Locale.ROOT, "  cleaning costs %.2fx the bare parse (median of per-run ratios; runs %s)%n",
        median(ratios), format(ratios));
    if (other != null) {
      List<Double> speedups = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        speedups.add(otherSeconds.get(i) / selfSeconds.get(i));
      }
      System.out.printf(Locale.ROOT, "  compared: the cleaner of %s, same pages, interleaved: %.0f pages/s, %.2fx the"
          + " bare parse (runs %s); this build is %.2fx as fast (runs %s)%n", other.jar(),
          pages.size() / median(otherSeconds), median(otherRatios), format(otherRatios), median(speedups),
          format(speedups));
    }

    // 2. per article: cleaning vs tagging + indexing the cleaned articles
    double indexPerSecond = cleaned.size() / median(indexSeconds);
    System.out.printf(Locale.ROOT, "%nper article, 1 core: cleaning %.0f pages/s vs tagging + indexing the extracted articles"
        + " %.0f articles/s -> cleaning takes %.0f%% of clean + index CPU%n", pagesPerSecond, indexPerSecond,
        100 * (1 / pagesPerSecond) / (1 / pagesPerSecond + 1 / indexPerSecond));

    // 3. end to end, 2 worker threads
    if (builds > 0) {
      endToEnd(dir.resolve("html"), gazetteer, builds, median(cleanSeconds));
    }
  }

  /**
   * CPU nanoseconds of {clean, parse, other build's clean, this build's loaded copy's clean} over all pages, page by
   * page, the steps in a random order on each page: whichever step runs right after another one's work on the same
   * page finds that page in the caches, so any fixed or rotated order favours one step. With a fixed order (this
   * build, parse, other build), a build compared with itself measured 1.02x (runs 0.99-1.06) under load.
   */
  private static long[] interleaved(HtmlArticleCleaner cleaner, OtherCleaner other, OtherCleaner self,
      List<RawArticle> raws) {
    long[] ns = new long[4];
    long sink = 0;
    int steps = other == null ? 2 : 4;
    int[] order = new int[steps];
    for (RawArticle raw : raws) {
      shuffle(order);
      for (int step : order) {
        long t = THREADS.getCurrentThreadCpuTime();
        sink += switch (step) {
          case 0 -> cleanedLength(cleaner, raw);
          case 1 -> Jsoup.parse(raw.content(), "").body().childNodeSize();
          default -> {
            Article a = (step == 2 ? other : self).clean(raw);
            yield a == null ? 1 : a.body().length();
          }
        };
        ns[step] += THREADS.getCurrentThreadCpuTime() - t;
      }
    }
    if (sink == 42) {
      System.out.print("");
    }
    return ns;
  }

  /** Same seed every run of the benchmark: the orders differ from page to page, not from one invocation to the next. */
  private static final java.util.SplittableRandom ORDER = new java.util.SplittableRandom(17);

  /**
   * A random order of the steps {@code 0..order.length-1} (Fisher-Yates). Random, not rotated: a rotation keeps
   * each step right after the same other step, which then warms the caches for it on the same page.
   */
  private static void shuffle(int[] order) {
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    for (int i = order.length - 1; i > 0; i--) {
      int j = ORDER.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
  }

  private static int cleanedLength(HtmlArticleCleaner cleaner, RawArticle raw) {
    try {
      return cleaner.clean(raw).body().length();
    } catch (SkippedArticleException e) {
      return 1;
    }
  }

  private static long index(List<Article> articles, GazetteerEntityTagger tagger) throws IOException {
    // Serial merges keep all the indexing work on this thread, so its CPU time is the whole cost.
    IndexWriterConfig config = new IndexWriterConfig(NewsAnalyzers.forIndexing()).setRAMBufferSizeMB(256)
        .setMergeScheduler(new SerialMergeScheduler());
    try (ByteBuffersDirectory d = new ByteBuffersDirectory(); IndexWriter writer = new IndexWriter(d, config)) {
      for (Article a : articles) {
        writer.addDocument(ArticleDocuments.toDocument(tagger.tag(a)));
      }
      writer.commit();
      return writer.getDocStats().numDocs;
    }
  }

  private static void endToEnd(Path html, Gazetteer gazetteer, int builds, double cleanSecondsAlone)
      throws Exception {
    List<Double> workerSeconds = new ArrayList<>();
    List<Double> wallSeconds = new ArrayList<>();
    long indexed = 0;
    for (int b = 0; b < builds + 1; b++) { // the first build warms up
      Path index = Files.createTempDirectory("extraction-speed-index");
      try (WorkerCpu cpu = WorkerCpu.start()) {
        long w0 = System.nanoTime();
        IndexReport report = IndexBuilder.index(List.of(html),
            new IndexOptions(index, gazetteer, Optional.empty(), 2, 64), BuildListener.NONE);
        long w1 = System.nanoTime();
        indexed = report.indexed();
        if (b > 0) {
          workerSeconds.add(cpu.stop());
          wallSeconds.add((w1 - w0) / 1e9);
        }
      } finally {
        try (Stream<Path> walk = Files.walk(index)) {
          walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    }
    double worker = median(workerSeconds);
    System.out.printf(Locale.ROOT, "%nend to end: IndexBuilder.index (newsdesk index) of the %s pages, 2 worker threads,"
        + " %d articles indexed, median of %d builds: wall %.2f s, worker-thread CPU %.2f s (runs %s)%n",
        html, indexed, builds, median(wallSeconds), worker, format(workerSeconds));
    System.out.printf(Locale.ROOT, "  cleaning the same pages alone takes %.2f CPU-s = %.0f%% of the workers' CPU"
        + " (the rest: tagging, analysis, indexing)%n", cleanSecondsAlone, 100 * cleanSecondsAlone / worker);
  }

  /** Samples the CPU time of the build's worker threads while they live. */
  private static final class WorkerCpu implements AutoCloseable {
    private final Map<Long, Long> lastSeen = new ConcurrentHashMap<>();
    private final Thread sampler;
    private volatile boolean running = true;

    private WorkerCpu() {
      sampler = new Thread(() -> {
        while (running) {
          sample();
          try {
            Thread.sleep(5);
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "worker-cpu-sampler");
      sampler.setDaemon(true);
    }

    static WorkerCpu start() {
      WorkerCpu w = new WorkerCpu();
      w.sampler.start();
      return w;
    }

    private void sample() {
      for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
        if (info != null && info.getThreadName().startsWith("newsdesk-indexer-")) {
          long cpu = THREADS.getThreadCpuTime(info.getThreadId());
          if (cpu > 0) {
            lastSeen.merge(info.getThreadId(), cpu, Math::max);
          }
        }
      }
    }

    /** Total CPU seconds of the worker threads seen (the last few milliseconds of each may be missed). */
    double stop() throws InterruptedException {
      running = false;
      sampler.join();
      return lastSeen.values().stream().mapToLong(Long::longValue).sum() / 1e9;
    }

    @Override
    public void close() throws InterruptedException {
      running = false;
      sampler.join();
    }
  }

  private static String format(List<Double> values) {
    return values.stream().map(v -> String.format(Locale.ROOT, "%.2f", v)).toList().toString();
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}

package org.newsdesk.bench.extraction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SerialMergeScheduler;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.jsoup.Jsoup;
import org.newsdesk.analysis.NewsAnalyzers;
import org.newsdesk.bench.BenchFiles;
import org.newsdesk.bench.scale.BuildIndex;
import org.newsdesk.gazetteer.Gazetteer;
import org.newsdesk.index.BuildCpu;
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
 *   <li><b>Cleaning vs indexing, in the worker's order</b>: what a {@code newsdesk index} worker does with each page,
 *       clean it, then tag and index its article (same in-memory index as above), with the two steps timed apiece;
 *       the share of the worker's CPU that cleaning takes. The comparison above times cleaning page by page between
 *       jsoup parses of the same pages, whose garbage and cache misses stretch it (about 5 points of share on
 *       7 Dec); this one runs it among exactly the work it runs among in a build. One run after each run above.
 *   <li><b>End to end</b>: {@code IndexBuilder.index} (what {@code newsdesk index} runs) over the corpus's pages with
 *       2 worker threads, into a fresh index, after three warm-up builds; the CPU time by stage that each build
 *       reports ({@code BuildCpu}: its own threads reading, cleaning, tagging, indexing, committing, and the whole
 *       process), and cleaning's share of the workers' per-article CPU and of the whole build's. Median of
 *       {@code --builds} builds.
 *   <li><b>End to end against JSON Lines</b> ({@code --versus-jsonl K}, off by default): what an HTML page costs a
 *       whole build against the same article given as JSON Lines. {@code newsdesk index} (the builder in a child JVM
 *       with the collector the launcher gives {@code index}, 2 threads, 64 MB buffer) of K and of 3K copies of the
 *       corpus's pages (a directory of symbolic links per copy), and of K and 3K copies of the articles this
 *       benchmark extracted, written as JSON Lines (id, body, title, published, url, source); the process CPU of
 *       each build, and the difference between the two sizes per article, which leaves out what a build pays once
 *       (JVM start, gazetteer, commit, most of the JIT warm-up). Every copy repeats the same ids, so later copies
 *       update the first on both sides alike. {@code --builds} rounds, the four builds in a rotated order per
 *       round.
 * </ol>
 */
public final class ExtractionThroughput {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private ExtractionThroughput() {}

  /** Entry point. */
  public static void main(String[] args) throws Exception {
    Path dir = ExtractionCorpus.defaultDir();
    int runs = 5;
    int warmup = 2;
    int builds = 5;
    Path compare = null;
    int copies = 0;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--corpus" -> dir = Path.of(args[++i]);
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--builds" -> builds = Integer.parseInt(args[++i]);
        case "--compare" -> compare = Path.of(args[++i]);
        case "--versus-jsonl" -> copies = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'; usage: extraction-speed"
            + " [--corpus DIR] [--runs N] [--warmup N] [--builds N] [--compare INDEX_BUILDER_JAR]"
            + " [--versus-jsonl COPIES]");
      }
    }
    if (runs < 1 || builds < 0 || copies < 0) {
      throw new IllegalArgumentException("--runs must be >= 1, --builds and --versus-jsonl >= 0");
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
    for (int i = 0; i < warmup; i++) {
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
    List<double[]> workerSeconds = new ArrayList<>();
    for (int i = 0; i < warmup; i++) {
      workerOrder(cleaner, raws, tagger);
    }
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
      workerSeconds.add(workerOrder(cleaner, raws, tagger));
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
    List<Double> shares = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      double cleanPerPage = cleanSeconds.get(i) / pages.size();
      double indexPerArticle = indexSeconds.get(i) / cleaned.size();
      shares.add(100 * cleanPerPage / (cleanPerPage + indexPerArticle));
    }
    System.out.printf(Locale.ROOT, "%nper article, 1 core: cleaning %.0f pages/s vs tagging + indexing the extracted articles"
        + " %.0f articles/s -> cleaning takes %.0f%% of clean + index CPU (after %d warm-up runs; per run, in order:"
        + " %s)%n", pagesPerSecond, indexPerSecond, 100 * (1 / pagesPerSecond) / (1 / pagesPerSecond + 1 / indexPerSecond),
        warmup, shares.stream().map(v -> String.format(Locale.ROOT, "%.0f%%", v)).toList());

    // 2b. per article, in the worker's order
    List<Double> workerShares = new ArrayList<>();
    List<Double> workerClean = new ArrayList<>();
    List<Double> workerIndex = new ArrayList<>();
    for (double[] w : workerSeconds) {
      workerShares.add(100 * w[0] / (w[0] + w[1]));
      workerClean.add(w[0]);
      workerIndex.add(w[1]);
    }
    System.out.printf(Locale.ROOT, "per article in the worker's order (clean a page, then tag and index its article):"
        + " cleaning %.0f pages/s, tagging + indexing %.0f articles/s -> cleaning takes %.0f%% of the worker's CPU"
        + " (median of per-run shares; per run: %s)%n", pages.size() / median(workerClean),
        cleaned.size() / median(workerIndex), median(workerShares),
        workerShares.stream().map(v -> String.format(Locale.ROOT, "%.0f%%", v)).toList());

    // 3. end to end, 2 worker threads
    if (builds > 0) {
      endToEnd(dir.resolve("html"), gazetteer, builds);
    }

    // 4. end to end against the same articles as JSON Lines, in child JVMs
    if (copies > 0) {
      versusJsonLines(dir.resolve("html"), cleaned, copies, Math.max(1, builds));
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

  /**
   * One pass over the pages as a worker makes it: clean a page, then tag and index its article into an in-memory
   * index (serial merges, commit at the end, counted as indexing). CPU seconds of {cleaning, tagging + indexing}.
   */
  private static double[] workerOrder(HtmlArticleCleaner cleaner, List<RawArticle> raws,
      GazetteerEntityTagger tagger) throws IOException {
    long clean = 0;
    long index = 0;
    IndexWriterConfig config = new IndexWriterConfig(NewsAnalyzers.forIndexing()).setRAMBufferSizeMB(256)
        .setMergeScheduler(new SerialMergeScheduler());
    try (ByteBuffersDirectory d = new ByteBuffersDirectory(); IndexWriter writer = new IndexWriter(d, config)) {
      for (RawArticle raw : raws) {
        long t0 = THREADS.getCurrentThreadCpuTime();
        Article article;
        try {
          article = cleaner.clean(raw);
        } catch (SkippedArticleException e) {
          article = null; // a page without article text is not indexed either
        }
        long t1 = THREADS.getCurrentThreadCpuTime();
        clean += t1 - t0;
        if (article != null) {
          writer.addDocument(ArticleDocuments.toDocument(tagger.tag(article)));
          index += THREADS.getCurrentThreadCpuTime() - t1;
        }
      }
      long t2 = THREADS.getCurrentThreadCpuTime();
      writer.commit();
      index += THREADS.getCurrentThreadCpuTime() - t2;
    }
    return new double[] {clean / 1e9, index / 1e9};
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

  /**
   * Step 3: {@code builds} builds of the pages by {@code IndexBuilder.index}, after {@link #WARM_BUILDS} that warm
   * the JIT up, each into a fresh index; the stage times each build reports ({@link BuildCpu}: what the build's own
   * threads spent reading, cleaning, tagging, indexing and committing, and the whole process's CPU meanwhile).
   */
  private static void endToEnd(Path html, Gazetteer gazetteer, int builds) throws Exception {
    List<BuildCpu> measured = new ArrayList<>();
    List<Double> wallSeconds = new ArrayList<>();
    long indexed = 0;
    for (int b = 0; b < WARM_BUILDS + builds; b++) {
      Path index = Files.createTempDirectory("extraction-speed-index");
      try {
        long w0 = System.nanoTime();
        IndexReport report = IndexBuilder.index(List.of(html),
            new IndexOptions(index, gazetteer, Optional.empty(), 2, 64), BuildListener.NONE);
        long w1 = System.nanoTime();
        indexed = report.indexed();
        if (b >= WARM_BUILDS) {
          measured.add(report.cpu());
          wallSeconds.add((w1 - w0) / 1e9);
        }
      } finally {
        BenchFiles.deleteRecursively(index);
      }
    }
    if (!measured.get(0).measured()) {
      System.out.printf(Locale.ROOT, "%nend to end: this JVM has no per-thread CPU clock; no stage times%n");
      return;
    }
    System.out.printf(Locale.ROOT, "%nend to end: IndexBuilder.index (newsdesk index) of the %s pages, 2 worker threads,"
        + " %d articles indexed; the stage times each build reports (CPU-s summed over threads), median of %d builds"
        + " after %d warm-up builds; wall %.2f s%n", html, indexed, builds, WARM_BUILDS, median(wallSeconds));
    System.out.printf(Locale.ROOT, "  read %.3f, clean %.3f, tag %.3f, index %.3f, commit %.3f; whole process %.3f%n",
        medianOf(measured, BuildCpu::read), medianOf(measured, BuildCpu::clean), medianOf(measured, BuildCpu::tag),
        medianOf(measured, BuildCpu::index), medianOf(measured, BuildCpu::commit), medianOf(measured, BuildCpu::process));
    List<Double> ofWorkers = new ArrayList<>();
    List<Double> ofProcess = new ArrayList<>();
    for (BuildCpu cpu : measured) {
      ofWorkers.add(100 * cpu.cleanShareOfWorkers());
      if (!cpu.process().isZero()) {
        ofProcess.add(100.0 * cpu.clean().toNanos() / cpu.process().toNanos());
      }
    }
    System.out.printf(Locale.ROOT, "  cleaning takes %.0f%% of the workers' per-article CPU (clean + tag + index; builds %s)"
        + "%s%n", median(ofWorkers), percents(ofWorkers), ofProcess.isEmpty() ? ""
            : String.format(Locale.ROOT, " and %.0f%% of the whole build's CPU (builds %s)", median(ofProcess), percents(ofProcess)));
  }

  /** Builds run before {@link #endToEnd} measures, so that the indexing side is compiled as in a long build. */
  private static final int WARM_BUILDS = 3;

  private static double medianOf(List<BuildCpu> builds, java.util.function.Function<BuildCpu, java.time.Duration> stage) {
    return median(builds.stream().map(c -> stage.apply(c).toNanos() / 1e9).toList());
  }

  private static String percents(List<Double> values) {
    return values.stream().map(v -> String.format(Locale.ROOT, "%.0f%%", v)).toList().toString();
  }

  /**
   * Step 4: process CPU of child-JVM builds of {@code copies} and {@code 3 * copies} copies of the pages and of the
   * extracted articles as JSON Lines, per round; prints the marginal CPU per article of each input and their ratio.
   */
  private static void versusJsonLines(Path html, List<Article> articles, int copies, int rounds) throws Exception {
    Path work = Files.createTempDirectory("extraction-speed-e2e");
    try {
      List<Path> pages;
      try (Stream<Path> list = Files.list(html)) {
        pages = list.filter(Files::isRegularFile).sorted().toList();
      }
      int[] sizes = {copies, 3 * copies};
      Map<String, Path> corpora = new LinkedHashMap<>();
      for (int size : sizes) {
        corpora.put("html " + size, htmlCopies(work.resolve("html-" + size), pages, size));
        corpora.put("jsonl " + size, jsonLinesCopies(work.resolve("jsonl-" + size), articles, size));
      }
      List<String> order = new ArrayList<>(corpora.keySet());
      Map<String, List<Double>> cpu = new LinkedHashMap<>();
      corpora.keySet().forEach(k -> cpu.put(k, new ArrayList<>()));
      for (int r = 0; r < rounds; r++) {
        for (int k = 0; k < order.size(); k++) {
          String name = order.get((k + r) % order.size()); // rotated, so no input always follows the same one
          Path index = work.resolve("index");
          // the collector `newsdesk index` runs with (the launcher's), and the JVM's default heap, as there
          JsonNode result =
              BuildIndex.inChild(corpora.get(name), index, 2, 64, List.of("-XX:+UseParallelGC"), "newsdesk");
          BenchFiles.deleteRecursively(index);
          if (result.has("error") || result.get("cpu_seconds").asDouble() < 0) {
            System.out.printf(Locale.ROOT, "%nend to end against JSON Lines: the build of %s failed: %s%n", name, result);
            return;
          }
          cpu.get(name).add(result.get("cpu_seconds").asDouble());
        }
      }
      int perCopy = articles.size();
      double extra = (double) (sizes[1] - sizes[0]) * perCopy;
      List<Double> htmlMs = new ArrayList<>();
      List<Double> jsonMs = new ArrayList<>();
      List<Double> shares = new ArrayList<>();
      for (int r = 0; r < rounds; r++) {
        double h = (cpu.get("html " + sizes[1]).get(r) - cpu.get("html " + sizes[0]).get(r)) / extra * 1e3;
        double j = (cpu.get("jsonl " + sizes[1]).get(r) - cpu.get("jsonl " + sizes[0]).get(r)) / extra * 1e3;
        htmlMs.add(h);
        jsonMs.add(j);
        shares.add((h - j) / h);
      }
      System.out.printf(Locale.ROOT, "%nend to end against JSON Lines: newsdesk index (child JVM, parallel GC, 2 threads,"
          + " 64 MB buffer) of %d and %d copies of the %d pages, and of the same %d articles as JSON Lines; process CPU, %d round(s)%n",
          sizes[0], sizes[1], pages.size(), perCopy, rounds);
      for (String name : corpora.keySet()) {
        System.out.printf(Locale.ROOT, "  %-10s CPU-s %s%n", name, format(cpu.get(name)));
      }
      System.out.printf(Locale.ROOT, "  per article, the difference between the two sizes: an HTML page %.2f CPU-ms (rounds %s),"
          + " the same article as JSON Lines %.2f CPU-ms (rounds %s)%n", median(htmlMs), format(htmlMs), median(jsonMs),
          format(jsonMs));
      System.out.printf(Locale.ROOT, "  an HTML page costs %.1fx its article as JSON Lines: what the page costs beyond its"
          + " article (reading and cleaning it) is %.0f%% of an HTML build's CPU (rounds %s)%n", median(htmlMs) / median(jsonMs), 100 * median(shares),
          format(shares));
    } finally {
      BenchFiles.deleteRecursively(work);
    }
  }

  /** {@code copies} directories of symbolic links to the pages (copies of them where links are not supported). */
  private static Path htmlCopies(Path dir, List<Path> pages, int copies) throws IOException {
    for (int c = 0; c < copies; c++) {
      Path copy = Files.createDirectories(dir.resolve(String.format(Locale.ROOT, "c%03d", c)));
      for (Path page : pages) {
        Path link = copy.resolve(page.getFileName().toString());
        try {
          Files.createSymbolicLink(link, page.toAbsolutePath());
        } catch (UnsupportedOperationException | IOException e) {
          Files.copy(page, link);
        }
      }
    }
    return dir;
  }

  /** {@code copies} JSON Lines files, each with every article (the fields the JSON Lines reader documents). */
  private static Path jsonLinesCopies(Path dir, List<Article> articles, int copies) throws IOException {
    Files.createDirectories(dir);
    ObjectMapper json = new ObjectMapper();
    StringBuilder lines = new StringBuilder();
    for (Article a : articles) {
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("id", a.id());
      line.put("body", a.body());
      line.put("title", a.title());
      line.put("published", a.published() == null ? null : a.published().toString());
      line.put("url", a.url());
      line.put("source", a.source());
      line.values().removeIf(Objects::isNull);
      lines.append(json.writeValueAsString(line)).append('\n');
    }
    for (int c = 0; c < copies; c++) {
      try (BufferedWriter w = Files.newBufferedWriter(dir.resolve(String.format(Locale.ROOT, "c%03d.jsonl", c)))) {
        w.write(lines.toString());
      }
    }
    return dir;
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

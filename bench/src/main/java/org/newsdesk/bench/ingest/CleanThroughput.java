package org.newsdesk.bench.ingest;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SerialMergeScheduler;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.newsdesk.analysis.NewsAnalyzers;
import org.newsdesk.bench.corpus.CorpusSpec;
import org.newsdesk.bench.corpus.OutputFormat;
import org.newsdesk.bench.corpus.SyntheticCorpus;
import org.newsdesk.gazetteer.Gazetteer;
import org.newsdesk.index.clean.ArticleCleaners;
import org.newsdesk.index.clean.SkippedArticleException;
import org.newsdesk.index.corpus.Corpus;
import org.newsdesk.index.corpus.RawArticle;
import org.newsdesk.index.corpus.SourceFile;
import org.newsdesk.index.enrich.GazetteerEntityTagger;
import org.newsdesk.model.Article;
import org.newsdesk.schema.ArticleDocuments;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench/run clean-throughput}: cleaned MB/s per core for raw scraped text, JSON Lines and (when the sample
 * corpus is there) HTML, against the baseline of indexing the same articles, measured in the same run.
 *
 * <p>Everything runs on one thread and is timed in that thread's CPU time (the machine may be shared), so MB/s is
 * MB per CPU-second, i.e. per core. MB are the input bytes (whole files). Stages:
 * <b>read</b> ({@code Corpus.read} from the page cache), <b>clean</b> (the format's cleaner plus language detection,
 * on articles already in memory), <b>read+clean</b>, <b>tag</b> (gazetteer entity tagging of the cleaned articles),
 * and the baseline <b>index</b> (Lucene analysis and inverted-index building of the cleaned, tagged articles into
 * memory with the project's analyzer and document mapping). Each stage runs once to warm up and then
 * {@code --runs} times; the median is reported. Cleaning is not the bottleneck when clean MB/s is well above index MB/s.
 */
@Command(name = "clean-throughput", mixinStandardHelpOptions = true,
    description = "Cleaned MB/s per core for raw text, JSON Lines and HTML, against indexing the same articles.")
public final class CleanThroughput implements Callable<Integer> {
  @Option(names = "--articles", defaultValue = "2000", description = "synthetic articles per format (default ${DEFAULT-VALUE})")
  long articles;

  @Option(names = "--runs", defaultValue = "5", description = "timed runs per stage; the median is reported (default ${DEFAULT-VALUE})")
  int runs;

  @Option(names = "--seed", defaultValue = "42", description = "corpus seed (default ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--work", description = "where to generate the corpora (default: a temporary directory, deleted afterwards)")
  Path work;

  @Option(names = "--html", description = "directory of HTML pages (default: sample-corpus/articles/html under newsdesk.home)")
  Path html;

  /** Thread CPU time, not wall-clock time: the machine is shared, and CPU time per byte is the per-core cost. */
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** Inputs smaller than this are repeated. */
  private static final long MIN_BYTES = 2_000_000;

  private final PrintWriter out = new PrintWriter(System.out, true);

  public static void main(String[] args) {
    System.exit(new CommandLine(new CleanThroughput()).execute(args));
  }

  /** One timed stage's result. */
  private record Stage(String name, long bytes, long articles, double medianSeconds, double minSeconds,
      double maxSeconds) {
    double mbPerSecond() {
      return bytes / 1e6 / medianSeconds;
    }

    double articlesPerSecond() {
      return articles / medianSeconds;
    }
  }

  @Override
  public Integer call() throws Exception {
    if (runs < 1 || articles < 1) {
      throw new IllegalArgumentException("--runs and --articles must be >= 1");
    }
    boolean temporary = work == null;
    Path dir = temporary ? Files.createTempDirectory("clean-throughput") : work;
    try {
      Gazetteer gazetteer = Gazetteer.defaults();
      out.printf(Locale.ROOT, "clean-throughput: %d articles per format, seed %d, %d runs (median), 1 thread, Java %s%n",
          articles, seed, runs, Runtime.version());
      out.printf(Locale.ROOT, "%-6s %-11s %10s %9s %10s %9s %9s%n", "input", "stage", "MB", "MB/s", "articles/s", "min cpu s",
          "max cpu s");
      List<String> ratios = new ArrayList<>();
      ratios.add(measure("raw", corpus(dir.resolve("raw"), OutputFormat.RAW, gazetteer), gazetteer));
      ratios.add(measure("jsonl", corpus(dir.resolve("jsonl"), OutputFormat.JSONL, gazetteer), gazetteer));
      Path pages = html != null ? html : Path.of(System.getProperty("newsdesk.home", "."), "sample-corpus", "articles", "html");
      if (Files.isDirectory(pages)) {
        ratios.add(measure("html", pages, gazetteer));
      } else {
        out.println("html: no pages at " + pages + "; skipped");
      }
      out.println();
      ratios.forEach(out::println);
      return 0;
    } finally {
      if (temporary) {
        try (Stream<Path> walk = Files.walk(dir)) {
          walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    }
  }

  private Path corpus(Path out, OutputFormat format, Gazetteer gazetteer) throws IOException {
    if (!Files.isDirectory(out)) {
      int files = 1;
      SyntheticCorpus.generate(new CorpusSpec(articles, seed, format, out, files, 100_000, 0, 0), gazetteer, 1);
    }
    return out;
  }

  private String measure(String input, Path root, Gazetteer gazetteer) throws Exception {
    List<SourceFile> found = Corpus.scan(List.of(root), Optional.empty(), p -> {});
    // A small directory (the 16 sample pages) is read several times over, so each timed run does enough work.
    List<SourceFile> files = new ArrayList<>(found);
    while (inputBytes(files) < MIN_BYTES) {
      files.addAll(found);
    }
    List<RawArticle> raws = read(files);
    long bytes = inputBytes(files);
    ArticleCleaners cleaners = ArticleCleaners.defaults();
    List<Article> cleaned = clean(cleaners, raws);
    GazetteerEntityTagger tagger = new GazetteerEntityTagger(gazetteer);
    List<Article> tagged = cleaned.stream().map(tagger::tag).toList();

    long n = raws.size();
    Stage read = time("read", bytes, n, () -> read(files).size());
    Stage clean = time("clean", bytes, n, () -> clean(cleaners, raws).size());
    Stage readClean = time("read+clean", bytes, n, () -> clean(cleaners, read(files)).size());
    Stage tag = time("tag", bytes, n, () -> cleaned.stream().map(tagger::tag).toList().size());
    Stage index = time("index", bytes, n, () -> index(tagged));
    for (Stage s : List.of(read, clean, readClean, tag, index)) {
      out.printf(Locale.ROOT, "%-6s %-11s %10.2f %9.2f %10.0f %9.3f %9.3f%n", input, s.name(), s.bytes() / 1e6,
          s.mbPerSecond(), s.articlesPerSecond(), s.minSeconds(), s.maxSeconds());
    }
    // Per article is the comparison that matters: MB of HTML and MB of extracted text are not the same work.
    return String.format(Locale.ROOT, "%s: %d articles read, %.1f MB; read+clean %.1f MB/s per core = %.1fx the index baseline"
            + " (%.1f MB/s); clean alone %.1f MB/s; per article: read+clean %.0f/s vs index %.0f/s = %.2fx", input,
        raws.size(), bytes / 1e6, readClean.mbPerSecond(), readClean.mbPerSecond() / index.mbPerSecond(),
        index.mbPerSecond(), clean.mbPerSecond(), readClean.articlesPerSecond(), index.articlesPerSecond(),
        readClean.articlesPerSecond() / index.articlesPerSecond());
  }

  /** Input size: the (decompressed) bytes of every file read. */
  private static long inputBytes(List<SourceFile> files) throws IOException {
    long total = 0;
    for (SourceFile f : files) {
      total += f.readAllBytes().length;
    }
    return total;
  }

  private static List<RawArticle> read(List<SourceFile> files) {
    List<RawArticle> raws = new ArrayList<>();
    for (SourceFile f : files) {
      try {
        Corpus.read(f, raws::add, p -> {
          throw new IllegalStateException("benchmark input has a problem: " + p);
        });
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return raws;
  }

  private static List<Article> clean(ArticleCleaners cleaners, List<RawArticle> raws) {
    List<Article> out = new ArrayList<>(raws.size());
    for (RawArticle raw : raws) {
      try {
        out.add(cleaners.clean(raw));
      } catch (SkippedArticleException e) {
        throw new IllegalStateException("benchmark article skipped: " + raw.origin() + ": " + e.getMessage(), e);
      }
    }
    return out;
  }

  private static long index(List<Article> articles) throws IOException {
    // Serial merges keep all the indexing work on this thread, so its CPU time is the whole cost.
    IndexWriterConfig config = new IndexWriterConfig(NewsAnalyzers.forIndexing()).setRAMBufferSizeMB(256)
        .setMergeScheduler(new SerialMergeScheduler());
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory(); IndexWriter writer = new IndexWriter(dir, config)) {
      for (Article a : articles) {
        writer.addDocument(ArticleDocuments.toDocument(a));
      }
      writer.commit();
      return writer.getDocStats().numDocs;
    }
  }

  /** Work that returns a count, so the JIT cannot drop it. */
  @FunctionalInterface
  private interface Work {
    long run() throws Exception;
  }

  private Stage time(String name, long bytes, long articles, Work work) throws Exception {
    long sink = work.run();
    double[] seconds = new double[runs];
    for (int i = 0; i < runs; i++) {
      long t = THREADS.getCurrentThreadCpuTime();
      sink += work.run();
      seconds[i] = (THREADS.getCurrentThreadCpuTime() - t) / 1e9;
    }
    if (sink < 0) {
      throw new IllegalStateException("unreachable");
    }
    double[] sorted = seconds.clone();
    Arrays.sort(sorted);
    double median = runs % 2 == 1 ? sorted[runs / 2] : (sorted[runs / 2 - 1] + sorted[runs / 2]) / 2;
    return new Stage(name, bytes, articles, median, sorted[0], sorted[runs - 1]);
  }
}

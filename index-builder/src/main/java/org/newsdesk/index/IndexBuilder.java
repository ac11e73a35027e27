package org.newsdesk.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.newsdesk.analysis.NewsAnalyzers;
import org.newsdesk.index.clean.ArticleCleaners;
import org.newsdesk.index.clean.SkippedArticleException;
import org.newsdesk.index.corpus.Corpus;
import org.newsdesk.index.corpus.InputProblem;
import org.newsdesk.index.corpus.ProblemSink;
import org.newsdesk.index.corpus.RawArticle;
import org.newsdesk.index.corpus.SourceFile;
import org.newsdesk.index.enrich.GazetteerEntityTagger;
import org.newsdesk.model.Article;
import org.newsdesk.schema.ArticleDocuments;
import org.newsdesk.schema.NewsField;
import org.newsdesk.schema.NewsSchema;

/**
 * The index builder's facade: reads, cleans, tags and indexes articles, or only reads, cleans and tags them.
 *
 * <p>One reader thread walks the inputs and feeds a bounded queue; {@link IndexOptions#threads()} workers clean,
 * tag and add. Everything is committed once at the end, in one Lucene commit that also records the schema version:
 * until then searchers keep seeing the previous commit, and a crash leaves that commit intact.
 */
public final class IndexBuilder {
  private static final RawArticle END = new RawArticle("<end>", org.newsdesk.index.corpus.CorpusFormat.RAW_TEXT, "", null, null);

  private IndexBuilder() {}

  /**
   * Adds or updates the articles found under {@code sources}.
   *
   * @throws IndexLockedException if another builder is running on the index
   * @throws org.newsdesk.schema.SchemaMismatchException if the index has another schema version
   */
  public static IndexReport index(List<Path> sources, IndexOptions options, Consumer<String> progress) throws IOException {
    Instant start = Instant.now();
    Files.createDirectories(options.indexDir());
    Counters counters = new Counters();
    try (Directory dir = FSDirectory.open(options.indexDir());
        IndexWriter writer = openWriter(dir, options)) {
      if (DirectoryReader.indexExists(dir)) {
        NewsSchema.checkCompatible(writer.getLiveCommitData() == null ? Map.of() : toMap(writer.getLiveCommitData()),
            options.indexDir().toString());
      }
      try (DirectoryReader before = DirectoryReader.indexExists(dir) ? DirectoryReader.open(writer) : null) {
        IndexSearcher existing = before == null ? null : new IndexSearcher(before);
        List<SourceFile> files = Corpus.scan(sources, options.format(), counters);
        counters.files.set(files.size());
        ArticlePipeline pipeline = pipeline(options);
        run(files, options.threads(), counters, raw -> {
          Article article = pipeline.process(raw);
          if (article.published() == null) {
            counters.report(new InputProblem(raw.origin(), InputProblem.Kind.UNDATED, "no parseable date; indexed as undated", false));
          }
          String previous = existing == null ? null : storedHash(existing, article.id());
          if (previous != null && previous.equals(article.contentHash())) {
            counters.unchanged.incrementAndGet();
            return;
          }
          writer.updateDocument(ArticleDocuments.idTerm(article.id()), ArticleDocuments.toDocument(article));
          (previous == null ? counters.added : counters.updated).incrementAndGet();
        });
      }
      options.gazetteer().write(options.indexDir().resolve(NewsSchema.GAZETTEER_FILE));
      writer.setLiveCommitData(commitData(options).entrySet());
      writer.commit();
    }
    return counters.report(Duration.between(start, Instant.now()));
  }

  /** Reads, cleans and tags the articles under {@code sources} without touching any index. */
  public static IndexReport inspect(List<Path> sources, IndexOptions options, Consumer<Article> out, ProblemSink problems) throws IOException {
    Instant start = Instant.now();
    Counters counters = new Counters(problems);
    List<SourceFile> files = Corpus.scan(sources, options.format(), counters);
    counters.files.set(files.size());
    ArticlePipeline pipeline = pipeline(options);
    for (SourceFile file : files) {
      try {
        Corpus.read(file, raw -> {
          try {
            out.accept(pipeline.process(raw));
            counters.added.incrementAndGet();
          } catch (SkippedArticleException e) {
            counters.skip(raw.origin(), e);
          }
        }, counters);
      } catch (IOException | UncheckedIOException e) {
        counters.report(new InputProblem(file.name(), InputProblem.Kind.UNREADABLE, "cannot read: " + e.getMessage(), true));
      }
    }
    return counters.report(Duration.between(start, Instant.now()));
  }

  /** The pipeline the options describe. */
  public static ArticlePipeline pipeline(IndexOptions options) {
    return new ArticlePipeline(ArticleCleaners.defaults(), new GazetteerEntityTagger(options.gazetteer()));
  }

  private static IndexWriter openWriter(Directory dir, IndexOptions options) throws IOException {
    IndexWriterConfig config = new IndexWriterConfig(NewsAnalyzers.forIndexing())
        .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
        .setRAMBufferSizeMB(options.ramBufferMb())
        .setCommitOnClose(false);
    try {
      return new IndexWriter(dir, config);
    } catch (LockObtainFailedException e) {
      throw new IndexLockedException("index " + options.indexDir() + " is locked by another newsdesk index or rebuild run;"
          + " wait for it to finish", e);
    }
  }

  private static Map<String, String> commitData(IndexOptions options) {
    Map<String, String> data = new HashMap<>();
    data.put(NewsSchema.USER_DATA_SCHEMA_VERSION, Integer.toString(NewsSchema.VERSION));
    data.put(NewsSchema.USER_DATA_GAZETTEER, options.gazetteer().fingerprint());
    data.put(NewsSchema.USER_DATA_BUILT_AT, Instant.now().toString());
    return data;
  }

  private static Map<String, String> toMap(Iterable<Map.Entry<String, String>> entries) {
    Map<String, String> map = new HashMap<>();
    entries.forEach(e -> map.put(e.getKey(), e.getValue()));
    return map;
  }

  private static String storedHash(IndexSearcher searcher, String id) throws IOException {
    TopDocs top = searcher.search(new TermQuery(ArticleDocuments.idTerm(id)), 1);
    if (top.scoreDocs.length == 0) {
      return null;
    }
    StoredFields stored = searcher.storedFields();
    return stored.document(top.scoreDocs[0].doc).get(NewsField.CONTENT_HASH.fieldName());
  }

  /** Work done on one raw article by a worker thread. */
  @FunctionalInterface
  interface ArticleWork {
    void accept(RawArticle raw) throws IOException, SkippedArticleException;
  }

  /** One reader thread (this one) feeds {@code threads} workers through a bounded queue. */
  static void run(List<SourceFile> files, int threads, Counters counters, ArticleWork work) throws IOException {
    BlockingQueue<RawArticle> queue = new ArrayBlockingQueue<>(256);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    List<Thread> workers = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      Thread t = new Thread(() -> {
        try {
          for (RawArticle raw = queue.take(); raw != END; raw = queue.take()) {
            if (failure.get() != null) {
              continue;
            }
            try {
              work.accept(raw);
            } catch (SkippedArticleException e) {
              counters.skip(raw.origin(), e);
            } catch (Throwable e) {
              failure.compareAndSet(null, e);
            }
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "newsdesk-indexer-" + i);
      t.start();
      workers.add(t);
    }
    try {
      for (SourceFile file : files) {
        if (failure.get() != null) {
          break;
        }
        try {
          Corpus.read(file, raw -> put(queue, raw), counters);
        } catch (IOException | UncheckedIOException e) {
          counters.report(new InputProblem(file.name(), InputProblem.Kind.UNREADABLE, "cannot read: " + e.getMessage(), true));
        }
      }
    } finally {
      for (int i = 0; i < threads; i++) {
        put(queue, END);
      }
      for (Thread t : workers) {
        try {
          t.join();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted while indexing", e);
        }
      }
    }
    Throwable f = failure.get();
    if (f instanceof IOException io) {
      throw io;
    } else if (f instanceof RuntimeException re) {
      throw re;
    } else if (f instanceof Error err) {
      throw err;
    } else if (f != null) {
      throw new IOException(f);
    }
  }

  private static void put(BlockingQueue<RawArticle> queue, RawArticle raw) {
    try {
      queue.put(raw);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading", e);
    }
  }

  /** Thread-safe counts of a run. */
  static final class Counters implements ProblemSink {
    final AtomicLong added = new AtomicLong();
    final AtomicLong updated = new AtomicLong();
    final AtomicLong unchanged = new AtomicLong();
    final AtomicLong deleted = new AtomicLong();
    final AtomicLong files = new AtomicLong();
    private final Map<InputProblem.Kind, Long> skipped = new EnumMap<>(InputProblem.Kind.class);
    private final List<InputProblem> problems = new ArrayList<>();
    private final ProblemSink forward;

    Counters() {
      this(p -> {});
    }

    Counters(ProblemSink forward) {
      this.forward = forward;
    }

    @Override
    public synchronized void report(InputProblem problem) {
      problems.add(problem);
      if (problem.skipped()) {
        skipped.merge(problem.kind(), 1L, Long::sum);
      }
      forward.report(problem);
    }

    void skip(String origin, SkippedArticleException e) {
      report(new InputProblem(origin, e.kind(), e.getMessage(), true));
    }

    synchronized IndexReport report(Duration duration) {
      return new IndexReport(added.get(), updated.get(), unchanged.get(), deleted.get(), skipped, problems, files.get(), duration);
    }
  }
}

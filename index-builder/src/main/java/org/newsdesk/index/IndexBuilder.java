package org.newsdesk.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.newsdesk.index.clean.ArticleCleaners;
import org.newsdesk.index.clean.SkippedArticleException;
import org.newsdesk.index.corpus.Corpus;
import org.newsdesk.index.corpus.InputProblem;
import org.newsdesk.index.corpus.ProblemSink;
import org.newsdesk.index.corpus.SourceFile;
import org.newsdesk.index.enrich.GazetteerEntityTagger;
import org.newsdesk.model.Article;

/**
 * The index builder's facade: builds, rebuilds, rolls back and checks an index, or only reads, cleans and tags.
 *
 * <p>Every build ({@link #index}, {@link #rebuild}) takes the index's write lock first, so a second builder fails
 * at once with {@link IndexLockedException}; the lock is an OS file lock, released when a process dies, so a crashed
 * builder never blocks the next one. A build commits once at the end, in one Lucene commit whose user data records
 * the schema version, the gazetteer fingerprint and the source manifest: until then searchers keep seeing the
 * previous commit, and a crash leaves that commit intact. The last {@link IndexOptions#keep()} generations are kept
 * for {@link #rollback}.
 */
public final class IndexBuilder {
  private IndexBuilder() {}

  /**
   * Adds or updates the articles found under {@code sources}; never deletes.
   *
   * @throws IndexLockedException if another builder is running on the index
   * @throws org.newsdesk.schema.SchemaMismatchException if the index has another schema version
   */
  public static IndexReport index(List<Path> sources, IndexOptions options, BuildListener listener) throws IOException {
    return new BuildRun(sources, options, BuildRun.Mode.ADD_UPDATE, listener, pipeline(options)).run();
  }

  /** {@link #index(List, IndexOptions, BuildListener)} reporting log lines to {@code progress}. */
  public static IndexReport index(List<Path> sources, IndexOptions options, Consumer<String> progress) throws IOException {
    return index(sources, options, new BuildListener() {
      @Override
      public void log(String message) {
        progress.accept(message);
      }
    });
  }

  /**
   * Makes the index mirror {@code sources}: adds new articles, updates changed ones, deletes those whose source is
   * gone, and leaves unchanged ones alone (unchanged files are not even opened). A changed schema version, or
   * {@code full}, re-processes everything from scratch; a changed gazetteer re-tags.
   *
   * @throws IndexLockedException if another builder is running on the index
   */
  public static IndexReport rebuild(List<Path> sources, IndexOptions options, boolean full, BuildListener listener) throws IOException {
    return rebuild(sources, options, full, false, listener);
  }

  /**
   * {@link #rebuild(List, IndexOptions, boolean, BuildListener)}; a rebuild that finds no input file at all in
   * {@code sources} would delete every article, and fails with {@link IndexStateException} unless
   * {@code allowEmpty} (an unmounted share or an emptied folder must not empty a nightly rebuild's index).
   */
  public static IndexReport rebuild(List<Path> sources, IndexOptions options, boolean full, boolean allowEmpty,
      BuildListener listener) throws IOException {
    BuildRun.Mode mode = full ? BuildRun.Mode.FULL : BuildRun.Mode.MIRROR;
    return new BuildRun(sources, options, mode, listener, pipeline(options), allowEmpty).run();
  }

  /**
   * Makes the previous generation current again, in one commit (no copying).
   *
   * @throws IndexStateException if there is no index or no earlier generation
   * @throws IndexLockedException if a builder is running
   */
  public static RollbackReport rollback(Path indexDir) throws IOException {
    return Generations.rollback(indexDir);
  }

  /** The kept generations, newest (current) first. */
  public static List<Generation> generations(Path indexDir) throws IOException {
    return Generations.list(indexDir);
  }

  /**
   * Checks the index with Lucene's CheckIndex.
   *
   * @throws IndexStateException if there is no index
   * @throws IndexLockedException if a builder is running
   */
  public static IndexHealth check(Path indexDir) throws IOException {
    return IndexCheck.check(indexDir);
  }

  /** Reads, cleans and tags the articles under {@code sources} without touching any index. */
  public static IndexReport inspect(List<Path> sources, IndexOptions options, Consumer<Article> out, ProblemSink problems) throws IOException {
    Instant start = Instant.now();
    BuildCounters counters = new BuildCounters(problems);
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
    return counters.report("inspect", -1, Duration.between(start, Instant.now()));
  }

  /** The pipeline the options describe. */
  public static ArticlePipeline pipeline(IndexOptions options) {
    return new ArticlePipeline(ArticleCleaners.defaults(), new GazetteerEntityTagger(options.gazetteer()));
  }
}

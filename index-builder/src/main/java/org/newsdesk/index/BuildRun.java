package org.newsdesk.index;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.apache.lucene.codecs.CodecUtil;
import org.apache.lucene.index.ConcurrentMergeScheduler;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.util.Bits;
import org.newsdesk.analysis.NewsAnalyzers;
import org.newsdesk.index.clean.SkippedArticleException;
import org.newsdesk.gazetteer.Gazetteer;
import org.newsdesk.gazetteer.NameIndex;
import org.newsdesk.index.enrich.Retagger;
import org.newsdesk.index.corpus.Corpus;
import org.newsdesk.index.corpus.CorpusFormat;
import org.newsdesk.index.corpus.FileDigest;
import org.newsdesk.index.corpus.InputProblem;
import org.newsdesk.index.corpus.ProblemSink;
import org.newsdesk.index.corpus.RawArticle;
import org.newsdesk.index.corpus.SourceFile;
import org.newsdesk.model.Article;
import org.newsdesk.schema.ArticleDocuments;
import org.newsdesk.schema.NewsField;
import org.newsdesk.schema.NewsSchema;
import org.newsdesk.schema.SchemaMismatchException;

/**
 * One index or rebuild run, from taking the write lock to the single commit.
 *
 * <p>The steps: take the lock (open the writer) → decide the {@link Plan} from the last commit's user data (schema
 * version, gazetteer fingerprint, manifest) → scan the sources → read: files whose stat or hash matches the manifest
 * are skipped unopened, articles of changed files whose content hash matches are skipped uncleaned, the rest go to
 * the workers → workers clean, tag and update → delete what vanished → write the manifest → commit once. Until the
 * commit, searchers see the previous generation; a crash anywhere leaves it intact and the next run's writer removes
 * the unreferenced files.
 */
final class BuildRun {
  /** What the caller asked for. */
  enum Mode {
    /** {@code index}: add and update, never delete. */
    ADD_UPDATE,
    /** {@code rebuild}: make the index mirror the sources. */
    MIRROR,
    /** {@code rebuild --full}: re-process everything from scratch. */
    FULL
  }

  private static final String NO_HASH = "-";
  private static final int DELETE_BATCH = 1024;
  /** More input paths than this are not recorded: no message could give them as a command to paste. */
  private static final int MAX_RECORDED_SOURCES = 64;

  private final List<Path> sources;
  private final IndexOptions options;
  private final Mode mode;
  private final BuildListener listener;
  private final ArticlePipeline pipeline;
  private final java.util.function.UnaryOperator<Directory> directories;
  /**
   * Ids written by this run, each with the reading position ({@link Work#seq}) of the input that holds it in the
   * index: of two inputs with the same id the later one read is kept, whichever worker finishes first.
   */
  private final Map<String, Long> writtenThisRun = new java.util.concurrent.ConcurrentHashMap<>();
  /** Reading position of the next article queued; only the reading thread counts. */
  private long readSeq;
  /**
   * Striped locks that order the writes of one id: an id's first write may be an {@code addDocument}, and a second
   * input with the same id must not replace it before it is in the writer.
   */
  private final Object[] idLocks = new Object[64];
  /** True when the index holds no article at the start of the read (new index, or every article deleted). */
  private boolean emptyAtStart;
  /** Set when a full rebuild found the index too damaged to open and started a new one over it. */
  private boolean startedOverDamage;
  /** A rebuild may find no input file at all and so delete every article (otherwise it fails). */
  private final boolean allowEmpty;
  /** Raw files whose id clash the scan has reported (Corpus.sameIds): the write is not reported again. */
  private Set<String> clashSaid = Set.of();
  /**
   * The duplicate-id warnings stored with the files this run keeps unchanged, said again only where they still hold
   * ({@link #replayDuplicates}): the other file may be gone, or yield another id by now. Reading thread only.
   */
  private final List<InputProblem> storedDuplicates = new ArrayList<>();
  /** The files this run reads again (new or changed), by key; the others' entries are kept as they were. */
  private final Set<String> reread = ConcurrentHashMap.newKeySet();
  /** {@code index}: the ids files of earlier runs lose to this run's ({@link #loseOutside}), by the file's key. */
  private final Map<String, Set<String>> lost = new HashMap<>();
  /** Ids read again for the article they should hold ({@link #resolveSharedIds}), with that article's hash. */
  private final Map<String, String> restoring = new HashMap<>();
  /** Ids among those that get back the article they held before this run: no update after all. */
  private final Set<String> uncounted = new HashSet<>();
  /** The content hash of the article each id written in this run holds now (the last write in reading order). */
  private final Map<String, String> writtenHash = new ConcurrentHashMap<>();

  BuildRun(List<Path> sources, IndexOptions options, Mode mode, BuildListener listener, ArticlePipeline pipeline) {
    this(sources, options, mode, listener, pipeline, false);
  }

  BuildRun(List<Path> sources, IndexOptions options, Mode mode, BuildListener listener, ArticlePipeline pipeline,
      boolean allowEmpty) {
    this(sources, options, mode, listener, pipeline, java.util.function.UnaryOperator.identity(), allowEmpty);
  }

  /**
   * Test hook: {@code directories} wraps the index's {@link FSDirectory} before the writer opens it (fault injection,
   * such as a disk that fills up part way).
   */
  BuildRun(List<Path> sources, IndexOptions options, Mode mode, BuildListener listener, ArticlePipeline pipeline,
      java.util.function.UnaryOperator<Directory> directories) {
    this(sources, options, mode, listener, pipeline, directories, false);
  }

  private BuildRun(List<Path> sources, IndexOptions options, Mode mode, BuildListener listener, ArticlePipeline pipeline,
      java.util.function.UnaryOperator<Directory> directories, boolean allowEmpty) {
    this.allowEmpty = allowEmpty;
    this.sources = List.copyOf(sources);
    this.options = options;
    this.mode = mode;
    this.listener = listener;
    this.pipeline = pipeline;
    this.directories = directories;
    for (int i = 0; i < idLocks.length; i++) {
      idLocks[i] = new Object();
    }
  }

  /**
   * What a run will do, decided from the last commit.
   *
   * @param description the report's {@code mode}
   * @param deleteAll start from an empty index (in the same writer session: the old commit stays searchable)
   * @param reprocessAll ignore the manifest's hashes and re-process every article
   * @param old the manifest of the last commit (empty for a new index)
   * @param retag the gazetteer changed: after the incremental pass, re-tag the articles whose tags change
   */
  record Plan(String description, boolean deleteAll, boolean reprocessAll, SourceManifest old, boolean retag) {
    Plan(String description, boolean deleteAll, boolean reprocessAll, SourceManifest old) {
      this(description, deleteAll, reprocessAll, old, false);
    }
  }

  IndexReport run() throws IOException {
    Instant start = Instant.now();
    Path indexDir = options.indexDir();
    // A source that does not exist fails the run before anything is made: no empty index left behind.
    for (Path source : sources) {
      if (!Files.exists(source)) {
        throw new java.nio.file.NoSuchFileException(source.toString(), null, "no such file or directory");
      }
    }
    Files.createDirectories(indexDir);
    BuildCounters counters = new BuildCounters(listener::problem);
    try (Directory dir = directories.apply(FSDirectory.open(indexDir));
        IndexWriter writer = openWriter(dir, indexDir)) {
      try {
        return build(dir, writer, counters, start, indexDir);
      } catch (IOException | RuntimeException e) {
        throw withTragicCause(writer, e);
      }
    }
  }

  /**
   * When the writer stopped on a tragic error (such as a full disk during a flush or merge), later calls fail with
   * "this writer hit an unrecoverable error"; the cause is what the user needs to read, so it is what is thrown.
   */
  private static IOException withTragicCause(IndexWriter writer, Exception e) throws IOException {
    Throwable tragic = writer.getTragicException();
    if (tragic == null) {
      if (e instanceof IOException io) {
        throw io;
      }
      throw (RuntimeException) e;
    }
    IOException failed = new IOException(tragic.getMessage() + " (the index writer stopped; nothing was committed, the"
        + " previous generation is intact)", tragic);
    if (e != tragic) {
      failed.addSuppressed(e);
    }
    return failed;
  }

  private IndexReport build(Directory dir, IndexWriter writer, BuildCounters counters, Instant start, Path indexDir)
      throws IOException {
    boolean exists = !startedOverDamage && DirectoryReader.indexExists(dir);
    Map<String, String> lastData = exists ? toMap(writer.getLiveCommitData()) : Map.of();
    Plan plan = plan(dir, exists, lastData);
    listener.log("plan: " + plan.description() + " (" + plan.old().files().size() + " files, "
        + plan.old().articleCount() + " articles in the last generation)");

    long scanning = CpuClock.thread();
    List<SourceFile> files = Corpus.scan(sources, options.format(), counters, options.indexDir(),
        file -> formatRead(plan, file));
    if (mode == Mode.ADD_UPDATE) {
      files = keepSharedNames(files, plan);
    }
    counters.readCpu.add(CpuClock.thread() - scanning);
    counters.files.set(files.size());
    listener.log("scanned " + files.size() + " input files");
    CrashPoints.reach("scanned");

    if (plan.deleteAll()) {
      writer.deleteAll();
    }
    emptyAtStart = !exists || plan.deleteAll();
    Set<String> said = new HashSet<>();
    Corpus.sameIds(files).forEach((later, earlier) -> {
      said.add(later.name());
      said.add(earlier.name());
    });
    clashSaid = said;
    Set<String> oldIds = plan.old().allIds();
    long readStart = System.nanoTime();
    Map<String, SourceManifest.FileEntry> entries = read(files, plan, oldIds, writer, counters);
    resolveSharedIds(dir, exists, files, plan, entries, oldIds, writer, counters);
    Map<String, SourceManifest.FileEntry> unreadable = unreadableKept(plan, counters, entries);
    // The kept articles were summed per file: an id two files yield is one article, so count the ids instead. What
    // the files of this run hold is what was written (added, updated) and what was kept as it was.
    List<SourceManifest.FileEntry> thisRun = new ArrayList<>(entries.values());
    thisRun.addAll(unreadable.values());
    counters.unchanged.set(Math.max(0,
        SourceManifest.distinctIds(thisRun) - counters.added.get() - counters.updated.get()));
    // Checked once every kept article is counted (unreadable, damaged): only what would really be deleted counts.
    long remaining = counters.added.get() + counters.updated.get() + counters.unchanged.get();
    refuseToEmpty(files.isEmpty() && remaining < plan.old().articleCount(), "no input files", plan, remaining, indexDir);
    refuseToEmpty(remaining == 0, "no article in its " + files.size() + (files.size() == 1 ? " input file" : " input files"),
        plan, remaining, indexDir);
    refuseToLoseSource(files, plan, entries, unreadable, indexDir);
    long indexed = counters.added.get() + counters.updated.get();
    listener.log(String.format(java.util.Locale.ROOT, "read %d %s (%d unchanged, not opened) in %.2f s: %d %s indexed, %d unchanged",
        files.size(), files.size() == 1 ? "file" : "files", counters.filesUnchanged.get(),
        (System.nanoTime() - readStart) / 1e9, indexed, indexed == 1 ? "article" : "articles", counters.unchanged.get()));
    SourceManifest manifest = nextManifest(plan, entries, unreadable);
    replayDuplicates(manifest, counters);
    long finishing = CpuClock.thread();
    deleteVanished(writer, plan, oldIds, manifest, counters);
    deleteRenamed(writer, plan, entries, manifest, counters);
    if (plan.retag()) {
      retag(writer, lastData, counters);
    }

    boolean articlesChanged = plan.deleteAll() || counters.added.get() + counters.updated.get() + counters.deleted.get() > 0;
    boolean stateChanged = !exists || articlesChanged || !manifest.files().equals(plan.old().files())
        || !manifest.orphans().equals(plan.old().orphans()) || !sameBuildInputs(lastData)
        || !java.util.Objects.equals(recordedSources(lastData), lastData.get(NewsSchema.USER_DATA_SOURCES));
    long generation = -1;
    if (stateChanged) {
      long commitStart = System.nanoTime();
      generation = commit(dir, writer, manifest, lastData, articlesChanged, plan);
      listener.log(String.format(java.util.Locale.ROOT, "commit took %.2f s", (System.nanoTime() - commitStart) / 1e9));
      listener.log("committed generation " + generation + ": " + counters.added.get() + " added, " + counters.updated.get()
          + " updated, " + counters.deleted.get() + " deleted, " + counters.unchanged.get() + " unchanged");
    } else {
      listener.log("nothing changed; the current generation stays as it is");
    }
    counters.commitCpu.add(CpuClock.thread() - finishing);
    return counters.report(plan.description(), generation, Duration.between(start, Instant.now()));
  }

  /**
   * {@code index} of a folder below one indexed before ({@code index c}, then {@code index c/a}) sees only that
   * folder's files, so a name the run finds unique ({@code 001.txt}) may still be shared with a file of an earlier
   * run ({@code c/b/001.txt}): such a file keeps the name its id was made from last time ({@code a/001.txt}, id
   * {@code a-001}) while a file of that name that it was told apart from is still there, instead of taking {@code 001}.
   */
  private static List<SourceFile> keepSharedNames(List<SourceFile> files, Plan plan) {
    Map<String, SourceManifest.FileEntry> old = plan.old().files();
    if (old.isEmpty()) {
      return files;
    }
    Set<String> inRun = new HashSet<>();
    files.forEach(f -> inRun.add(key(f.path())));
    Map<String, List<String>> byName = null; // file name -> the earlier runs' files of that name, not in this run
    List<SourceFile> out = new ArrayList<>(files.size());
    for (SourceFile f : files) {
      SourceManifest.FileEntry before = old.get(key(f.path()));
      if (f.sharedIdName() != null || before == null || before.idName() == null) {
        out.add(f);
        continue;
      }
      if (byName == null) {
        byName = new HashMap<>();
        for (SourceManifest.FileEntry e : old.values()) {
          if (!inRun.contains(e.path())) {
            byName.computeIfAbsent(SourceFile.nameId(String.valueOf(Path.of(e.path()).getFileName())),
                k -> new ArrayList<>()).add(e.path());
          }
        }
      }
      List<String> others = byName.getOrDefault(SourceFile.nameId(String.valueOf(f.path().getFileName())), List.of());
      boolean stillShared = others.stream().anyMatch(o -> Files.exists(Path.of(o)) && !Corpus.sameFile(Path.of(o), f.path()));
      out.add(stillShared ? f.withIdName(before.idName()) : f);
    }
    return out;
  }

  /**
   * A rebuild that found nothing would delete every article: an unmounted share, an emptied folder, a feed truncated
   * to nothing must not empty a nightly rebuild's index with exit 0. It fails instead, before anything is committed,
   * unless {@code --allow-empty}. Articles kept anyway (of files that could not be read, or not whole) do not count.
   */
  private void refuseToEmpty(boolean foundNothing, String what, Plan plan, long remaining, Path indexDir) {
    if (!foundNothing || mode == Mode.ADD_UPDATE || allowEmpty || plan.old().articleCount() == 0) {
      return;
    }
    long total = plan.old().articleCount();
    long gone = total - remaining;
    throw new IndexStateException("rebuild found " + what + " in " + describe(sources) + "; it would delete "
        + (gone == total ? "all " + total : gone + " of the " + total) + " articles of " + indexDir
        + ". Nothing was changed. If the sources are meant to be empty, run it again with --allow-empty");
  }

  /**
   * {@link #refuseToEmpty} for one source of several: a nightly rebuild of two shares, one of them unmounted, would
   * delete that share's articles with exit 0. A source whose files held articles in the last generation and where the
   * scan now finds no input file at all fails the rebuild the same way, unless {@code --allow-empty}. (Files removed
   * one by one from a source that still has others are ordinary deletions.)
   */
  private void refuseToLoseSource(List<SourceFile> files, Plan plan, Map<String, SourceManifest.FileEntry> read,
      Map<String, SourceManifest.FileEntry> unreadable, Path indexDir) {
    if (sources.size() < 2 || mode == Mode.ADD_UPDATE || allowEmpty || plan.old().articleCount() == 0) {
      return;
    }
    for (Path source : sources) {
      String root = key(source);
      boolean found = false;
      for (SourceFile f : files) {
        if (isUnder(key(f.path()), root)) {
          found = true;
          break;
        }
      }
      if (found) {
        continue;
      }
      long held = 0; // the source's articles of the last generation that nothing keeps (an unreadable file does)
      for (SourceManifest.FileEntry e : plan.old().files().values()) {
        if (isUnder(e.path(), root) && !read.containsKey(e.path()) && !unreadable.containsKey(e.path())) {
          held += e.articles().size();
        }
      }
      if (held > 0) {
        throw new IndexStateException("rebuild found no input files in " + source + " (one of " + sources.size()
            + " sources), which held " + held + " of the " + plan.old().articleCount() + " articles of " + indexDir
            + "; it would delete them. Nothing was changed. If that source is meant to be empty, run it again with"
            + " --allow-empty");
      }
    }
  }

  /** True when the manifest key {@code path} is the source {@code root} itself or a file below it. */
  private static boolean isUnder(String path, String root) {
    return path.equals(root) || path.startsWith(root.endsWith(java.io.File.separator) ? root : root + java.io.File.separator);
  }

  /** The source paths for a message: {@code /a} or {@code /a, /b (2 sources)}. */
  private static String describe(List<Path> sources) {
    List<String> names = new ArrayList<>();
    for (Path p : sources) {
      names.add(p.toString());
    }
    return String.join(", ", names) + (sources.size() > 1 ? " (" + sources.size() + " sources)" : "");
  }

  /**
   * Opens the writer. An index too damaged to open (a corrupt segment) fails with a message naming the fix; a full
   * rebuild, which needs nothing from it, starts a new index over it instead (the damaged commits are dropped by the
   * deletion policy as usual once the new one is committed).
   */
  private IndexWriter openWriter(Directory dir, Path indexDir) throws IOException {
    try {
      checkFooters(dir);
      return Generations.open(dir, writerConfig(), indexDir);
    } catch (org.apache.lucene.index.CorruptIndexException e) {
      if (mode != Mode.FULL) {
        throw new IndexStateException("index " + indexDir + " is damaged (" + e.getMessage() + "); run `newsdesk rollback`"
            + " or `newsdesk rebuild --full SOURCE...`", e);
      }
      listener.log("the index is damaged (" + e.getMessage() + "); building a new one from scratch");
      try {
        IndexWriter writer = Generations.open(dir, writerConfig().setOpenMode(IndexWriterConfig.OpenMode.CREATE), indexDir);
        startedOverDamage = true;
        return writer;
      } catch (org.apache.lucene.index.CorruptIndexException again) {
        throw new IndexStateException("index " + indexDir + " is damaged beyond repair in place (" + again.getMessage()
            + "); move the directory away and run `newsdesk rebuild --full SOURCE...` again", again);
      }
    }
  }

  /**
   * Reads the footer of every file of the current commit (16 bytes each): a rebuild must not build on a damaged
   * generation. Opening the writer alone reads only each segment's field infos, so a torn or overwritten stored
   * fields or postings file would otherwise go unnoticed until a search or {@code newsdesk check} trips on it.
   */
  private static void checkFooters(Directory dir) throws IOException {
    if (!DirectoryReader.indexExists(dir)) {
      return;
    }
    for (String file : SegmentInfos.readLatestCommit(dir).files(true)) {
      try (IndexInput in = dir.openInput(file, IOContext.READONCE)) {
        CodecUtil.retrieveChecksum(in);
      }
    }
  }

  private IndexWriterConfig writerConfig() {
    return new IndexWriterConfig(NewsAnalyzers.forIndexing())
        .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
        .setRAMBufferSizeMB(options.ramBufferMb())
        .setIndexDeletionPolicy(new KeepLastBuildsPolicy(options.keep()))
        // No compound files, as Solr ships: packing each flushed segment's files into one costs about a tenth of
        // Lucene's indexing CPU (BENCHMARKS.md, "Indexing"), and an archive on one machine has file handles to spare.
        .setUseCompoundFile(false)
        .setMergePolicy(noCompoundFiles())
        .setMergeScheduler(new ConcurrentMergeScheduler() {
          // By default a failed background merge (a full disk) dumps a stack trace on stderr from the merge thread.
          // A merge is only an optimization: log it in one line; a failure that matters fails the commit as well.
          @Override
          protected void handleMergeException(Throwable exc) {
            listener.log("warning: a background segment merge failed: " + exc.getMessage());
          }
        })
        .setCommitOnClose(false);
  }

  private static TieredMergePolicy noCompoundFiles() {
    TieredMergePolicy policy = new TieredMergePolicy();
    policy.setNoCFSRatio(0.0);
    return policy;
  }

  private Plan plan(Directory dir, boolean exists, Map<String, String> lastData) throws IOException {
    if (!exists) {
      return new Plan("new index", false, true, SourceManifest.empty());
    }
    try {
      NewsSchema.checkCompatible(lastData, options.indexDir().toString());
    } catch (SchemaMismatchException e) {
      if (mode == Mode.ADD_UPDATE) {
        throw e;
      }
      String found = lastData.getOrDefault(NewsSchema.USER_DATA_SCHEMA_VERSION, "none");
      return new Plan("full (schema version " + found + " -> " + NewsSchema.VERSION + ")", true, true, oldManifest(dir, lastData));
    }
    SourceManifest old = oldManifest(dir, lastData);
    if (mode == Mode.FULL) {
      return new Plan("full (--full)", true, true, old);
    }
    String fingerprint = lastData.get(NewsSchema.USER_DATA_GAZETTEER);
    if (fingerprint != null && !fingerprint.equals(options.gazetteer().fingerprint())) {
      // Changed files are re-processed with the new gazetteer as usual; the Retagger then re-tags, from stored
      // fields, only the unchanged articles whose tags the new gazetteer changes.
      return new Plan("incremental + re-tag (gazetteer changed)", false, false, old, true);
    }
    return new Plan("incremental", false, false, old);
  }

  /**
   * Re-tags the articles whose tags the new gazetteer changes. The old gazetteer is the copy stored in the index
   * directory when it matches the last commit's fingerprint; otherwise (a crash between writing the copy and
   * committing, or an index built before copies were kept) every article is re-tagged from its stored fields.
   */
  private void retag(IndexWriter writer, Map<String, String> lastData, BuildCounters counters) throws IOException {
    Path stored = options.indexDir().resolve(NewsSchema.GAZETTEER_FILE);
    Gazetteer old = null;
    if (Files.isRegularFile(stored)) {
      try {
        Gazetteer candidate = Gazetteer.read(stored);
        if (candidate.fingerprint().equals(lastData.get(NewsSchema.USER_DATA_GAZETTEER))) {
          old = candidate;
        }
      } catch (org.newsdesk.gazetteer.GazetteerException e) {
        listener.log("warning: the stored gazetteer cannot be read (" + e.getMessage() + "); re-tagging every article");
      }
    }
    Retagger.Report report = old == null ? Retagger.retagAll(writer, options.gazetteer()) : Retagger.retag(writer, old, options.gazetteer());
    // The incremental pass counted these articles as unchanged; their documents are now replaced.
    counters.updated.addAndGet(report.retagged());
    counters.unchanged.updateAndGet(n -> Math.max(0, n - report.retagged()));
    listener.log(String.format(java.util.Locale.ROOT, "re-tagged %d of %d candidate articles (%d gazetteer entries changed%s) in %.2f s",
        report.retagged(), report.candidates(), report.changedEntities().size(), old == null ? ", full re-tag" : "",
        report.duration().toMillis() / 1000.0));
  }

  /** The last commit's manifest; if it is missing or damaged, one rebuilt from the index's stored fields. */
  private SourceManifest oldManifest(Directory dir, Map<String, String> lastData) throws IOException {
    ManifestStore.Stored stored = ManifestStore.named(lastData);
    if (stored != null) {
      try {
        return ManifestStore.read(options.indexDir(), stored);
      } catch (IOException e) {
        listener.log("warning: " + e.getMessage() + "; rebuilding the manifest from the index (every file is re-read,"
            + " unchanged articles are still not re-analysed)");
      }
    }
    return manifestFromIndex(dir);
  }

  /** Reconstructs a manifest from the id, origin and content hash stored with every article. */
  private static SourceManifest manifestFromIndex(Directory dir) throws IOException {
    Map<String, List<SourceManifest.ArticleRef>> byFile = new HashMap<>();
    Set<String> fields = Set.of(NewsField.ID.fieldName(), NewsField.ORIGIN.fieldName(), NewsField.CONTENT_HASH.fieldName());
    try (DirectoryReader reader = DirectoryReader.open(dir)) {
      for (LeafReaderContext leaf : reader.leaves()) {
        Bits live = leaf.reader().getLiveDocs();
        StoredFields stored = leaf.reader().storedFields();
        for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
          if (live != null && !live.get(doc)) {
            continue;
          }
          org.apache.lucene.document.Document d = stored.document(doc, fields);
          String id = d.get(NewsField.ID.fieldName());
          String origin = d.get(NewsField.ORIGIN.fieldName());
          String hash = d.get(NewsField.CONTENT_HASH.fieldName());
          String file = origin == null ? "<unknown origin>" : key(Path.of(ArticleDocuments.originFile(origin)));
          byFile.computeIfAbsent(file, k -> new ArrayList<>()).add(new SourceManifest.ArticleRef(id, hash == null ? NO_HASH : hash));
        }
      }
    }
    Map<String, SourceManifest.FileEntry> files = new HashMap<>();
    byFile.forEach((file, refs) -> files.put(file, new SourceManifest.FileEntry(file, "?", -1, -1, null, refs, List.of())));
    return new SourceManifest(files, Set.of(), 0);
  }

  /**
   * Old entries of files the scan could not read, or that lie below a directory it could not read (a broken link to
   * an unmounted share): their articles stay rather than vanish on a transient error, and count as unchanged. After
   * {@code deleteAll} (--full) nothing can stay: the log says what each such location loses instead.
   */
  private Map<String, SourceManifest.FileEntry> unreadableKept(Plan plan, BuildCounters counters,
      Map<String, SourceManifest.FileEntry> entries) {
    Map<String, SourceManifest.FileEntry> kept = new HashMap<>();
    if (plan.deleteAll()) {
      // --full emptied the index at the start: nothing of the last generation is left to keep; say what is lost
      for (String location : unreadableLocations(counters)) {
        long lost = 0;
        for (SourceManifest.FileEntry old : plan.old().files().values()) {
          lost += isUnder(old.path(), location) && !entries.containsKey(old.path()) ? old.articles().size() : 0;
        }
        if (lost > 0) {
          listener.log(location + " could not be read; --full does not keep the " + lost + " articles of the last"
              + " generation from it (a rebuild without --full keeps them; `newsdesk rollback` returns to the last"
              + " generation)");
        }
      }
      return kept;
    }
    for (String location : unreadableLocations(counters)) {
      // the file itself, or every file the last generation had below an unreadable directory (or a link to one)
      for (SourceManifest.FileEntry old : plan.old().files().values()) {
        if (isUnder(old.path(), location) && !entries.containsKey(old.path()) && kept.put(old.path(), old) == null) {
          counters.unchanged.addAndGet(old.articles().size());
        }
      }
    }
    return kept;
  }

  /** The format the last build read {@code file} as, if it did. */
  private static Optional<CorpusFormat> formatRead(Plan plan, Path file) {
    SourceManifest.FileEntry old = plan.old().files().get(key(file));
    try {
      return old == null ? Optional.empty() : Optional.of(CorpusFormat.fromCliName(old.format()));
    } catch (IllegalArgumentException e) {
      return Optional.empty(); // a manifest rebuilt from the index knows no formats ("?")
    }
  }

  /** The manifest keys of the files and directories reported unreadable so far. */
  private static List<String> unreadableLocations(BuildCounters counters) {
    List<String> out = new ArrayList<>();
    for (InputProblem p : counters.report("", -1, Duration.ZERO).problems()) {
      if (p.kind() == InputProblem.Kind.UNREADABLE) {
        out.add(key(Path.of(ArticleDocuments.originFile(p.location()))));
      }
    }
    return out;
  }

  /** One article waiting for a worker. */
  /** One article to clean and write; {@code seq} is its position in reading order (files sorted, then in file). */
  private record Work(FileState file, RawArticle raw, long seq, Set<String> only) {
    Work(FileState file, RawArticle raw, long seq) {
      this(file, raw, seq, null);
    }
  }

  private static final Work END = new Work(null, null, -1);

  /** Reads every file on this thread and hands changed articles to the workers; returns the new file entries. */
  private Map<String, SourceManifest.FileEntry> read(List<SourceFile> files, Plan plan, Set<String> oldIds, IndexWriter writer,
      BuildCounters counters) throws IOException {
    Map<String, SourceManifest.FileEntry> unchanged = new LinkedHashMap<>();
    List<FileState> changed = new ArrayList<>();
    withWorkers(oldIds, writer, counters, (queue, failure) -> {
      long done = 0;
      for (SourceFile file : files) {
        if (failure.get() != null) {
          break;
        }
        readFile(file, plan, queue, counters, unchanged, changed);
        listener.progress(++done, files.size());
      }
    });
    Map<String, SourceManifest.FileEntry> entries = new LinkedHashMap<>(unchanged);
    for (FileState st : changed) {
      SourceManifest.FileEntry old = plan.old().files().get(st.key);
      // After deleteAll (--full) the last generation's articles are gone from this session: none can be kept.
      entries.put(st.key, st.toEntry(plan.deleteAll() ? null : old));
      long lost = plan.deleteAll() && st.failed && old != null ? st.notYielded(old) : 0;
      if (lost > 0) {
        listener.log(st.key + " could not be read whole; --full does not keep the " + lost + " of its articles"
            + " of the last generation it did not yield (a rebuild without --full keeps them; `newsdesk rollback`"
            + " returns to the last generation)");
      }
      counters.unchanged.addAndGet(st.keptOld); // still in the index as they were
      if (st.keptOld > 0) {
        listener.log(st.key + " could not be read whole; kept its " + st.keptOld
            + (st.keptOld == 1 ? " article" : " articles") + " of the last generation that it did not yield this time");
      }
    }
    return entries;
  }

  /** What the reading thread does while the workers clean and write what it queues. */
  @FunctionalInterface
  private interface Reading {
    void run(BlockingQueue<Work> queue, AtomicReference<Throwable> failure) throws IOException;
  }

  /**
   * Runs {@code reading} on this thread with the worker threads taking its queue, until it has read everything and
   * the workers have written it; a worker's failure is thrown here.
   */
  private void withWorkers(Set<String> oldIds, IndexWriter writer, BuildCounters counters, Reading reading)
      throws IOException {
    BlockingQueue<Work> queue = new ArrayBlockingQueue<>(256);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    AtomicLong written = new AtomicLong();
    List<Thread> workers = new ArrayList<>();
    CountDownLatch indexing = new CountDownLatch(options.threads());
    for (int i = 0; i < options.threads(); i++) {
      Thread t = new Thread(() -> {
        try {
          work(queue, failure, oldIds, writer, counters, written);
        } finally {
          indexing.countDown();
        }
        long flushing = CpuClock.thread(); // writing the last buffers out is indexing work, as a full buffer's flush is
        flushWhenAllDone(indexing, writer, failure);
        counters.indexCpu.add(CpuClock.thread() - flushing);
      }, "newsdesk-indexer-" + i);
      t.start();
      workers.add(t);
    }
    long readingCpu = CpuClock.thread();
    try {
      reading.run(queue, failure);
    } finally {
      counters.readCpu.add(CpuClock.thread() - readingCpu);
      for (int i = 0; i < workers.size(); i++) {
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
    rethrow(failure.get());
  }

  private void readFile(SourceFile file, Plan plan, BlockingQueue<Work> queue, BuildCounters counters,
      Map<String, SourceManifest.FileEntry> unchanged, List<FileState> changed) {
    String key = key(file.path());
    SourceManifest.FileEntry old = plan.old().files().get(key);
    String format = file.format().cliName();
    // What its id is derived from, when other files share its name: when that changed (a file of the same name came or
    // went), the file is read again so that its article's id follows, even if its bytes did not change.
    String idName = file.sharedIdName();
    boolean sameIdName = old != null && java.util.Objects.equals(old.idName(), idName);
    long size;
    long mtime;
    BasicFileAttributes before;
    // A file the last build read is hashed before anything else: same bytes, nothing to re-read. Any other file is
    // read in full anyway, so its hash is taken from the bytes the reader reads (FileDigest), not in a pass of its own.
    boolean compareFirst = !plan.reprocessAll() && old != null && sameIdName;
    String fileHash = null;
    try {
      BasicFileAttributes attrs = Files.readAttributes(file.path(), BasicFileAttributes.class);
      before = attrs;
      size = attrs.size();
      mtime = attrs.lastModifiedTime().toMillis();
      if (compareFirst && plan.old().statUnchanged(old, size, mtime, format)) {
        keepUnchanged(old, counters, unchanged);
        return;
      }
      if (compareFirst) {
        fileHash = hashFile(file.path());
      }
    } catch (IOException | UncheckedIOException e) {
      IOException io = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
      counters.report(new InputProblem(file.name(), InputProblem.Kind.UNREADABLE, "cannot read: " + Corpus.describe(io), true));
      if (old != null && !plan.deleteAll()) { // after deleteAll (--full) its articles are gone: none can be claimed
        unchanged.put(key, old);
        counters.unchanged.addAndGet(old.articles().size());
      }
      return;
    }
    if (compareFirst && fileHash.equals(old.fileHash()) && format.equals(old.format())) {
      keepUnchanged(old.withStat(size, mtime), counters, unchanged);
      return;
    }
    FileState st = new FileState(key, format, size, mtime, fileHash,
        plan.reprocessAll() || old == null || !sameIdName ? Map.of() : old.idsByHash(), counters, old, idName);
    changed.add(st);
    reread.add(key);
    FileDigest digest = compareFirst ? null : new FileDigest();
    try {
      // An article whose hash the file held before is kept as it is; JSON Lines is not even parsed for it.
      Predicate<String> unchangedArticle = hash -> {
        if (st.matchUnchanged(hash, readSeq++) == null) {
          return false;
        }
        counters.unchanged.incrementAndGet();
        listener.articles(1);
        return true;
      };
      Corpus.read(digest == null ? file : file.hashedBy(digest), raw -> {
        if (!unchangedArticle.test(raw.contentHash())) {
          put(queue, new Work(st, raw, readSeq++));
        }
      }, st, unchangedArticle);
      if (digest != null) {
        String whole = digest.hexIfWhole(size);
        st.fileHash = whole != null ? whole : hashFile(file.path());
      }
      if (changedSince(file.path(), before)) {
        // Written to (a feed a crawler appends to) or copied over while it was read: the hash may not be of the bytes
        // the articles came from, and the read may have seen a file cut short. Treated as a file not read whole: its
        // other articles are kept, and with no hash it is read again next run.
        st.report(new InputProblem(file.name(), InputProblem.Kind.TRUNCATED, "changed while it was being read;"
            + " the articles read are indexed, the others it held are kept, and it is read again next run", false));
        st.failed = true;
      }
    } catch (IOException | UncheckedIOException e) {
      IOException io = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
      st.report(new InputProblem(file.name(), InputProblem.Kind.UNREADABLE, "cannot read: " + Corpus.describe(io), true));
      st.failed = true;
    }
  }

  private void keepUnchanged(SourceManifest.FileEntry entry, BuildCounters counters, Map<String, SourceManifest.FileEntry> unchanged) {
    listener.articles(entry.articles().size());
    unchanged.put(entry.path(), entry);
    for (InputProblem p : entry.problems()) {
      if (p.kind() == InputProblem.Kind.DUPLICATE_ID) {
        storedDuplicates.add(p);
      } else {
        counters.report(p);
      }
    }
    counters.unchanged.addAndGet(entry.articles().size());
    counters.filesUnchanged.incrementAndGet();
  }

  private void work(BlockingQueue<Work> queue, AtomicReference<Throwable> failure, Set<String> oldIds, IndexWriter writer,
      BuildCounters counters, AtomicLong written) {
    try {
      for (Work w = queue.take(); w != END; w = queue.take()) {
        if (failure.get() != null) {
          continue;
        }
        long started = CpuClock.thread();
        long cleaned;
        w.file().processing(w.raw().origin());
        try {
          Article article;
          try {
            article = pipeline.clean(w.raw());
          } finally {
            cleaned = CpuClock.thread();
            counters.cleanCpu.add(cleaned - started);
          }
          if (w.only() != null && !w.only().contains(article.id())) {
            continue; // read again for another of its ids (resolveSharedIds): this one is in the index as it was
          }
          article = pipeline.tag(article);
          long tagged = CpuClock.thread();
          counters.tagCpu.add(tagged - cleaned);
          if (article.published() == null) {
            if (!w.file().reportedUndated(w.raw().origin())) { // the reader may have said why already
              w.file().articleProblem(new InputProblem(w.raw().origin(), InputProblem.Kind.UNDATED,
                  "no parseable date; indexed as undated", false));
            }
          } else if (article.published().toInstant().isAfter(Instant.now().plus(Duration.ofDays(1)))) {
            w.file().articleProblem(new InputProblem(w.raw().origin(), InputProblem.Kind.FUTURE_DATE,
                "published date " + article.published() + " is in the future; indexed with it as given", false));
          }
          Written outcome = write(writer, article, hashOf(w.raw()), w.seq());
          counters.indexCpu.add(CpuClock.thread() - tagged);
          w.file().add(new SourceManifest.ArticleRef(article.id(), hashOf(w.raw())), w.seq());
          if (outcome != Written.FIRST && !clashSaid.contains(w.raw().origin())) {
            w.file().articleProblem(new InputProblem(w.raw().origin(), InputProblem.Kind.DUPLICATE_ID, "id " + article.id()
                + (outcome == Written.REPLACED ? REPLACES_EARLIER : REPLACED_BY_LATER), false));
          }
          if (outcome == Written.FIRST) { // a duplicate of this run is not one more article, nor an update
            (oldIds.contains(article.id()) ? counters.updated : counters.added).incrementAndGet();
          }
          listener.articles(1);
          CrashPoints.afterDocument(written.incrementAndGet());
        } catch (SkippedArticleException e) {
          w.file().articleProblem(new InputProblem(w.raw().origin(), e.kind(), e.getMessage(), true));
          listener.articles(1);
        } catch (Throwable e) {
          failure.compareAndSet(null, e);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure.compareAndSet(null, e);
    }
  }

  /**
   * Once every worker has written its last article, each flushes in-memory segments until none is left, so the
   * last buffers are written by all the workers at once instead of one after another by the commit (about 1.9 s on
   * one thread for a 100k build at 64 MB). The same segments as the commit would flush; nothing is added meanwhile.
   */
  private static void flushWhenAllDone(CountDownLatch indexing, IndexWriter writer, AtomicReference<Throwable> failure) {
    try {
      indexing.await();
      while (failure.get() == null && writer.flushNextBuffer()) {
        // flushNextBuffer flushed one buffer on this thread; look for another
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure.compareAndSet(null, e);
    } catch (Throwable e) {
      failure.compareAndSet(null, e);
    }
  }

  /** What {@link #write} did with an article. */
  private enum Written {
    /** The first input of this run with its id: added, or replacing the article of an earlier build. */
    FIRST,
    /** Replaced the article of an input with the same id read earlier in this run. */
    REPLACED,
    /** Not written: an input with the same id read later in this run is already in the index, and it wins. */
    SUPERSEDED
  }

  /**
   * Writes one article read at position {@code seq}, unless an input with the same id read later is already
   * written: of two inputs with one id the later one read is kept, as the duplicate warnings say, whichever worker
   * gets there first. Into an index that was empty when the run started, an id's first write is a plain add: there
   * is nothing to replace, and the writer then buffers no delete term for it (about a tenth of Lucene's share of a
   * full build).
   */
  private Written write(IndexWriter writer, Article article, String hash, long seq) throws IOException {
    String id = article.id();
    org.apache.lucene.document.Document doc = ArticleDocuments.toDocument(article);
    synchronized (idLocks[(id.hashCode() & 0x7fffffff) % idLocks.length]) {
      Long before = writtenThisRun.put(id, seq); // one look-up for the common case, a new id
      if (before != null && before > seq) {
        writtenThisRun.put(id, before);
        return Written.SUPERSEDED;
      }
      if (emptyAtStart && before == null) {
        writer.addDocument(doc);
      } else {
        writer.updateDocument(ArticleDocuments.idTerm(id), doc);
      }
      writtenHash.put(id, hash);
      return before == null ? Written.FIRST : Written.REPLACED;
    }
  }

  /**
   * Gives every id that several files yield the article a full rebuild would give it: that of the file last in this
   * run's reading order (for {@code index}, the files of earlier runs come before all of this run's). Reading only
   * new and changed files can leave another article there: a changed file written over an unchanged one later in the
   * order, or the file that held the id gone or renamed while an unchanged one still yields it. Each id yielded by
   * more than one file, or twice by one, now or in the last generation, is checked against the hash of the article
   * the index holds for it, and the file that should hold it is read again for that id alone (a file that could not
   * be read whole keeps its old articles but holds no id with them). Every file keeps every id it yields in the
   * manifest, in reading order, so this holds night after night; a run that read nothing again has nothing to check.
   *
   * <p>{@code index} gives an id that a file of an earlier run held to this run's file; it says so when one of the
   * two ids was made from a file name (two stories that happen to share a name), not for a given id or a url moving
   * from file to file (a feed of updates). Said in this run's report only, not kept with the file.
   */
  private void resolveSharedIds(Directory dir, boolean exists, List<SourceFile> files, Plan plan,
      Map<String, SourceManifest.FileEntry> entries, Set<String> oldIds, IndexWriter writer, BuildCounters counters)
      throws IOException {
    if (plan.deleteAll()) {
      return; // every file was read, in order: the last one read holds each id
    }
    boolean vanished = mode != Mode.ADD_UPDATE && !entries.keySet().containsAll(plan.old().files().keySet());
    if (reread.isEmpty() && !vanished) {
      return; // nothing read again and nothing gone: every id holds what it held
    }
    Set<String> shared = sharedIds(plan.old().files(), entries);
    if (shared.isEmpty()) {
      return;
    }
    Map<String, Integer> order = new HashMap<>();
    Map<String, SourceFile> byKey = new HashMap<>();
    for (int i = 0; i < files.size(); i++) {
      order.put(key(files.get(i).path()), i); // a file read twice (overlapping sources) writes last where it is last
      byKey.putIfAbsent(key(files.get(i).path()), files.get(i));
    }
    Map<String, List<String>> claimants = new HashMap<>(); // id -> the run's files that yield it
    entries.forEach((key, entry) -> entry.articles().forEach(a -> {
      // a file read again that could not be read whole keeps its old articles, but does not claim ids with them
      boolean damaged = reread.contains(key) && entry.fileHash() == null;
      if (shared.contains(a.id()) && !damaged) {
        List<String> keys = claimants.computeIfAbsent(a.id(), k -> new ArrayList<>());
        if (!keys.contains(key)) {
          keys.add(key);
        }
      }
    }));
    // the last generation's files that yielded these ids, for sayReplaced
    Map<String, List<SourceManifest.FileEntry>> before = new HashMap<>();
    plan.old().files().values().forEach(e -> e.articles().forEach(a -> {
      if (shared.contains(a.id())) {
        before.computeIfAbsent(a.id(), k -> new ArrayList<>()).add(e);
      }
    }));
    // index: the files of earlier runs not in this one that yield these ids
    Map<String, List<SourceManifest.FileEntry>> outside = new HashMap<>();
    if (mode == Mode.ADD_UPDATE) {
      plan.old().files().forEach((key, entry) -> {
        if (!entries.containsKey(key)) {
          entry.articles().forEach(a -> {
            if (shared.contains(a.id())) {
              outside.computeIfAbsent(a.id(), k -> new ArrayList<>()).add(entry);
            }
          });
        }
      });
    }
    Map<String, Set<String>> readAgain = new java.util.TreeMap<>();
    try (DirectoryReader last = exists && !emptyAtStart ? DirectoryReader.open(dir) : null) {
      IndexSearcher searcher = last == null ? null : new IndexSearcher(last);
      for (String id : new java.util.TreeSet<>(shared)) {
        List<String> keys = claimants.getOrDefault(id, List.of());
        if (keys.isEmpty()) {
          continue; // no file of this run yields it: it holds what it held (or a rebuild deletes it)
        }
        String held = indexedHash(searcher, id);
        String now = writtenHash.getOrDefault(id, held);
        keys.sort(java.util.Comparator.comparingInt(k -> order.getOrDefault(k, -1)));
        String winner = keys.get(keys.size() - 1);
        String wanted = hashIn(entries.get(winner), id);
        boolean changes = writtenHash.containsKey(id);
        if (wanted != null && !wanted.equals(NO_HASH) && !wanted.equals(now) && byKey.containsKey(winner)) {
          readAgain.computeIfAbsent(winner, k -> new HashSet<>()).add(id);
          restoring.put(id, wanted);
          if (wanted.equals(held) && writtenHash.containsKey(id)) {
            uncounted.add(id); // counted as updated when written over: uncounted once it is back as it was
          }
          now = wanted;
          changes = true;
        }
        if (changes) {
          loseOutside(id, now, outside);
        }
        sayReplaced(id, winner, held, before.getOrDefault(id, List.of()), entries, byKey, counters);
        for (String loser : keys) {
          SourceManifest.FileEntry old = plan.old().files().get(loser);
          if (!loser.equals(winner) && reread.contains(loser) && !reread.contains(winner)
              && (held == null || !held.equals(hashIn(old, id)))) { // else sayReplaced said it
            sayLost(id, loser, winner, entries, byKey, counters);
          }
        }
      }
    }
    if (readAgain.isEmpty()) {
      return;
    }
    int ids = readAgain.values().stream().mapToInt(Set::size).sum();
    listener.log("reading " + readAgain.size() + (readAgain.size() == 1 ? " file" : " files") + " again for "
        + ids + (ids == 1 ? " id" : " ids") + " that several files yield, which by the run's order "
        + (readAgain.size() == 1 ? "it holds" : "they hold"));
    withWorkers(oldIds, writer, counters, (queue, failure) -> {
      for (Map.Entry<String, Set<String>> e : readAgain.entrySet()) {
        if (failure.get() != null) {
          break;
        }
        SourceFile file = byKey.get(e.getKey());
        // its entry stands as made: the problems of this reading were reported by the first
        FileState quiet = new FileState(e.getKey(), file.format().cliName(), -1, -1, null, Map.of(), p -> { }, null,
            file.sharedIdName());
        try {
          Corpus.read(file, raw -> {
            String given = raw.field(RawArticle.ID);
            if (given == null || e.getValue().contains(given.strip())) { // a feed's other lines need no cleaning
              put(queue, new Work(quiet, raw, readSeq++, e.getValue()));
            }
          }, quiet);
        } catch (IOException | UncheckedIOException ex) {
          counters.report(new InputProblem(file.name(), InputProblem.Kind.UNREADABLE, "cannot read it again for the ids "
              + e.getValue() + " it holds: " + ex.getMessage(), false));
        }
      }
    });
    for (String id : uncounted) {
      if (restoring.get(id).equals(writtenHash.get(id))) {
        counters.updated.decrementAndGet();
      }
    }
  }

  /** The end of the warning a write gives an article whose id an earlier input of the run already wrote. */
  private static final String REPLACES_EARLIER = " was also read from an earlier input in this run; this one, read later,"
      + " replaces it";
  /** The end of the warning a write gives an article whose id an input read later already wrote. */
  private static final String REPLACED_BY_LATER = " is also in an input read later in this run, which replaces this one";

  /**
   * Says again the duplicate-id warnings stored with the files this run kept unchanged, where they still hold: by
   * the new manifest, another file (or the same file a second time) still yields the id. A warning whose other file
   * is gone, or yields another id by now, is no longer true and is not said.
   */
  private void replayDuplicates(SourceManifest manifest, BuildCounters counters) {
    if (storedDuplicates.isEmpty()) {
      return;
    }
    Map<String, Integer> yields = new HashMap<>(); // id of a stored warning -> how many times the manifest yields it
    for (InputProblem p : storedDuplicates) {
      String id = duplicateId(p.reason());
      if (id != null) {
        yields.put(id, 0);
      }
    }
    for (SourceManifest.FileEntry e : manifest.files().values()) {
      for (SourceManifest.ArticleRef a : e.articles()) {
        yields.computeIfPresent(a.id(), (id, n) -> n + 1);
      }
    }
    for (InputProblem p : storedDuplicates) {
      String id = duplicateId(p.reason());
      if (id == null || yields.get(id) > 1) {
        counters.report(p);
      }
    }
  }

  /** The id a write's duplicate-id warning names, or null for another wording. */
  private static String duplicateId(String reason) {
    for (String end : List.of(REPLACES_EARLIER, REPLACED_BY_LATER)) {
      if (reason.startsWith("id ") && reason.endsWith(end)) {
        return reason.substring(3, reason.length() - end.length());
      }
    }
    return null;
  }

  /**
   * {@code index}: the files of earlier runs that yield {@code id} with an article other than the one the index now
   * holds ({@code hash}) lose it, and are read again when next indexed, so that the article comes back, under its
   * own id if its name is shared by then ({@link #nextManifest}).
   */
  private void loseOutside(String id, String hash, Map<String, List<SourceManifest.FileEntry>> outside) {
    for (SourceManifest.FileEntry e : outside.getOrDefault(id, List.of())) {
      if (hash == null || !hash.equals(hashIn(e, id))) {
        lost.computeIfAbsent(e.path(), k -> new HashSet<>()).add(id);
      }
    }
  }

  /**
   * Says when an id goes from the file that held it in the last generation to another: once, in this run only (a
   * quiet night after it finds the index as it should be, and says nothing). Not when both files were read again
   * (the writes said it), nor when the scan did (two raw files of one name), nor for a given id or a url moving to
   * another file from one {@code index} run to the next (a feed of updates).
   *
   * @param before the hash of the article the last generation held under {@code id}
   * @param yieldedBefore the last generation's files that yielded {@code id}
   */
  private void sayReplaced(String id, String last, String before, List<SourceManifest.FileEntry> yieldedBefore,
      Map<String, SourceManifest.FileEntry> entries, Map<String, SourceFile> byKey, BuildCounters counters) {
    String wanted = hashIn(entries.get(last), id);
    if (before == null || before.equals(NO_HASH) || before.equals(wanted)) {
      return;
    }
    String holder = null; // the file whose article the last generation held
    SourceManifest.FileEntry from = null;
    for (SourceManifest.FileEntry e : yieldedBefore) {
      if (before.equals(hashIn(e, id)) && (holder == null || e.path().compareTo(holder) < 0)) {
        holder = e.path();
        from = e;
      }
    }
    if (holder == null || holder.equals(last) || !Files.exists(Path.of(holder))
        || Corpus.sameFile(Path.of(holder), Path.of(last))) {
      return; // the file's own article changed, or its file is gone
    }
    boolean inRun = entries.containsKey(holder);
    if (inRun && hashIn(entries.get(holder), id) == null) {
      return; // read again under another id (its name came to be shared): it has not lost its article
    }
    String holderName = byKey.containsKey(holder) ? byKey.get(holder).name() : holder;
    String lastName = byKey.containsKey(last) ? byKey.get(last).name() : last;
    if (inRun && (reread.contains(holder) && reread.contains(last)
        || clashSaid.contains(holderName) && clashSaid.contains(lastName))) {
      return; // said as the two were written, or by the scan (Corpus.sameIds)
    }
    boolean namedHolder = madeFromName(inRun ? entries.get(holder) : from, id);
    boolean namedLast = madeFromName(entries.get(last), id);
    if (!inRun && !namedHolder && !namedLast) {
      return; // a given id or a url moving to a newer file: an update
    }
    counters.report(new InputProblem(lastName, InputProblem.Kind.DUPLICATE_ID, "id " + id + " was the article of "
        + holderName + (inRun ? ", earlier in this run's order, which this one, read later, replaces; "
            : ", indexed earlier, which this one replaces; ")
        + (!inRun && namedHolder && namedLast
            ? "index the folder that holds both in one run (their ids then take their folders), or rename one"
            : namedHolder || namedLast ? "rename the file, or give the article another id" : "give the article another id"),
        false));
  }

  /**
   * A file read again this run that loses an id to an unchanged file later in the run's order: the article it
   * wrote was replaced by that file's, read again for it. (Between two files read again, the writes say it.)
   */
  private void sayLost(String id, String loser, String winner, Map<String, SourceManifest.FileEntry> entries,
      Map<String, SourceFile> byKey, BuildCounters counters) {
    String loserName = byKey.containsKey(loser) ? byKey.get(loser).name() : loser;
    String winnerName = byKey.containsKey(winner) ? byKey.get(winner).name() : winner;
    if (Corpus.sameFile(Path.of(loser), Path.of(winner)) || clashSaid.contains(loserName) && clashSaid.contains(winnerName)) {
      return;
    }
    boolean named = madeFromName(entries.get(loser), id) || madeFromName(entries.get(winner), id);
    counters.report(new InputProblem(loserName, InputProblem.Kind.DUPLICATE_ID, "id " + id + " is also the id of an"
        + " article of " + winnerName + ", later in this run's order, which replaces this one; "
        + (named ? "rename the file, or give the article another id" : "give the article another id"), false));
  }

  /**
   * The ids that more than one file yields, or one file more than once, in the last generation or in this run.
   */
  private static Set<String> sharedIds(Map<String, SourceManifest.FileEntry> old, Map<String, SourceManifest.FileEntry> entries) {
    Map<String, String> firstFile = new HashMap<>(); // id -> the first file seen yielding it
    Set<String> shared = new HashSet<>();
    java.util.function.BiConsumer<String, SourceManifest.FileEntry> add = (key, e) -> {
      String previous = null; // refs are sorted by id: an id a file yields twice comes twice in a row
      for (SourceManifest.ArticleRef a : e.articles()) {
        String first = firstFile.putIfAbsent(a.id(), key);
        if (first != null && !first.equals(key) || a.id().equals(previous)) {
          shared.add(a.id());
        }
        previous = a.id();
      }
    };
    old.forEach(add);
    entries.forEach(add);
    return shared;
  }

  /** The content hash of the article {@code entry} yields under {@code id}, or null. */
  private static String hashIn(SourceManifest.FileEntry entry, String id) {
    if (entry == null) {
      return null;
    }
    String hash = null;
    for (SourceManifest.ArticleRef a : entry.articles()) {
      if (a.id().equals(id)) {
        hash = a.contentHash(); // the last of a file's articles with the id is the one it keeps
      }
    }
    return hash;
  }

  /** The content hash stored with the article the last commit holds under {@code id}, or null. */
  private static String indexedHash(IndexSearcher searcher, String id) throws IOException {
    if (searcher == null) {
      return null;
    }
    TopDocs top = searcher.search(new TermQuery(ArticleDocuments.idTerm(id)), 1);
    if (top.scoreDocs.length == 0) {
      return null;
    }
    String hash = searcher.storedFields().document(top.scoreDocs[0].doc, Set.of(NewsField.CONTENT_HASH.fieldName()))
        .get(NewsField.CONTENT_HASH.fieldName());
    return hash == null ? NO_HASH : hash;
  }

  /** Whether the article {@code id} of a raw text or HTML file's {@code entry} takes its id from the file's name. */
  private static boolean madeFromName(SourceManifest.FileEntry entry, String id) {
    if (entry == null || !(entry.format().equals("raw") || entry.format().equals("html"))) {
      return false;
    }
    String name = entry.idName() != null ? entry.idName() : String.valueOf(Path.of(entry.path()).getFileName());
    try {
      return id.equals(org.newsdesk.index.clean.ArticleIds.of(null, null, name));
    } catch (SkippedArticleException e) {
      return false;
    }
  }

  private SourceManifest nextManifest(Plan plan, Map<String, SourceManifest.FileEntry> entries,
      Map<String, SourceManifest.FileEntry> unreadable) {
    long now = System.currentTimeMillis();
    if (mode != Mode.ADD_UPDATE) {
      Map<String, SourceManifest.FileEntry> files = new HashMap<>(unreadable);
      files.putAll(entries);
      return new SourceManifest(files, Set.of(), now);
    }
    Map<String, SourceManifest.FileEntry> files = new HashMap<>(plan.old().files());
    files.putAll(entries);
    // a file of an earlier run that lost an id is read again when next in a run: its article then comes back
    lost.forEach((key, ids) -> {
      SourceManifest.FileEntry e = files.get(key);
      if (e != null) {
        List<SourceManifest.ArticleRef> kept = e.articles().stream().filter(a -> !ids.contains(a.id())).toList();
        files.put(key, new SourceManifest.FileEntry(e.path(), e.format(), -1, -1, null, kept, e.problems(), e.idName()));
      }
    });
    Set<String> orphans = new HashSet<>(plan.old().orphans());
    for (String key : entries.keySet()) {
      SourceManifest.FileEntry before = plan.old().files().get(key);
      if (before != null) {
        before.articles().forEach(a -> orphans.add(a.id()));
      }
    }
    SourceManifest draft = new SourceManifest(files, Set.of(), now);
    orphans.removeAll(draft.allIds());
    orphans.removeAll(renamed(plan, entries, draft)); // deleted now: the same article is in the index under its new id
    return new SourceManifest(files, orphans, now);
  }

  /**
   * The ids of the last generation that files read again under another id name ({@code SourceFile.idName}: a file
   * whose name another came to share) no longer yield: the same articles, now under their new ids.
   */
  private static Set<String> renamed(Plan plan, Map<String, SourceManifest.FileEntry> entries, SourceManifest next) {
    Set<String> out = new HashSet<>();
    entries.forEach((key, entry) -> {
      SourceManifest.FileEntry before = plan.old().files().get(key);
      if (before != null && !java.util.Objects.equals(before.idName(), entry.idName())) {
        before.articles().forEach(a -> out.add(a.id()));
      }
    });
    out.removeAll(next.allIds());
    return out;
  }

  /**
   * {@code index} deletes nothing, except the old ids of articles it has just written again under new ones
   * ({@link #renamed}): left as orphans, they would be the same article twice until the next rebuild.
   */
  private void deleteRenamed(IndexWriter writer, Plan plan, Map<String, SourceManifest.FileEntry> entries,
      SourceManifest manifest, BuildCounters counters) throws IOException {
    if (mode != Mode.ADD_UPDATE) {
      return; // a rebuild deletes every id its sources no longer yield
    }
    Set<String> gone = renamed(plan, entries, manifest);
    for (String id : gone) {
      writer.deleteDocuments(ArticleDocuments.idTerm(id));
    }
    counters.deleted.addAndGet(gone.size());
  }

  private void deleteVanished(IndexWriter writer, Plan plan, Set<String> oldIds, SourceManifest manifest, BuildCounters counters)
      throws IOException {
    if (mode == Mode.ADD_UPDATE) {
      return;
    }
    Set<String> gone = new HashSet<>(oldIds);
    gone.removeAll(manifest.allIds());
    List<Term> batch = new ArrayList<>(DELETE_BATCH);
    for (String id : gone) {
      batch.add(ArticleDocuments.idTerm(id));
      if (batch.size() == DELETE_BATCH) {
        writer.deleteDocuments(batch.toArray(Term[]::new));
        batch.clear();
      }
    }
    if (!batch.isEmpty()) {
      writer.deleteDocuments(batch.toArray(Term[]::new));
    }
    counters.deleted.set(gone.size());
  }

  private long commit(Directory dir, IndexWriter writer, SourceManifest manifest, Map<String, String> lastData,
      boolean articlesChanged, Plan plan) throws IOException {
    ManifestStore.Stored stored = ManifestStore.write(options.indexDir(), manifest);
    CrashPoints.reach("manifest-written");
    Map<String, String> data = new HashMap<>();
    data.put(NewsSchema.USER_DATA_SCHEMA_VERSION, Integer.toString(NewsSchema.VERSION));
    data.put(NewsSchema.USER_DATA_GAZETTEER, options.gazetteer().fingerprint());
    data.put(NewsSchema.USER_DATA_BUILT_AT, Instant.now().toString());
    data.put(Generations.USER_DATA_MANIFEST, stored.fileName());
    data.put(Generations.USER_DATA_MANIFEST_SHA256, stored.sha256());
    data.put(Generations.USER_DATA_MODE, plan.description());
    String recorded = recordedSources(lastData);
    if (recorded != null) {
      data.put(NewsSchema.USER_DATA_SOURCES, recorded);
    }
    String lastContent = lastData.get(Generations.USER_DATA_CONTENT_ID);
    data.put(Generations.USER_DATA_CONTENT_ID, articlesChanged || lastContent == null ? UUID.randomUUID().toString() : lastContent);
    Path gazetteerFile = options.indexDir().resolve(NewsSchema.GAZETTEER_FILE);
    options.gazetteer().write(gazetteerFile);
    NameIndex.write(options.gazetteer(), gazetteerFile, options.indexDir().resolve(NewsSchema.NAMES_FILE));
    writer.setLiveCommitData(data.entrySet());
    writer.prepareCommit();
    CrashPoints.reach("during-commit");
    writer.commit();
    CrashPoints.reach("committed");
    Generations.deleteUnreferencedManifests(dir, options.indexDir());
    List<org.apache.lucene.index.IndexCommit> commits = DirectoryReader.listCommits(dir);
    return commits.get(commits.size() - 1).getGeneration();
  }

  /**
   * The sources to record with this commit ({@link NewsSchema#USER_DATA_SOURCES}): a rebuild's own, since the index
   * now mirrors them; for {@code index}, those recorded before and this run's. Absolute and normalized, in order,
   * each once. Null when they cannot all be named: {@code index} into an index whose earlier sources were never
   * recorded, a path with a line break (the record's separator), more than {@link #MAX_RECORDED_SOURCES} paths. A
   * partial list would be worse than none: the rebuild command a message gives would drop the rest.
   */
  private String recordedSources(Map<String, String> lastData) {
    Set<String> paths = new LinkedHashSet<>();
    if (mode == Mode.ADD_UPDATE) {
      boolean built = lastData.containsKey(NewsSchema.USER_DATA_SCHEMA_VERSION);
      if (built && !lastData.containsKey(NewsSchema.USER_DATA_SOURCES)) {
        return null;
      }
      paths.addAll(NewsSchema.sources(lastData));
    }
    for (Path source : sources) {
      String path = source.toAbsolutePath().normalize().toString();
      if (path.indexOf('\n') >= 0) {
        return null;
      }
      paths.add(path);
    }
    return paths.size() > MAX_RECORDED_SOURCES ? null : String.join("\n", paths);
  }

  /** True if the last commit was built with this schema and gazetteer. */
  private boolean sameBuildInputs(Map<String, String> lastData) {
    return Integer.toString(NewsSchema.VERSION).equals(lastData.get(NewsSchema.USER_DATA_SCHEMA_VERSION))
        && options.gazetteer().fingerprint().equals(lastData.get(NewsSchema.USER_DATA_GAZETTEER));
  }

  /** The manifest key of a file: its absolute, normalized path. */
  static String key(Path file) {
    return file.toAbsolutePath().normalize().toString();
  }

  private static String hashOf(RawArticle raw) {
    return raw.contentHash() == null ? NO_HASH : raw.contentHash();
  }

  /** A hash of a file's bytes as stored on disk (compressed files are not decompressed). */
  /** Whether the file's size, modification time (to the nanosecond) or identity is not {@code before}'s any more. */
  private static boolean changedSince(Path file, BasicFileAttributes before) {
    try {
      BasicFileAttributes now = Files.readAttributes(file, BasicFileAttributes.class);
      return now.size() != before.size() || !now.lastModifiedTime().equals(before.lastModifiedTime())
          || !java.util.Objects.equals(now.fileKey(), before.fileKey());
    } catch (IOException e) {
      return true; // gone or unreadable since
    }
  }

  static String hashFile(Path file) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      byte[] buf = new byte[1 << 16];
      while (in.read(buf) >= 0) {
        // the digest sees every byte
      }
    }
    return HexFormat.of().formatHex(digest.digest(), 0, 16);
  }

  private static Map<String, String> toMap(Iterable<Map.Entry<String, String>> entries) {
    Map<String, String> map = new HashMap<>();
    if (entries != null) {
      entries.forEach(e -> map.put(e.getKey(), e.getValue()));
    }
    return map;
  }

  private static void put(BlockingQueue<Work> queue, Work w) {
    try {
      queue.put(w);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading", e);
    }
  }

  private static void rethrow(Throwable f) throws IOException {
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

  /** A changed file being read: the articles and problems it yields, collected from the reader and the workers. */
  private static final class FileState implements ProblemSink {
    final String key;
    final String format;
    final long size;
    final long mtime;
    /** What the file's ids are derived from when other files share its name, or null ({@link SourceManifest.FileEntry}). */
    final String idName;
    /** Set by the reading thread before the file's entry is made (for a new file, once it has been read). */
    String fileHash;
    private final Map<String, List<String>> unmatched;
    private final List<SourceManifest.ArticleRef> articles = Collections.synchronizedList(new ArrayList<>());
    /** Each of {@link #articles}' position in reading order, so that an id a file yields twice keeps its last. */
    private final Map<SourceManifest.ArticleRef, Long> order = new ConcurrentHashMap<>();
    private final List<InputProblem> problems = Collections.synchronizedList(new ArrayList<>());
    /** Where the reader already said an article's date cannot be read, so that the builder does not say it again. */
    private final Set<String> undated = ConcurrentHashMap.newKeySet();
    private final ProblemSink forward;
    volatile boolean failed;
    /** How many articles of the last generation {@link #toEntry} kept because the file could not be read whole. */
    int keptOld;
    /**
     * Where the articles handed to the workers this run were read (the others were unchanged or not reached); kept
     * only when the last generation has builder warnings for this file, the one case {@link #toEntry} asks.
     */
    private final Set<String> processed;
    /** The warnings the builder itself gives an article it processes (not the reader's). */
    private static final Set<InputProblem.Kind> ARTICLE_WARNINGS = java.util.EnumSet.of(InputProblem.Kind.UNDATED,
        InputProblem.Kind.FUTURE_DATE, InputProblem.Kind.DUPLICATE_ID);
    /** Problems that mean the file could not be read whole: its articles of the last generation are kept. */
    private static final Set<InputProblem.Kind> DAMAGED = java.util.EnumSet.of(InputProblem.Kind.TRUNCATED,
        InputProblem.Kind.UNREADABLE, InputProblem.Kind.EMPTY_FILE, InputProblem.Kind.BINARY_FILE);

    FileState(String key, String format, long size, long mtime, String fileHash, Map<String, List<String>> oldIdsByHash,
        ProblemSink forward, SourceManifest.FileEntry old, String idName) {
      this.idName = idName;
      this.processed = old != null && old.problems().stream().anyMatch(p -> ARTICLE_WARNINGS.contains(p.kind()))
          ? ConcurrentHashMap.newKeySet() : null;
      this.key = key;
      this.format = format;
      this.size = size;
      this.mtime = mtime;
      this.fileHash = fileHash;
      this.unmatched = new HashMap<>();
      oldIdsByHash.forEach((h, ids) -> unmatched.put(h, new ArrayList<>(ids)));
      this.forward = forward;
    }

    /** How many of {@code old}'s articles this read did not yield. */
    long notYielded(SourceManifest.FileEntry old) {
      Set<String> seen = new HashSet<>();
      synchronized (articles) {
        articles.forEach(r -> seen.add(r.id()));
      }
      return old.articles().stream().filter(a -> !seen.contains(a.id())).count();
    }

    /** On a worker: the article read at {@code location} is being processed (cleaned, tagged, written). */
    void processing(String location) {
      if (processed != null) {
        processed.add(location);
      }
    }

    /** On the reading thread: the id of an article already indexed with this content hash, or null. */
    String matchUnchanged(String contentHash, long seq) {
      if (contentHash == null) {
        return null;
      }
      List<String> ids = unmatched.get(contentHash);
      if (ids == null || ids.isEmpty()) {
        return null;
      }
      String id = ids.remove(ids.size() - 1);
      SourceManifest.ArticleRef ref = new SourceManifest.ArticleRef(id, contentHash);
      order.merge(ref, seq, Math::max);
      articles.add(ref);
      return id;
    }

    void add(SourceManifest.ArticleRef ref, long seq) {
      order.merge(ref, seq, Math::max);
      articles.add(ref);
    }

    /**
     * On a worker: a problem of one article (skipped by the cleaner, undated, a duplicate), which says nothing about
     * whether the reader read the file whole: a page taken down and now without article text is a deletion.
     */
    void articleProblem(InputProblem problem) {
      problems.add(problem);
      forward.report(problem);
    }

    /** On the reading thread: the reader's problems, which may say it could not read the file whole. */
    @Override
    public void report(InputProblem problem) {
      if (problem.kind() == InputProblem.Kind.UNDATED) {
        undated.add(problem.location());
      }
      // A file the reader could not read to its end (cut short, unreadable, emptied, binary, skipped whole) is bad
      // input, not a deletion of its articles. A defect in one record (a bad line) is not: the rest was read.
      if (DAMAGED.contains(problem.kind())
          || problem.skipped() && ArticleDocuments.originFile(problem.location()).equals(problem.location())) {
        failed = true;
      }
      problems.add(problem);
      forward.report(problem);
    }

    /** Whether an undated article at {@code location} has been reported (by the reader, with its reason). */
    boolean reportedUndated(String location) {
      return undated.contains(location);
    }

    /**
     * The entry for the new manifest. A file that failed mid-way (truncated, unreadable, or now empty or binary)
     * keeps the old articles it did not yield (bad input never deletes what is indexed) and gets no hash, so the next
     * run reads it again.
     */
    SourceManifest.FileEntry toEntry(SourceManifest.FileEntry old) {
      List<SourceManifest.ArticleRef> refs = new ArrayList<>(articles);
      if (failed && old != null) {
        Set<String> seen = new HashSet<>();
        refs.forEach(r -> seen.add(r.id()));
        old.articles().stream().filter(a -> !seen.contains(a.id())).forEach(a -> {
          refs.add(a);
          keptOld++;
        });
      }
      // by id, and an id's articles in reading order (workers finish out of order): the last is the one kept
      refs.sort(java.util.Comparator.comparing(SourceManifest.ArticleRef::id)
          .thenComparingLong(r -> order.getOrDefault(r, -1L)));
      if (failed && old != null) {
        // The articles kept or found unchanged were not processed again, so the builder did not warn about them
        // again: their warnings of the last generation still hold (and keep a re-read from changing the manifest).
        Set<String> fresh = new HashSet<>();
        problems.forEach(p -> fresh.add(p.kind() + " " + p.location()));
        for (InputProblem p : old.problems()) {
          if (ARTICLE_WARNINGS.contains(p.kind()) && (processed == null || !processed.contains(p.location()))
              && !fresh.contains(p.kind() + " " + p.location())) {
            problems.add(p);
            forward.report(p);
          }
        }
      }
      List<InputProblem> sorted = new ArrayList<>(problems);
      sorted.sort((a, b) -> a.location().compareTo(b.location()));
      return new SourceManifest.FileEntry(key, format, size, mtime, failed ? null : fileHash, refs, sorted, idName);
    }
  }
}

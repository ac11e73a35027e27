package org.newsdesk.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.index.IndexDeletionPolicy;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;
import org.newsdesk.analysis.NewsAnalyzers;
import org.newsdesk.schema.NewsSchema;

/**
 * The kept generations of an index, and rollback to the previous one.
 *
 * <p>Rollback opens an {@link IndexWriter} on the older commit ({@link IndexWriterConfig#setIndexCommit}) and
 * commits it as the newest: no file is copied, searchers switch to it on their next refresh, and the commits of the
 * generation rolled back from are dropped, so a second rollback goes one generation further back.
 */
final class Generations {
  /** Commit user-data key: the manifest file of this generation. */
  static final String USER_DATA_MANIFEST = "newsdesk.manifest";
  /** Commit user-data key: the SHA-256 prefix of that manifest's bytes. */
  static final String USER_DATA_MANIFEST_SHA256 = "newsdesk.manifest.sha256";
  /** Commit user-data key: changes whenever the articles change; commits that share it are one generation. */
  static final String USER_DATA_CONTENT_ID = "newsdesk.content.id";
  /** Commit user-data key: what the build did. */
  static final String USER_DATA_MODE = "newsdesk.build.mode";
  /** Commit user-data key, on a rollback commit: the commit generation rolled back from. */
  static final String USER_DATA_ROLLED_BACK_FROM = "newsdesk.rolled.back.from";
  /** Commit user-data key, on a rollback commit: when it happened. */
  static final String USER_DATA_ROLLED_BACK_AT = "newsdesk.rolled.back.at";

  private Generations() {}

  /** The content id of a commit; commits written before content ids existed are each their own. */
  static String contentId(Map<String, String> userData, long commitGeneration) {
    return userData.getOrDefault(USER_DATA_CONTENT_ID, "commit-" + commitGeneration);
  }

  /** The kept generations, newest first. */
  static List<Generation> list(Path indexDir) throws IOException {
    if (!Files.isDirectory(indexDir)) { // before FSDirectory.open, which would create it
      throw new IndexStateException("no index at " + indexDir + ": build one with `newsdesk rebuild SOURCE...`");
    }
    try (Directory dir = FSDirectory.open(indexDir)) {
      requireIndex(dir, indexDir);
      List<IndexCommit> kept = KeepLastBuildsPolicy.kept(DirectoryReader.listCommits(dir), Integer.MAX_VALUE);
      List<Generation> out = new ArrayList<>();
      for (int i = kept.size() - 1; i >= 0; i--) {
        out.add(describe(kept.get(i), i == kept.size() - 1));
      }
      return out;
    }
  }

  /**
   * Makes the previous generation current again.
   *
   * @throws IndexStateException if there is no index or no earlier generation
   * @throws IndexLockedException if a builder is running
   */
  static RollbackReport rollback(Path indexDir) throws IOException {
    Instant start = Instant.now();
    if (!Files.isDirectory(indexDir)) {
      throw new IndexStateException("no index at " + indexDir);
    }
    try (Directory dir = FSDirectory.open(indexDir)) {
      requireIndex(dir, indexDir);
      failIfLocked(dir, indexDir);
      List<IndexCommit> kept = KeepLastBuildsPolicy.kept(DirectoryReader.listCommits(dir), Integer.MAX_VALUE);
      if (kept.size() < 2) {
        throw new IndexStateException("index " + indexDir + " has no earlier generation to roll back to"
            + " (a rebuild keeps the last N, see --keep; a rollback uses one up)");
      }
      IndexCommit current = kept.get(kept.size() - 1);
      IndexCommit target = kept.get(kept.size() - 2);
      Generation from = describe(current, true);
      IndexWriterConfig config = new IndexWriterConfig(NewsAnalyzers.forIndexing())
          .setOpenMode(IndexWriterConfig.OpenMode.APPEND)
          .setIndexCommit(target)
          .setCommitOnClose(false)
          .setIndexDeletionPolicy(new DropNewerThan(target.getGeneration()));
      long newestVersion = SegmentInfos.readLatestCommit(dir).getVersion();
      long targetVersion = SegmentInfos.readCommit(dir, target.getSegmentsFileName()).getVersion();
      try (IndexWriter writer = open(dir, config, indexDir)) {
        Map<String, String> data = new HashMap<>(target.getUserData());
        data.put(USER_DATA_ROLLED_BACK_FROM, Long.toString(current.getGeneration()));
        data.put(USER_DATA_ROLLED_BACK_AT, Instant.now().toString());
        // Open readers refresh only when the newest commit's version differs from theirs, and a commit made from
        // an older one starts at that one's version: step past the newest version so every searcher switches.
        for (long v = targetVersion; v <= newestVersion; v++) {
          writer.setLiveCommitData(data.entrySet(), true);
        }
        writer.commit();
        if (SegmentInfos.readLatestCommit(dir).getVersion() <= newestVersion) {
          throw new IllegalStateException("rollback commit did not get a newer index version than " + newestVersion);
        }
        deleteUnreferencedManifests(dir, indexDir);
      }
      List<IndexCommit> after = DirectoryReader.listCommits(dir);
      Generation to = describe(after.get(after.size() - 1), true);
      return new RollbackReport(from, to, Duration.between(start, Instant.now()));
    }
  }

  /** Deletes manifest files no remaining commit names. Call while holding the write lock. */
  static void deleteUnreferencedManifests(Directory dir, Path indexDir) throws IOException {
    Set<String> referenced = new HashSet<>();
    for (IndexCommit c : DirectoryReader.listCommits(dir)) {
      ManifestStore.Stored s = ManifestStore.named(c.getUserData());
      if (s != null) {
        referenced.add(s.fileName());
      }
    }
    ManifestStore.deleteUnreferenced(indexDir, referenced);
  }

  static IndexWriter open(Directory dir, IndexWriterConfig config, Path indexDir) throws IOException {
    try {
      return new IndexWriter(dir, config);
    } catch (LockObtainFailedException e) {
      throw locked(indexDir, e);
    }
  }

  /** Says "locked" before anything else when a builder runs; the writer takes the lock for real right after. */
  private static void failIfLocked(Directory dir, Path indexDir) throws IOException {
    try (Lock probe = dir.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
      probe.ensureValid();
    } catch (LockObtainFailedException e) {
      throw locked(indexDir, e);
    }
  }

  private static IndexLockedException locked(Path indexDir, LockObtainFailedException e) {
    return new IndexLockedException("index " + indexDir + " is locked by another newsdesk index, rebuild or rollback run"
        + " (its write.lock is held by a live process); wait for it to finish", e);
  }

  private static void requireIndex(Directory dir, Path indexDir) throws IOException {
    if (!DirectoryReader.indexExists(dir)) {
      throw new IndexStateException("no index at " + indexDir + ": build one with `newsdesk rebuild SOURCE...`");
    }
  }

  private static Generation describe(IndexCommit commit, boolean current) throws IOException {
    Map<String, String> data = commit.getUserData();
    long articles;
    String damage = null;
    try (DirectoryReader reader = DirectoryReader.open(commit)) {
      articles = reader.numDocs();
    } catch (org.apache.lucene.index.CorruptIndexException e) {
      // A damaged generation is still listed (and can be rolled back from); its count is unknown.
      articles = -1;
      damage = e.getMessage();
    }
    Instant builtAt = null;
    String at = data.get(NewsSchema.USER_DATA_BUILT_AT);
    if (at != null) {
      try {
        builtAt = Instant.parse(at);
      } catch (DateTimeParseException e) {
        builtAt = null;
      }
    }
    String mode = data.getOrDefault(USER_DATA_MODE, "unknown");
    if (data.containsKey(USER_DATA_ROLLED_BACK_FROM)) {
      mode = mode + ", restored by rollback at " + data.get(USER_DATA_ROLLED_BACK_AT);
    }
    if (damage != null) {
      mode = mode + ", DAMAGED: " + damage;
    }
    return new Generation(commit.getGeneration(), builtAt, articles, mode, current);
  }

  /** During a rollback: drops every commit newer than the target except the new one. */
  private static final class DropNewerThan extends IndexDeletionPolicy {
    private final long target;

    DropNewerThan(long target) {
      this.target = target;
    }

    @Override
    public void onInit(List<? extends IndexCommit> commits) {
      // Nothing is dropped until the rollback commit exists.
    }

    @Override
    public void onCommit(List<? extends IndexCommit> commits) {
      IndexCommit newest = commits.get(commits.size() - 1);
      for (IndexCommit c : commits) {
        if (c != newest && c.getGeneration() > target) {
          c.delete();
        }
      }
    }
  }
}

package org.newsdesk.index;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.newsdesk.gazetteer.Gazetteer;
import org.newsdesk.schema.NewsSchema;

/**
 * Runs Lucene's {@link CheckIndex} on an index and says in plain lines what is wrong. It takes the write lock, so it
 * never races a builder; it changes nothing.
 */
final class IndexCheck {
  private IndexCheck() {}

  static IndexHealth check(Path indexDir) throws IOException {
    if (!Files.isDirectory(indexDir)) {
      throw new IndexStateException("no index at " + indexDir);
    }
    try (Directory dir = FSDirectory.open(indexDir)) {
      if (!DirectoryReader.indexExists(dir)) {
        throw new IndexStateException("no index at " + indexDir + " (no segments file)");
      }
      ByteArrayOutputStream log = new ByteArrayOutputStream();
      CheckIndex.Status status;
      try (CheckIndex checker = new CheckIndex(dir)) {
        checker.setInfoStream(new PrintStream(log, true, StandardCharsets.UTF_8), false);
        status = checker.checkIndex();
      } catch (LockObtainFailedException e) {
        throw new IndexLockedException("index " + indexDir + " is locked by a running newsdesk index, rebuild or rollback;"
            + " run check after it finishes", e);
      } catch (IOException | RuntimeException e) {
        return new IndexHealth(false, "?", 0, 0, List.of("cannot read the index: " + e.getClass().getSimpleName() + ": "
            + e.getMessage() + "; run `newsdesk rollback` to return to the previous generation, or `newsdesk rebuild --full SOURCE...`"),
            List.of(), List.of());
      }
      List<String> corruption = new ArrayList<>();
      if (status.missingSegments) {
        String name = status.segmentsFileName != null ? status.segmentsFileName
            : org.apache.lucene.index.SegmentInfos.getLastCommitSegmentsFileName(dir);
        corruption.add("cannot read the segments file " + name + ": " + exceptionLine(log));
      }
      long articles = 0;
      for (CheckIndex.Status.SegmentInfoStatus s : status.segmentInfos) {
        if (s.error != null) {
          corruption.add("segment " + s.name + " (" + s.maxDoc + " docs) is broken: " + s.error.getClass().getSimpleName()
              + ": " + firstLine(s.error.getMessage()));
        } else {
          articles += s.maxDoc - (s.liveDocStatus == null ? 0 : s.liveDocStatus.numDeleted);
        }
      }
      if (!status.clean && corruption.isEmpty()) {
        corruption.add("CheckIndex reports the index is not clean: " + lastLine(log));
      }
      // Every search reads the index's gazetteer: a damaged one makes the index unreadable though Lucene's files are fine.
      Path gazetteer = indexDir.resolve(NewsSchema.GAZETTEER_FILE);
      if (Files.isRegularFile(gazetteer)) {
        try {
          Gazetteer.parse(Files.readAllBytes(gazetteer), gazetteer.toString());
        } catch (IOException | RuntimeException e) {
          corruption.add("the gazetteer file is damaged, so no search can open the index: " + firstLine(e.getMessage())
              + "; run `newsdesk rebuild --full SOURCE...`, which writes it again");
        }
      }
      if (!corruption.isEmpty()) {
        corruption.add((status.missingSegments ? "no article can be read" : status.totLoseDocCount + " articles are in broken segments")
            + "; run `newsdesk rollback` to return to"
            + " the previous generation, or `newsdesk rebuild --full SOURCE...`");
      }
      List<String> warnings = new ArrayList<>();
      List<Generation> generations = List.of();
      if (!status.missingSegments) {
        List<IndexCommit> commits = DirectoryReader.listCommits(dir);
        Map<String, String> data = commits.get(commits.size() - 1).getUserData();
        ManifestStore.Stored manifest = ManifestStore.named(data);
        if (manifest == null) {
          warnings.add("the current generation names no source manifest; the next rebuild re-reads every file");
        } else {
          try {
            ManifestStore.read(indexDir, manifest);
          } catch (IOException e) {
            warnings.add(e.getMessage() + "; the next rebuild re-reads every file (no article is lost)");
          }
        }
        if (corruption.isEmpty()) {
          generations = Generations.list(indexDir);
        }
      }
      return new IndexHealth(status.clean, status.segmentsFileName == null ? "?" : status.segmentsFileName, status.numSegments,
          articles, corruption, warnings, generations);
    }
  }

  private static String lastLine(ByteArrayOutputStream log) {
    String[] lines = log.toString(StandardCharsets.UTF_8).strip().split("\n");
    return lines.length == 0 ? "" : lines[lines.length - 1].strip();
  }

  /** The message of the exception CheckIndex printed (its stack trace's first line), else the log's last line. */
  private static String exceptionLine(ByteArrayOutputStream log) {
    for (String line : log.toString(StandardCharsets.UTF_8).split("\n")) {
      int at = line.indexOf("Exception: ");
      if (at > 0 && !line.strip().startsWith("at ")) {
        return line.substring(line.lastIndexOf('.', at) + 1).strip();
      }
    }
    return lastLine(log);
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}

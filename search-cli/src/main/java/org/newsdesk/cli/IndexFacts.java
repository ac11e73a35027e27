package org.newsdesk.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.newsdesk.schema.NewsSchema;

/**
 * Facts about an index directory that no search answers: its size on disk and its latest commit's user data
 * (schema version, gazetteer fingerprint, build time).
 *
 * @param sizeBytes total size of the files in the directory
 * @param segments the number of Lucene segments in the latest commit
 * @param userData the latest commit's user data
 */
record IndexFacts(long sizeBytes, int segments, Map<String, String> userData) {
  IndexFacts {
    userData = Map.copyOf(userData);
  }

  /**
   * Reads the facts of the index in {@code dir}.
   *
   * @throws CliException if there is no readable index there
   */
  static IndexFacts read(Path dir) {
    if (!java.nio.file.Files.isDirectory(dir)) { // before FSDirectory.open, which would create it
      throw new CliException("no index at " + dir + ": build one with `newsdesk index PATH...`");
    }
    try (Directory d = FSDirectory.open(dir)) {
      SegmentInfos infos = SegmentInfos.readLatestCommit(d);
      return new IndexFacts(size(dir), infos.size(), infos.getUserData());
    } catch (IOException | UncheckedIOException e) {
      throw new CliException("cannot read index " + dir + ": " + e.getMessage(), e);
    }
  }

  /** The ISO instant of the last completed build or rebuild, or null if the index does not record it. */
  String builtAt() {
    return userData.get(NewsSchema.USER_DATA_BUILT_AT);
  }

  private static long size(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(f -> {
        try {
          return Files.size(f);
        } catch (IOException e) {
          return 0; // a file merged away while we walk is no longer part of the index
        }
      }).sum();
    }
  }
}

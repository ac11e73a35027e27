package org.newsdesk.index;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.newsdesk.gazetteer.Gazetteer;
import org.newsdesk.index.corpus.CorpusFormat;

/**
 * How to build an index: where it lives, how to tag, how hard to work, how many generations to keep.
 *
 * @param indexDir the index directory
 * @param gazetteer the entities to tag
 * @param format a format to read every input as, or empty to detect it per file
 * @param threads worker threads for cleaning, tagging and analysis
 * @param ramBufferMb Lucene's indexing RAM buffer
 * @param keep completed builds to keep for {@code rollback} ({@link #DEFAULT_KEEP} by default), at least 1
 */
public record IndexOptions(Path indexDir, Gazetteer gazetteer, Optional<CorpusFormat> format, int threads, double ramBufferMb,
    int keep) {
  /** Generations kept by default: the current one and the one before, so rollback returns to last night's index. */
  public static final int DEFAULT_KEEP = 2;

  public IndexOptions {
    Objects.requireNonNull(indexDir, "indexDir");
    Objects.requireNonNull(gazetteer, "gazetteer");
    format = format == null ? Optional.empty() : format;
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    if (ramBufferMb < 1) {
      throw new IllegalArgumentException("ramBufferMb must be >= 1, got " + ramBufferMb);
    }
    if (keep < 1) {
      throw new IllegalArgumentException("keep must be >= 1, got " + keep);
    }
  }

  /** The options with the default number of kept generations. */
  public IndexOptions(Path indexDir, Gazetteer gazetteer, Optional<CorpusFormat> format, int threads, double ramBufferMb) {
    this(indexDir, gazetteer, format, threads, ramBufferMb, DEFAULT_KEEP);
  }

  /**
   * Lucene's indexing RAM buffer by default, in MB. 256 rather than Lucene's 16 or the earlier 64: each flush makes a
   * segment, and every search (a command line's most of all) opens and visits each one. At 64 MB a 100k-article
   * archive came out in 8 segments, at 256 MB in 3, and `newsdesk search` started about 20 ms sooner (docs/cli.md).
   */
  public static final int DEFAULT_RAM_BUFFER_MB = 256;

  /** Defaults: the bundled gazetteer, detected formats, one thread per core, a 256 MB buffer, keep 2 generations. */
  public static IndexOptions defaults(Path indexDir) {
    return new IndexOptions(indexDir, Gazetteer.defaults(), Optional.empty(),
        Math.max(1, Runtime.getRuntime().availableProcessors()), DEFAULT_RAM_BUFFER_MB, DEFAULT_KEEP);
  }

  public IndexOptions withGazetteer(Gazetteer g) {
    return new IndexOptions(indexDir, g, format, threads, ramBufferMb, keep);
  }

  public IndexOptions withFormat(Optional<CorpusFormat> f) {
    return new IndexOptions(indexDir, gazetteer, f, threads, ramBufferMb, keep);
  }

  public IndexOptions withThreads(int n) {
    return new IndexOptions(indexDir, gazetteer, format, n, ramBufferMb, keep);
  }

  public IndexOptions withRamBufferMb(double mb) {
    return new IndexOptions(indexDir, gazetteer, format, threads, mb, keep);
  }

  public IndexOptions withKeep(int n) {
    return new IndexOptions(indexDir, gazetteer, format, threads, ramBufferMb, n);
  }
}

package org.newsdesk.index.corpus;

import java.io.IOException;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Reads the articles of one input file of one format.
 *
 * <p>A bad record is reported to the {@link ProblemSink} and skipped; the reader goes on with the next. An
 * {@link IOException} means the file as a whole could not be read. Implementations hold no state between calls
 * and are thread-safe.
 */
public interface CorpusReader {
  /**
   * Reads every article in {@code file}, handing each to {@code articles}.
   *
   * @param file the file; its bytes are already decompressed if it was gzipped
   */
  void read(SourceFile file, Consumer<RawArticle> articles, ProblemSink problems) throws IOException;

  /**
   * Like {@link #read(SourceFile, Consumer, ProblemSink)}, but a reader that can hash a record before decoding it
   * asks {@code known} first and skips the decoding (and the hand-over) of a record whose content hash it accepts:
   * an incremental rebuild does not need to parse articles it already has. Problems are reported as by {@code read}.
   * Readers that cannot hash early read everything.
   */
  default void read(SourceFile file, Consumer<RawArticle> articles, ProblemSink problems, Predicate<String> known)
      throws IOException {
    read(file, articles, problems);
  }
}

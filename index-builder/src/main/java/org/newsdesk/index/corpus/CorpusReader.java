package org.newsdesk.index.corpus;

import java.io.IOException;
import java.util.function.Consumer;

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
}

package org.newsdesk.bench.corpus;

import java.io.Closeable;
import java.io.IOException;

/**
 * Writes generated articles to disk in one output format, streaming: nothing is held in memory.
 * {@link #encode} is pure and thread-safe, so generator threads can encode while one thread writes.
 */
interface CorpusWriter extends Closeable {
  /** The article's bytes in this format (UTF-8). Thread-safe; no I/O. */
  byte[] encode(SyntheticArticle article);

  /** Writes one encoded article. Called from one thread, in index order. */
  void write(SyntheticArticle article, byte[] encoded) throws IOException;

  /** Files created so far. */
  long filesWritten();
}

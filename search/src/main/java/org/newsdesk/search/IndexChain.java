package org.newsdesk.search;

import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.newsdesk.analysis.NewsAnalyzer;
import org.newsdesk.analysis.NewsAnalyzers;

/**
 * The indexing side of the text chain, for re-reading stored text as the index read it: the highlighter (the
 * postings hold no offsets) and the did-you-mean suggester. Only the indexing side also emits the joined form of a
 * compound, so a {@code ceasefire} query highlights {@code cease-fire} and {@code cease fire} as it matched them.
 * Made on first use: its compound list costs a one-query process (the CLI) several milliseconds to load, and a
 * search without highlights or corrections never needs it. Thread-safe.
 */
final class IndexChain implements AutoCloseable {
  private final NewsAnalyzer.Options options;
  private volatile Analyzer analyzer;

  IndexChain(NewsAnalyzer.Options options) {
    this.options = options;
  }

  /** The chain, made on the first call. */
  Analyzer get() {
    Analyzer a = analyzer;
    if (a == null) {
      synchronized (this) {
        a = analyzer;
        if (a == null) {
          analyzer = a = NewsAnalyzers.text(NewsAnalyzer.Mode.INDEX, options);
        }
      }
    }
    return a;
  }

  /** The compounds the chain expands, each as {closed form, first part, second part}. */
  List<List<String>> compounds() {
    return ((NewsAnalyzer) get()).compounds();
  }

  /** Releases the chain, if one was made. */
  @Override
  public void close() {
    Analyzer a = analyzer;
    if (a != null) {
      a.close();
    }
  }
}

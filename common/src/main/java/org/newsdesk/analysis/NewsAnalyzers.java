package org.newsdesk.analysis;

import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.newsdesk.schema.NewsField;

/**
 * The analyzers for each side of the index. The index builder uses {@link #forIndexing()}, the searcher
 * {@link #forQueries()}: text fields share one chain, every other field is a single exact token.
 */
public final class NewsAnalyzers {
  private NewsAnalyzers() {}

  /** Per-field analyzer for {@code IndexWriterConfig}. Callers close it. */
  public static Analyzer forIndexing() {
    return perField(new NewsAnalyzer(NewsAnalyzer.Mode.INDEX));
  }

  /** Per-field analyzer for query parsing. Callers close it. */
  public static Analyzer forQueries() {
    return perField(new NewsAnalyzer(NewsAnalyzer.Mode.QUERY));
  }

  /** Per-field analyzer for {@code IndexWriterConfig} with some steps of the text chain switched off (evaluations). */
  public static Analyzer forIndexing(NewsAnalyzer.Options options) {
    return perField(new NewsAnalyzer(NewsAnalyzer.Mode.INDEX, options));
  }

  /** Per-field analyzer for query parsing, matching an index built with {@link #forIndexing(NewsAnalyzer.Options)}. */
  public static Analyzer forQueries(NewsAnalyzer.Options options) {
    return perField(new NewsAnalyzer(NewsAnalyzer.Mode.QUERY, options));
  }

  /** The text chain alone, for callers that analyze free text outside any field. */
  public static Analyzer text(NewsAnalyzer.Mode mode) {
    return new NewsAnalyzer(mode);
  }

  /** The text chain alone with the given options. */
  public static Analyzer text(NewsAnalyzer.Mode mode, NewsAnalyzer.Options options) {
    return new NewsAnalyzer(mode, options);
  }

  private static Analyzer perField(Analyzer text) {
    Map<String, Analyzer> perField = new HashMap<>();
    KeywordAnalyzer keyword = new KeywordAnalyzer();
    for (NewsField f : NewsField.values()) {
      if (!isText(f)) {
        perField.put(f.fieldName(), keyword);
      }
    }
    return new PerFieldAnalyzerWrapper(text, perField);
  }

  /** True for the fields whose values are analyzed text. */
  public static boolean isText(NewsField field) {
    return field == NewsField.TITLE || field == NewsField.BODY || field == NewsField.CAPTION;
  }
}

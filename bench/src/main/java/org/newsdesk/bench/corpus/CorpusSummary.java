package org.newsdesk.bench.corpus;

import java.time.Duration;

/**
 * What a generation run wrote.
 *
 * @param articles articles written
 * @param files files created
 * @param bytes bytes written (UTF-8)
 * @param bodyWords body words in total
 * @param ceasefireStories how many ceasefire stories
 * @param articlesWithEntities how many articles mention at least one gazetteer entity
 * @param took wall time
 */
public record CorpusSummary(long articles, long files, long bytes, long bodyWords, long ceasefireStories,
    long articlesWithEntities, Duration took) {

  /** Articles per second. */
  public double articlesPerSecond() {
    return articles / Math.max(1e-9, took.toNanos() / 1e9);
  }

  /** One line for people. */
  public String describe() {
    return String.format(java.util.Locale.ROOT,
        "%d articles, %d files, %.1f MB, %.0f words/article, %d ceasefire stories, %d with entities, %.1f s (%.0f articles/s)",
        articles, files, bytes / 1e6, (double) bodyWords / articles, ceasefireStories, articlesWithEntities,
        took.toNanos() / 1e9, articlesPerSecond());
  }
}

package org.newsdesk.index;

import java.time.Instant;
import java.util.Objects;

/**
 * One kept generation of an index: a completed build that {@code newsdesk rollback} can return to.
 *
 * @param commit Lucene's commit generation (grows with every commit)
 * @param builtAt when the build that produced it finished, or null if unknown
 * @param articles live articles in it, or -1 when it is damaged and cannot be read
 * @param mode what the build did ({@code incremental}, {@code full}, …), or {@code rollback} details
 * @param current true for the generation searchers see
 */
public record Generation(long commit, Instant builtAt, long articles, String mode, boolean current) {
  public Generation {
    Objects.requireNonNull(mode, "mode");
    if (commit < 0 || articles < -1) {
      throw new IllegalArgumentException("commit must be >= 0 and articles >= -1, got " + commit + ", " + articles);
    }
  }
}

package org.newsdesk.bench.corpus;

import java.nio.file.Path;

/**
 * Where output file number {@code n} of {@code total} goes: directly in the output directory when there are at most
 * {@code perDirectory} files, else in numbered subdirectories of {@code perDirectory} files each.
 *
 * @param root the output directory
 * @param total how many files the corpus has
 * @param perDirectory at most this many files per directory
 */
record ShardLayout(Path root, long total, int perDirectory) {
  ShardLayout {
    if (total < 1) {
      throw new IllegalArgumentException("total must be >= 1, got " + total);
    }
    if (perDirectory < 1) {
      throw new IllegalArgumentException("files per directory must be >= 1, got " + perDirectory);
    }
  }

  /** The directory that holds file number {@code n}. */
  Path directoryOf(long n) {
    if (total <= perDirectory) {
      return root;
    }
    String digits = Long.toString(n / perDirectory);
    return root.resolve("0".repeat(Math.max(0, 5 - digits.length())) + digits);
  }
}

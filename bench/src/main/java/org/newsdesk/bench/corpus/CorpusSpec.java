package org.newsdesk.bench.corpus;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What to generate and where.
 *
 * @param articles how many articles, at least 1
 * @param seed the seed: the same seed gives the same articles, byte for byte
 * @param format the output format
 * @param out the output directory (created if missing; files of the same names are overwritten)
 * @param files JSON Lines only: how many {@code .jsonl} files to spread the articles over
 * @param perDirectory at most this many files per directory; beyond that they go in numbered subdirectories
 * @param start the index of the first article (ids {@code syn-<index>}), to extend a corpus
 * @param revision 0 for the original text; another value gives edited versions of the same ids
 */
public record CorpusSpec(long articles, long seed, OutputFormat format, Path out, int files, int perDirectory, long start, int revision) {
  public CorpusSpec {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(out, "out");
    if (articles < 1) {
      throw new IllegalArgumentException("articles must be >= 1, got " + articles);
    }
    if (files < 1 || files > articles) {
      throw new IllegalArgumentException("files must be between 1 and the number of articles (" + articles + "), got " + files);
    }
    if (format == OutputFormat.RAW && files != 1) {
      throw new IllegalArgumentException("--files applies to jsonl only: raw output is one file per article (use --per-dir)");
    }
    if (perDirectory < 1) {
      throw new IllegalArgumentException("files per directory must be >= 1, got " + perDirectory);
    }
    if (start < 0) {
      throw new IllegalArgumentException("start must be >= 0, got " + start);
    }
    if (revision < 0) {
      throw new IllegalArgumentException("revision must be >= 0, got " + revision);
    }
  }

  /** {@code articles} articles of seed {@code seed} as one JSON Lines file. */
  public static CorpusSpec jsonl(long articles, long seed, Path out) {
    return new CorpusSpec(articles, seed, OutputFormat.JSONL, out, 1, 1000, 0, 0);
  }
}

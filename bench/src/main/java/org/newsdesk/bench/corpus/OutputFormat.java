package org.newsdesk.bench.corpus;

import java.util.Locale;

/** The formats the generator writes. */
public enum OutputFormat {
  /** JSON Lines, many articles per file. */
  JSONL,
  /** Seed-style scraped text, one article per {@code .txt} file. */
  RAW;

  /** Parses {@code jsonl} or {@code raw}. */
  public static OutputFormat of(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "jsonl" -> JSONL;
      case "raw" -> RAW;
      default -> throw new IllegalArgumentException("unknown format '" + name + "': use jsonl or raw");
    };
  }
}

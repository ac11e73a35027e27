package org.newsdesk.index.corpus;

import java.util.Locale;

/** The input formats newsdesk reads. */
public enum CorpusFormat {
  /** A scraped text file laid out like the seed: icon junk, title, dateline, caption, body. One article per file. */
  RAW_TEXT("raw"),
  /** JSON Lines: one article object per line. */
  JSONL("jsonl"),
  /** One HTML page per file. */
  HTML("html"),
  /** A WARC archive: every HTML response record is an article. */
  WARC("warc"),
  /** TREC-style SGML: {@code <DOC><DOCNO>…<TEXT>…</DOC>}. */
  TREC("trec"),
  /** Reuters-21578 SGML: {@code <REUTERS …>…</REUTERS>}. */
  REUTERS_SGML("reuters");

  private final String cliName;

  CorpusFormat(String cliName) {
    this.cliName = cliName;
  }

  /** The name used by {@code --format}. */
  public String cliName() {
    return cliName;
  }

  /** Parses a {@code --format} value. */
  public static CorpusFormat fromCliName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (CorpusFormat f : values()) {
      if (f.cliName.equals(lower) || f.name().equalsIgnoreCase(lower)) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown format '" + name + "': use raw, jsonl, html, warc, trec or reuters");
  }
}

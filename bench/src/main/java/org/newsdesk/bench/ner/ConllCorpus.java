package org.newsdesk.bench.ner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A CoNLL-2003 file read into documents: tokens, gold entity spans (IOB1, as the files use), and the text the tagger
 * sees (tokens joined by spaces, sentences separated by a blank line, so that no name spans two sentences).
 */
final class ConllCorpus {
  private ConllCorpus() {}

  /** A gold or predicted entity: tokens [start, end) of the document, with type PER, LOC, ORG or MISC. */
  record Span(int start, int end, String type) {
    Span {
      Objects.requireNonNull(type, "type");
      if (start < 0 || end <= start) {
        throw new IllegalArgumentException("span must satisfy 0 <= start < end, got " + start + ".." + end);
      }
    }
  }

  /**
   * One document.
   *
   * @param tokens the tokens in order
   * @param tokenStart offset of each token in {@code text}
   * @param text what the tagger sees
   * @param gold the gold entities
   */
  record Doc(List<String> tokens, int[] tokenStart, String text, List<Span> gold) {
    /** The token that starts at this offset, or -1. */
    int tokenStartingAt(int offset) {
      int i = java.util.Arrays.binarySearch(tokenStart, offset);
      return i >= 0 ? i : -1;
    }

    /** The token that ends at this offset, or -1. */
    int tokenEndingAt(int offset) {
      int lo = 0;
      int hi = tokenStart.length - 1;
      while (lo <= hi) {
        int mid = (lo + hi) >>> 1;
        int end = tokenStart[mid] + tokens.get(mid).length();
        if (end == offset) {
          return mid;
        } else if (end < offset) {
          lo = mid + 1;
        } else {
          hi = mid - 1;
        }
      }
      return -1;
    }
  }

  /**
   * Reads a file in the original 4-column format.
   *
   * @throws IOException naming the file and line of a malformed line
   */
  static List<Doc> read(Path file) throws IOException {
    List<Doc> docs = new ArrayList<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    Builder doc = null;
    for (int n = 0; n < lines.size(); n++) {
      String line = lines.get(n).strip();
      if (line.startsWith("-DOCSTART-")) {
        if (doc != null && !doc.tokens.isEmpty()) {
          docs.add(doc.build());
        }
        doc = new Builder();
        continue;
      }
      if (doc == null) {
        doc = new Builder();
      }
      if (line.isEmpty()) {
        doc.endSentence();
        continue;
      }
      String[] cols = line.split(" ");
      if (cols.length != 4) {
        throw new IOException(file + ":" + (n + 1) + ": expected 4 columns, got " + cols.length);
      }
      doc.add(cols[0], cols[3]);
    }
    if (doc != null && !doc.tokens.isEmpty()) {
      docs.add(doc.build());
    }
    return docs;
  }

  /** Accumulates one document; IOB1: I-X continues an X entity, B-X starts one right after another X. */
  private static final class Builder {
    final List<String> tokens = new ArrayList<>();
    final List<Integer> starts = new ArrayList<>();
    final List<Span> gold = new ArrayList<>();
    final StringBuilder text = new StringBuilder();
    boolean sentenceOpen;
    int entityStart = -1;
    String entityType;

    void add(String token, String tag) {
      if (text.length() > 0) {
        text.append(sentenceOpen ? " " : "\n\n");
      }
      sentenceOpen = true;
      starts.add(text.length());
      text.append(token);
      int i = tokens.size();
      tokens.add(token);
      if (tag.equals("O")) {
        close(i);
      } else {
        String type = tag.substring(2);
        boolean begin = tag.startsWith("B-") || !type.equals(entityType);
        if (begin) {
          close(i);
          entityStart = i;
          entityType = type;
        }
      }
    }

    void endSentence() {
      close(tokens.size());
      sentenceOpen = false;
    }

    void close(int end) {
      if (entityStart >= 0) {
        gold.add(new Span(entityStart, end, entityType));
      }
      entityStart = -1;
      entityType = null;
    }

    Doc build() {
      close(tokens.size());
      return new Doc(List.copyOf(tokens), starts.stream().mapToInt(Integer::intValue).toArray(), text.toString(), List.copyOf(gold));
    }
  }
}

package org.newsdesk.bench.ranking;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The TIME test collection (../shared/corpora/time): 423 TIME magazine articles of 1963, 83 queries and binary
 * relevance judgments. TIME.REL numbers documents by their position in the original 425-document file, whose
 * positions 371 and 372 are missing from this copy (see its SOURCE.md), so judged number p is the document at
 * position p when p ≤ 370 and at p − 2 when p ≥ 373.
 *
 * @param docs the documents in file order
 * @param queries query text by query number
 * @param relevant relevant document ids ({@code *TEXT} ids) by query number
 */
record TimeCollection(List<Doc> docs, Map<Integer, String> queries, Map<Integer, Set<String>> relevant) {

  /** One article: its {@code *TEXT} id, date, first line and whole text (upper case, as in the file). */
  record Doc(String id, LocalDate date, String firstLine, String rest) {}

  private static final Pattern HEADER = Pattern.compile("^\\*TEXT\\s+(\\d+)\\s+(\\d\\d)/(\\d\\d)[/ ](\\d\\d)\\s+PAGE\\s+\\d+\\s*$");
  private static final Pattern FIND = Pattern.compile("^\\*FIND\\s+(\\d+)\\s*$");

  static TimeCollection read(Path dir) throws IOException {
    List<Doc> docs = readDocs(dir.resolve("TIME.ALL"));
    Map<Integer, String> queries = readQueries(dir.resolve("TIME.QUE"));
    Map<Integer, Set<String>> rel = readJudgments(dir.resolve("TIME.REL"), docs);
    if (docs.size() != 423 || queries.size() != 83 || rel.size() != 83) {
      throw new IllegalStateException("unexpected TIME collection in " + dir + ": " + docs.size() + " docs, "
          + queries.size() + " queries, " + rel.size() + " judged queries (expected 423, 83, 83)");
    }
    return new TimeCollection(docs, queries, rel);
  }

  private static List<Doc> readDocs(Path file) throws IOException {
    List<Doc> docs = new ArrayList<>();
    String id = null;
    LocalDate date = null;
    List<String> lines = new ArrayList<>();
    int lineNo = 0;
    for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
      lineNo++;
      if (line.startsWith("*TEXT") || line.startsWith("*STOP")) {
        if (id != null) {
          docs.add(doc(id, date, lines));
        }
        lines.clear();
        if (line.startsWith("*STOP")) {
          break;
        }
        Matcher m = HEADER.matcher(line);
        if (!m.matches()) {
          throw new IllegalStateException(file + ":" + lineNo + ": unreadable header: " + line);
        }
        id = m.group(1);
        date = LocalDate.of(1900 + Integer.parseInt(m.group(4)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
      } else if (!line.isBlank()) {
        lines.add(line.strip());
      }
    }
    return docs;
  }

  private static Doc doc(String id, LocalDate date, List<String> lines) {
    String first = lines.isEmpty() ? "" : lines.get(0);
    String rest = String.join("\n", lines.subList(Math.min(1, lines.size()), lines.size()));
    return new Doc(id, date, first, rest);
  }

  private static Map<Integer, String> readQueries(Path file) throws IOException {
    Map<Integer, String> queries = new LinkedHashMap<>();
    Integer current = null;
    StringBuilder text = new StringBuilder();
    for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
      Matcher m = FIND.matcher(line);
      if (m.matches() || line.startsWith("*STOP")) {
        if (current != null) {
          queries.put(current, text.toString().strip());
        }
        text.setLength(0);
        current = m.matches() ? Integer.valueOf(m.group(1)) : null;
      } else if (current != null) {
        text.append(' ').append(line.strip());
      }
    }
    return queries;
  }

  private static Map<Integer, Set<String>> readJudgments(Path file, List<Doc> docs) throws IOException {
    Map<Integer, Set<String>> rel = new HashMap<>();
    int lineNo = 0;
    for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      String[] parts = line.strip().split("\\s+");
      Set<String> ids = new HashSet<>();
      for (int i = 1; i < parts.length; i++) {
        int position = Integer.parseInt(parts[i]);
        if (position == 371 || position == 372) {
          throw new IllegalStateException(file + ":" + lineNo + ": judges a missing document (position " + position + ")");
        }
        int index = (position <= 370 ? position : position - 2) - 1;
        ids.add(docs.get(index).id());
      }
      rel.put(Integer.parseInt(parts[0]), ids);
    }
    return rel;
  }
}

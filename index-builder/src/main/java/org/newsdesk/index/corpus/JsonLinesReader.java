package org.newsdesk.index.corpus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads JSON Lines: one article object per line.
 *
 * <p>Fields: {@code id} and {@code body} (strings) are required; {@code title}, {@code published} (ISO-8601 date or
 * date-time), {@code url}, {@code source}, {@code caption} and {@code author} are optional strings. A bad line is
 * reported as {@code file:line} with the reason and skipped.
 */
final class JsonLinesReader implements CorpusReader {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] OPTIONAL = {
      RawArticle.TITLE, RawArticle.PUBLISHED, RawArticle.URL, RawArticle.SOURCE, RawArticle.CAPTION, RawArticle.AUTHOR};

  @Override
  public void read(SourceFile file, Consumer<RawArticle> articles, ProblemSink problems) throws IOException {
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(file.open(), StandardCharsets.UTF_8), 1 << 16)) {
      String line;
      int lineNo = 0;
      boolean any = false;
      while ((line = reader.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        any = true;
        String location = file.name() + ":" + lineNo;
        try {
          RawArticle article = parse(line, location);
          if (article != null) {
            articles.accept(article);
          }
        } catch (BadLineException e) {
          problems.report(new InputProblem(location, e.kind, e.getMessage(), true));
        }
      }
      if (!any) {
        problems.report(new InputProblem(file.name(), InputProblem.Kind.EMPTY_FILE, "empty file", true));
      }
    }
  }

  private static RawArticle parse(String line, String location) throws BadLineException {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new BadLineException(InputProblem.Kind.BAD_JSON,
          "invalid JSON at column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw new BadLineException(InputProblem.Kind.BAD_JSON, "expected a JSON object");
    }
    Map<String, String> fields = new HashMap<>();
    fields.put(RawArticle.ID, requiredString(node, RawArticle.ID));
    String body = requiredString(node, "body");
    for (String key : OPTIONAL) {
      JsonNode value = node.get(key);
      if (value == null || value.isNull()) {
        continue;
      }
      if (!value.isTextual()) {
        throw new BadLineException(InputProblem.Kind.BAD_RECORD,
            "field \"" + key + "\" must be a string, got " + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
      }
      fields.put(key, value.asText());
    }
    return new RawArticle(location, CorpusFormat.JSONL, body, fields, SourceFile.hash(line.getBytes(StandardCharsets.UTF_8)));
  }

  private static String requiredString(JsonNode node, String key) throws BadLineException {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      throw new BadLineException(key.equals("body") ? InputProblem.Kind.NO_BODY : InputProblem.Kind.BAD_RECORD,
          "required field \"" + key + "\" is missing");
    }
    if (!value.isTextual()) {
      throw new BadLineException(InputProblem.Kind.BAD_RECORD,
          "field \"" + key + "\" must be a string, got " + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
    }
    if (value.asText().isBlank()) {
      throw new BadLineException(key.equals("body") ? InputProblem.Kind.NO_BODY : InputProblem.Kind.BAD_RECORD,
          "field \"" + key + "\" is empty");
    }
    return value.asText();
  }

  private static final class BadLineException extends Exception {
    private static final long serialVersionUID = 1L;
    final InputProblem.Kind kind;

    BadLineException(InputProblem.Kind kind, String message) {
      super(message);
      this.kind = kind;
    }
  }
}

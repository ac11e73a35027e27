package org.newsdesk.index.corpus;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.newsdesk.model.Published;

/**
 * Reads JSON Lines: one article object per line.
 *
 * <p>Fields: {@code id} and {@code body} (non-empty strings) are required; {@code title}, {@code published}
 * (ISO-8601 date or date-time, or another form {@link PublishedDates} accepts), {@code url}, {@code source},
 * {@code caption} and {@code author} are optional strings; other keys are ignored. A line that is not a JSON object,
 * lacks a required field or has a field of the wrong type is reported as {@code file:line} with the reason and
 * skipped. An unparseable {@code published} is reported and the article kept as undated. A line that is not valid
 * UTF-8 is read as Windows-1252 with a warning. The content hash is that of the line's bytes.
 */
final class JsonLinesReader implements CorpusReader {
  /** Trailing text is checked by {@link #trailingText}, which says what is wrong better than Jackson's own check. */
  /**
   * Strings and names as long as a line may be ({@link ByteLines#MAX_LINE}): Jackson's defaults (20 M chars, 50,000
   * for a name) would refuse bodies the format promises to read. Numbers and nesting keep Jackson's limits; a line
   * beyond them is skipped with the reason.
   */
  private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxStringLength(ByteLines.MAX_LINE).maxNameLength(ByteLines.MAX_LINE).build())
      .build());
  private static final String[] OPTIONAL = {
      RawArticle.TITLE, RawArticle.PUBLISHED, RawArticle.URL, RawArticle.SOURCE, RawArticle.CAPTION, RawArticle.AUTHOR};

  @Override
  public void read(SourceFile file, Consumer<RawArticle> articles, ProblemSink problems) throws IOException {
    read(file, articles, problems, hash -> false);
  }

  /** The line's hash is taken before its JSON is parsed, so a line {@code known} accepts is never parsed. */
  @Override
  public void read(SourceFile file, Consumer<RawArticle> articles, ProblemSink problems, Predicate<String> known)
      throws IOException {
    // The head, then the rest, as two streams one after the other: a read never mixes the two, so bytes decoded before
    // damage to a gzip stream are not lost with the exception the damage throws (PushbackInputStream and
    // BufferedInputStream both lose them).
    try (InputStream rest = file.open()) {
      byte[] head = headOf(rest, 8192);
      int nuls = head.length < 8192 ? trailingNuls(head) : 0;
      if (nuls > 0 && nuls < head.length) {
        // what a crash in the middle of a write leaves: the file's length set, its last bytes never written
        problems.report(new InputProblem(file.name(), InputProblem.Kind.TRUNCATED, "file ends in " + nuls
            + " NUL bytes, as a write cut short leaves it; the lines before them were kept", true));
        head = java.util.Arrays.copyOf(head, head.length - nuls);
      }
      InputStream in = new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(head), rest);
      if (InputChecks.looksBinary(head)) {
        problems.report(new InputProblem(file.name(), InputProblem.Kind.BINARY_FILE,
            "binary content (NUL or control bytes), not text", true));
        return;
      }
      ByteLines lines = new ByteLines(in);
      boolean any = false;
      while (lines.next()) {
        int lineNo = lines.number();
        String location = file.name() + ":" + lineNo;
        if (lines.tooLong()) {
          any = true;
          problems.report(new InputProblem(location, InputProblem.Kind.TOO_LARGE,
              "line is longer than " + ByteLines.MAX_LINE + " bytes; skipped", true));
          continue;
        }
        SourceFile.Decoded decoded = SourceFile.decode(lines.bytes(), 0, lines.length());
        String line = decoded.text();
        if (line.isBlank()) {
          continue;
        }
        if (!any && isWholeDocumentJson(line)) {
          // the whole file is skipped, so the problem is the file's (a rebuild then keeps what it held)
          problems.report(new InputProblem(file.name(), InputProblem.Kind.BAD_JSON,
              "this is one multi-line JSON document (an array or a pretty-printed object), not JSON Lines with one"
                  + " object per line; file skipped", true));
          return;
        }
        any = true;
        if (decoded.fellBack()) {
          problems.report(new InputProblem(location, InputProblem.Kind.BAD_ENCODING,
              "not valid UTF-8; line " + decoded.readAs(), false));
        }
        String hash = SourceFile.hash(lines.bytes(), 0, lines.length());
        if (known.test(hash)) {
          continue;
        }
        try {
          articles.accept(parse(line, decoded.fellBack() ? null : lines.bytes(), lines.length(), location, hash, problems));
        } catch (BadLineException e) {
          if (lines.unterminated() && e.kind == InputProblem.Kind.BAD_JSON) {
            // a last line cut short with no line break: the file was cut (a copy or a download that stopped), and
            // the lines it held after the cut are missing, not deleted
            problems.report(new InputProblem(file.name(), InputProblem.Kind.TRUNCATED, "file ends inside line "
                + lines.number() + " (" + e.getMessage() + "); the lines before it were kept", true));
          } else {
            problems.report(new InputProblem(location, e.kind, e.getMessage(), true));
          }
        }
      }
      if (!any) {
        problems.report(new InputProblem(file.name(), InputProblem.Kind.EMPTY_FILE, "empty file", true));
      }
    }
  }

  /** How many NUL bytes {@code bytes} ends with. */
  private static int trailingNuls(byte[] bytes) {
    int n = 0;
    while (n < bytes.length && bytes[bytes.length - 1 - n] == 0) {
      n++;
    }
    return n;
  }

  /**
   * Up to {@code max} bytes, or those before damage to a gzip stream: a small file cut short still yields the lines
   * before the cut (reading on meets the damage again, which is then reported as usual).
   */
  private static byte[] headOf(InputStream in, int max) throws IOException {
    byte[] buf = new byte[max];
    int n = 0;
    try {
      for (int r; n < max && (r = in.read(buf, n, max - n)) >= 0; n += r) {
        // fill
      }
    } catch (java.io.EOFException | java.util.zip.ZipException e) {
      if (n == 0) {
        throw e;
      }
    }
    return java.util.Arrays.copyOf(buf, n);
  }

  /**
   * A first line that opens a JSON array without closing it, or a lone {@code {}: the start of a multi-line array or
   * of a pretty-printed object. An array on one line is one bad line, and the lines after it are read.
   */
  private static boolean isWholeDocumentJson(String firstLine) {
    String t = firstLine.strip();
    return t.startsWith("[") && !t.endsWith("]") || t.equals("{");
  }

  /**
   * A line's article: from its bytes {@code utf8[0, length)} when the fast path takes them ({@code utf8} is null for
   * a line that is not valid UTF-8), else from Jackson's parse of the decoded {@code line}.
   */
  static RawArticle parse(String line, byte[] utf8, int length, String location, String hash, ProblemSink problems)
      throws BadLineException {
    Map<String, String> flat = utf8 == null ? null : FlatJsonObject.parse(utf8, 0, length);
    return flat != null ? article(flat::get, location, hash, problems) : parseWithJackson(line, location, hash, problems);
  }

  /** The full parse, for any line the fast path leaves: it also says what is wrong with a bad one. */
  static RawArticle parseWithJackson(String line, String location, String hash, ProblemSink problems)
      throws BadLineException {
    JsonNode node;
    try (JsonParser parser = JSON.createParser(line)) {
      node = JSON.readTree(parser);
      trailingText(parser);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation(); // none for a limit exceeded (StreamConstraintsException)
      throw new BadLineException(InputProblem.Kind.BAD_JSON,
          (at == null ? "invalid JSON: " : "invalid JSON at column " + at.getColumnNr() + ": ") + e.getOriginalMessage());
    } catch (IOException e) {
      throw new BadLineException(InputProblem.Kind.BAD_JSON, "invalid JSON: " + e.getMessage());
    }
    if (node == null || !node.isObject()) {
      throw new BadLineException(InputProblem.Kind.BAD_JSON, "expected a JSON object");
    }
    return article(key -> text(node, key), location, hash, problems);
  }

  /** A member's string value, null when absent or JSON null; another type is an error. */
  private static String text(JsonNode node, String key) throws BadLineException {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new BadLineException(InputProblem.Kind.BAD_RECORD,
          "field \"" + key + "\" must be a string, got " + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
    }
    return value.asText();
  }

  /** A line's members, by key, as strings: null when absent or JSON null. */
  @FunctionalInterface
  private interface Members {
    String text(String key) throws BadLineException;
  }

  /** The checks and the article, the same for both parses. */
  private static RawArticle article(Members members, String location, String hash, ProblemSink problems)
      throws BadLineException {
    Map<String, String> fields = new HashMap<>();
    fields.put(RawArticle.ID, requiredString(members, RawArticle.ID));
    String body = requiredString(members, "body");
    for (String key : OPTIONAL) {
      String value = members.text(key);
      if (value != null) {
        fields.put(key, value);
      }
    }
    String published = fields.remove(RawArticle.PUBLISHED);
    if (published != null && !published.isBlank()) {
      Optional<Published> parsed = PublishedDates.parse(published);
      if (parsed.isPresent()) {
        fields.put(RawArticle.PUBLISHED, parsed.get().toString());
      } else {
        problems.report(new InputProblem(location, InputProblem.Kind.UNDATED,
            "cannot parse \"published\" value '" + published + "' as a date; kept as undated", false));
      }
    }
    return new RawArticle(location, CorpusFormat.JSONL, body, fields, hash);
  }

  /** Text after the line's JSON value (a second object, or garbage) is an error, reported as such. */
  private static void trailingText(JsonParser parser) throws BadLineException {
    int column;
    boolean more;
    try {
      more = parser.nextToken() != null;
      column = parser.currentTokenLocation().getColumnNr();
    } catch (JsonProcessingException e) {
      more = true;
      column = e.getLocation() == null ? parser.currentLocation().getColumnNr() : e.getLocation().getColumnNr();
    } catch (IOException e) {
      more = true;
      column = parser.currentLocation().getColumnNr();
    }
    if (more) {
      throw new BadLineException(InputProblem.Kind.BAD_JSON, "invalid JSON at column " + column
          + ": Trailing token after the JSON object (JSON Lines holds one object per line)");
    }
  }

  private static String requiredString(Members members, String key) throws BadLineException {
    String value = members.text(key);
    if (value == null) {
      throw new BadLineException(key.equals("body") ? InputProblem.Kind.NO_BODY : InputProblem.Kind.BAD_RECORD,
          "required field \"" + key + "\" is missing");
    }
    if (value.isBlank()) {
      throw new BadLineException(key.equals("body") ? InputProblem.Kind.NO_BODY : InputProblem.Kind.BAD_RECORD,
          "field \"" + key + "\" is empty");
    }
    return value;
  }

  static final class BadLineException extends Exception {
    private static final long serialVersionUID = 1L;
    final InputProblem.Kind kind;

    BadLineException(InputProblem.Kind kind, String message) {
      super(message);
      this.kind = kind;
    }
  }
}

package org.newsdesk.index.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fast parse of JSON lines against Jackson's: on every line, both give the same article and the same reported
 * problems, or the same error. Lines are generated flat objects (strings with every escape, nulls, other types,
 * duplicate keys, odd whitespace) and random one-character mutations of them.
 */
class FlatJsonObjectTest {
  private static final String[] KEYS = {"id", "body", "title", "published", "url", "source", "caption", "author",
      "tags", "x", "ünï", "a\\\"b", ""};
  private static final String[] PIECES = {"plain words ", "\\n", "\\n\\n", "\\\"", "\\\\", "\\/", "\\b", "\\f", "\\r",
      "\\t", "\\u00e9", "\\u00E9", "\\ud83d\\ude00", "\\ud800", "\\u12", "\\x", "\\", "é", "—", "“quoted”", "\u0001",
      "\t", " ", "2020-09-27", "2020-09-27T17:38:00Z", "27 Sep 2020", "not a date", "\u2028", "}", "{", ",", ":", "null"};
  private static final String[] OTHER_VALUES = {"null", "12", "-1.5e3", "true", "false", "[]", "[\"a\",1]", "{}",
      "{\"k\":\"v\"}", "nul", "\"unterminated", "'single'"};
  private static final String[] SPACES = {"", " ", "  ", "   ", " ", " ", " ", " ", " ", " ", "\t", "\r"};

  @Test
  void sameResultAsJacksonOnGeneratedAndMutatedLines() {
    Random random = new Random(20261206);
    int fast = 0;
    int lines = 0;
    for (int i = 0; i < 40_000; i++) {
      String line = line(random);
      if (i % 2 == 1) {
        line = mutate(line, random);
      }
      lines++;
      if (FlatJsonObject.parse(utf8(line), 0, utf8(line).length) != null) {
        fast++;
      }
      assertSameOutcome(line);
    }
    // The generator must exercise the fast path as well as the fall-back, or the comparison proves little.
    assertTrue(fast > lines / 4 && fast < lines * 3 / 4, "fast path taken on " + fast + " of " + lines + " lines");
  }

  @Test
  void typicalArticleLineTakesTheFastPath() {
    String line = "{\"id\":\"a1\",\"title\":\"Truce \\\"holds\\\"\",\"published\":\"2020-09-27T17:38:00Z\","
        + "\"body\":\"First paragraph.\\n\\nSecond \\u00e9t\\u00E9 paragraph \\ud83d\\ude00.\",\"source\":null}";
    Map<String, String> members = FlatJsonObject.parse(utf8(line), 0, utf8(line).length);
    assertNotNull(members);
    assertEquals("Truce \"holds\"", members.get("title"));
    assertEquals("First paragraph.\n\nSecond été paragraph \uD83D\uDE00.", members.get("body"));
    assertTrue(members.containsKey("source"));
    assertNull(members.get("source"));
    assertSameOutcome(line);
  }

  @Test
  void anythingButAFlatObjectOfStringsIsLeftToJackson() {
    for (String line : List.of("{\"id\":\"a\",\"body\":\"b\",\"n\":1}", "{\"id\":\"a\",\"id\":\"b\"}", "[1]",
        "{\"id\":\"a\"} x", "{\"id\":\"a\",}", "{\"id\":\"a\"\t}", "{\"i\\u0064\":\"a\"}", "{\"id\":\"a\tb\"}",
        "{\"id\":\"\\u00g0\"}", "{\"id\":nul}", "{\"id\":\"a\"", "")) {
      assertNull(FlatJsonObject.parse(utf8(line), 0, utf8(line).length), line);
      assertSameOutcome(line);
    }
  }

  private static byte[] utf8(String line) {
    return line.getBytes(StandardCharsets.UTF_8);
  }

  private static void assertSameOutcome(String line) {
    Outcome expected = outcome(line, true);
    Outcome actual = outcome(line, false);
    assertEquals(expected, actual, line);
  }

  private record Outcome(RawArticle article, List<String> problems, String error) {}

  private static Outcome outcome(String line, boolean jackson) {
    List<String> problems = new ArrayList<>();
    ProblemSink sink = p -> problems.add(p.toString());
    try {
      RawArticle a = jackson
          ? JsonLinesReader.parseWithJackson(line, "f.jsonl:1", "h", sink)
          : JsonLinesReader.parse(line, utf8(line), utf8(line).length, "f.jsonl:1", "h", sink);
      return new Outcome(a, problems, null);
    } catch (JsonLinesReader.BadLineException e) {
      return new Outcome(null, problems, e.kind + ": " + e.getMessage());
    }
  }

  private static String line(Random random) {
    StringBuilder b = new StringBuilder();
    b.append(pick(random, SPACES, 0.2)).append('{');
    int members = random.nextInt(6);
    if (random.nextDouble() < 0.6) {
      // Most lines carry the required members, so that articles (not only errors) are compared.
      member(b, random, "id", "\"" + value(random) + "\"");
      b.append(',');
      member(b, random, "body", "\"" + value(random) + "\"");
      if (members > 0) {
        b.append(',');
      }
    }
    for (int m = 0; m < members; m++) {
      if (m > 0) {
        b.append(',');
      }
      String key = KEYS[random.nextInt(random.nextDouble() < 0.9 ? 10 : KEYS.length)];
      if (b.indexOf("\"" + key + "\"") >= 0 && random.nextDouble() < 0.9) {
        key = "k" + m; // mostly no repeated key: a repeat always goes to Jackson
      }
      String value = random.nextDouble() < 0.9 ? "\"" + value(random) + "\"" : OTHER_VALUES[random.nextInt(OTHER_VALUES.length)];
      member(b, random, key, value);
    }
    return b.append(pick(random, SPACES, 0.1)).append('}').append(pick(random, SPACES, 0.1)).toString();
  }

  private static void member(StringBuilder b, Random random, String key, String value) {
    b.append(pick(random, SPACES, 0.3)).append('"').append(key).append('"').append(pick(random, SPACES, 0.2)).append(':')
        .append(pick(random, SPACES, 0.3)).append(value);
  }

  private static String value(Random random) {
    StringBuilder v = new StringBuilder();
    int pieces = random.nextInt(5);
    for (int p = 0; p < pieces; p++) {
      // Mostly well-formed text; a piece that breaks the string (a lone backslash, a raw control) now and then.
      String piece = PIECES[random.nextInt(PIECES.length)];
      boolean breaking = piece.equals("\\") || piece.equals("\\x") || piece.equals("\\u12") || piece.equals("\u0001")
          || piece.equals("\t");
      v.append(breaking && random.nextDouble() < 0.9 ? "word" : piece);
    }
    return v.toString();
  }

  private static String pick(Random random, String[] options, double chance) {
    return random.nextDouble() < chance ? options[1 + random.nextInt(options.length - 1)] : "";
  }

  private static String mutate(String line, Random random) {
    if (line.isEmpty()) {
      return "{";
    }
    int at = random.nextInt(line.length());
    char c = "\"\\{}[],: \tnu0x".charAt(random.nextInt(14));
    return switch (random.nextInt(3)) {
      case 0 -> line.substring(0, at) + line.substring(at + 1);
      case 1 -> line.substring(0, at) + c + line.substring(at);
      default -> line.substring(0, at) + c + line.substring(at + 1);
    };
  }
}

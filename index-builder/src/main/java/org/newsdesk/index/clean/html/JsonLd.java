package org.newsdesk.index.clean.html;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The schema.org objects a page declares in {@code <script type="application/ld+json">}, flattened out of arrays and
 * {@code @graph}s. Malformed blocks are skipped: JSON-LD is only ever one signal among several.
 */
final class JsonLd {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS, JsonReadFeature.ALLOW_TRAILING_COMMA,
          JsonReadFeature.ALLOW_SINGLE_QUOTES, JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER,
          JsonReadFeature.ALLOW_JAVA_COMMENTS)
      .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE)
      .build();
  /**
   * The only fields the questions below read, at any depth: an object's others (an article's whole text, its images,
   * breadcrumbs, comments) are skipped as they are parsed, without building strings or nodes for them.
   */
  private static final Set<String> READ = Set.of("@type", "@graph", "mainEntity", "author", "publisher", "name",
      "headline", "datePublished", "dateCreated");
  /** Nesting deeper than this is not followed. */
  private static final int MAX_OBJECTS = 500;
  private static final NodeMatch.Test SCRIPT = NodeMatch.tag("script");

  /** The texts of the page's JSON-LD blocks, read on the first question, and not at all when none comes. */
  private final Supplier<List<String>> blocks;
  private List<JsonNode> objects;

  private JsonLd(Supplier<List<String>> blocks) {
    this.blocks = blocks;
  }

  /**
   * The objects declared by the JSON-LD blocks of a page: its {@code script} elements of an {@code ld+json} type,
   * found, like the blocks are parsed, only when a question is asked.
   */
  static JsonLd of(PageTree tree) {
    return new JsonLd(() -> blocks(tree));
  }

  private List<JsonNode> objects() {
    if (objects == null) {
      objects = parse(blocks.get());
    }
    return objects;
  }

  private static List<String> blocks(PageTree tree) {
    List<String> blocks = new ArrayList<>();
    for (int script : NodeMatch.all(tree, SCRIPT)) {
      if (isJsonLd(tree.attr(script, "type"))) {
        blocks.add(data(tree, script));
      }
    }
    return blocks;
  }

  private static boolean isJsonLd(String type) {
    return type.toLowerCase(Locale.ROOT).contains("ld+json");
  }

  /**
   * jsoup's {@code Element.data()} of an element: its data and comment nodes, all the way down, in document
   * order. (jsoup adds CDATA sections too, which the tree does not tell from text; only foreign content has
   * them, and a script's content is one data node everywhere else.)
   */
  static String data(PageTree tree, int element) {
    int end = tree.end(element);
    if (end == element + 1 && tree.kind(end) == PageTree.DATA) {
      return tree.text(end); // the usual script: one data node
    }
    StringBuilder data = new StringBuilder();
    for (int n = element + 1; n <= end; n++) {
      byte kind = tree.kind(n);
      if (kind == PageTree.DATA || kind == PageTree.COMMENT) {
        data.append(tree.text(n));
      }
    }
    return data.toString();
  }

  private static List<JsonNode> parse(List<String> blocks) {
    List<JsonNode> objects = new ArrayList<>();
    for (String block : blocks) {
      try (JsonParser parser = MAPPER.createParser(block.strip())) {
        if (parser.nextToken() != null) {
          flatten(read(parser), objects);
        }
      } catch (Exception e) { // a broken block is one signal less, not an error of the page
        continue;
      }
    }
    return objects;
  }

  /**
   * The value at the parser's current token, as {@code ObjectMapper.readTree} reads it but with only the
   * {@link #READ} fields of each object; the parser is left on the value's last token.
   */
  private static JsonNode read(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.START_OBJECT) {
      ObjectNode object = MAPPER.getNodeFactory().objectNode();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        parser.nextToken();
        if (READ.contains(name)) {
          object.set(name, read(parser)); // a repeated name: the last one, as readTree keeps it
        } else {
          parser.skipChildren(); // an object or array skipped whole; a scalar is not even decoded
        }
      }
      return object;
    }
    if (token == JsonToken.START_ARRAY) {
      ArrayNode array = MAPPER.getNodeFactory().arrayNode();
      for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
        if (t == null) {
          throw new IOException("JSON-LD block ends inside an array");
        }
        array.add(read(parser));
      }
      return array;
    }
    return MAPPER.readTree(parser); // a scalar
  }

  private static void flatten(JsonNode root, List<JsonNode> out) {
    Deque<JsonNode> todo = new ArrayDeque<>();
    todo.push(root);
    while (!todo.isEmpty() && out.size() < MAX_OBJECTS) {
      JsonNode n = todo.pop();
      if (n == null) {
        continue;
      }
      if (n.isArray()) {
        for (int i = n.size() - 1; i >= 0; i--) {
          todo.push(n.get(i));
        }
      } else if (n.isObject()) {
        out.add(n);
        if (n.has("@graph")) {
          todo.push(n.get("@graph"));
        }
        if (n.has("mainEntity")) {
          todo.push(n.get("mainEntity"));
        }
      }
    }
  }

  /** The objects whose {@code @type} names an article (NewsArticle, BlogPosting, ReportageNewsArticle...). */
  List<JsonNode> articles() {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode n : objects()) {
      if (isArticleType(n.get("@type"))) {
        out.add(n);
      }
    }
    return out;
  }

  /** All objects, articles first. */
  List<JsonNode> all() {
    List<JsonNode> out = new ArrayList<>(articles());
    for (JsonNode n : objects()) {
      if (!out.contains(n)) {
        out.add(n);
      }
    }
    return out;
  }

  private static boolean isArticleType(JsonNode type) {
    if (type == null) {
      return false;
    }
    if (type.isArray()) {
      for (JsonNode t : type) {
        if (isArticleType(t)) {
          return true;
        }
      }
      return false;
    }
    String t = type.asText().toLowerCase(Locale.ROOT);
    return t.contains("article") || t.contains("posting") || t.equals("report") || t.contains("newsarticle");
  }

  /** The first text value of {@code field} in an article object, or null. */
  String articleText(String field) {
    for (JsonNode n : articles()) {
      String v = text(n.get(field));
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  /** The first text value of {@code field} in any object, articles first, or null. */
  String anyText(String field) {
    for (JsonNode n : all()) {
      String v = text(n.get(field));
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  /** Names from an author/publisher value: a string, an object with {@code name}, or an array of either. */
  static List<String> names(JsonNode n) {
    List<String> out = new ArrayList<>();
    if (n == null) {
      return out;
    }
    if (n.isArray()) {
      for (JsonNode x : n) {
        out.addAll(names(x));
      }
    } else if (n.isObject()) {
      String name = text(n.get("name"));
      if (name != null) {
        out.add(name);
      }
    } else if (n.isTextual() && !n.asText().isBlank()) {
      out.add(n.asText().strip());
    }
    return out;
  }

  /** Authors of the first article object that names any. */
  List<String> authors() {
    for (JsonNode n : articles()) {
      List<String> names = names(n.get("author"));
      if (!names.isEmpty()) {
        return names;
      }
    }
    return List.of();
  }

  /** The publisher's name, from an article object or an Organization. */
  String publisher() {
    for (JsonNode n : articles()) {
      List<String> names = names(n.get("publisher"));
      if (!names.isEmpty()) {
        return names.get(0);
      }
    }
    return null;
  }

  private static String text(JsonNode n) {
    if (n == null) {
      return null;
    }
    if (n.isArray()) {
      return n.size() == 0 ? null : text(n.get(0));
    }
    if (n.isValueNode() && !n.asText().isBlank()) {
      return n.asText().strip();
    }
    return null;
  }
}

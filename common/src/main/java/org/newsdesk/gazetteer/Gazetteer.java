package org.newsdesk.gazetteer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.newsdesk.model.EntityType;

/**
 * A validated, immutable list of named entities.
 *
 * <p>The file format ({@code newsdesk-gazetteer/1}) is JSON:
 * <pre>{@code
 * {
 *   "format": "newsdesk-gazetteer/1",
 *   "source": "optional free text: where the entries come from",
 *   "types": ["EVENT"],
 *   "entities": [
 *     {"id": "vladimir-putin", "name": "Vladimir Putin", "type": "PERSON", "aliases": ["Путин"]},
 *     {"id": "russia", "name": "Russia", "type": "LOCATION", "aliases": ["Russian Federation"], "demonyms": ["Russian"]}
 *   ]
 * }
 * }</pre>
 * Ids are lower-case ASCII slugs and unique; a type is PERSON, LOCATION, ORGANIZATION or one the file declares in
 * {@code types}; names and aliases are non-blank, contain a letter or digit, and must not be all lower case (a
 * lower-case alias would match common words). Unknown fields are refused, so a typo ({@code "alias"}) is not
 * silently ignored. Every violation is reported with the source, the entry and the reason before any indexing starts.
 */
public final class Gazetteer {
  /** The format tag a gazetteer file must carry. */
  public static final String FORMAT = "newsdesk-gazetteer/1";
  private static final String DEFAULT_RESOURCE = "default-gazetteer.json";
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]*");
  /** Compiled once: every name is normalized when a searcher opens (start-up time, docs/cli.md). */
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Set<String> TOP_FIELDS = Set.of("format", "source", "types", "entities");
  private static final Set<String> ENTRY_FIELDS = Set.of("id", "name", "type", "aliases", "demonyms");
  /** Reading needs only Jackson's parser: an ObjectMapper costs start-up time (docs/cli.md), so only writing makes one. */
  private static final JsonFactory PARSERS = new JsonFactory();

  private final String source;
  private final List<EntityType> declaredTypes;
  private final List<GazetteerEntry> entries;
  private final Map<String, GazetteerEntry> byId;
  /** Computed on first use: searching never needs it, and hashing costs start-up time (JCA, Jackson writing). */
  private volatile String fingerprint;

  private Gazetteer(String source, List<EntityType> declaredTypes, List<GazetteerEntry> entries) {
    this.source = source;
    this.declaredTypes = List.copyOf(declaredTypes);
    this.entries = List.copyOf(entries);
    Map<String, GazetteerEntry> index = new LinkedHashMap<>();
    for (GazetteerEntry e : this.entries) {
      index.put(e.id(), e);
    }
    this.byId = index;
  }

  /** A gazetteer of these entries; validated like a file. */
  public static Gazetteer of(List<GazetteerEntry> entries) {
    Set<EntityType> user = new LinkedHashSet<>();
    entries.stream().map(GazetteerEntry::type).filter(t -> !t.isBuiltIn()).forEach(user::add);
    Gazetteer g = new Gazetteer(null, new ArrayList<>(user), entries);
    return parse(g.toJson(true).getBytes(StandardCharsets.UTF_8), "gazetteer");
  }

  /** The gazetteer that ships with newsdesk. */
  public static Gazetteer defaults() {
    try (InputStream in = Gazetteer.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new GazetteerException("the default gazetteer " + DEFAULT_RESOURCE + " is missing from the class path");
      }
      return parse(in.readAllBytes(), "default gazetteer");
    } catch (IOException e) {
      throw new GazetteerException("cannot read the default gazetteer: " + e.getMessage(), e);
    }
  }

  /**
   * Reads and validates a gazetteer file.
   *
   * @throws GazetteerException naming the file, the entry and the reason when the file is unusable
   */
  public static Gazetteer read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new GazetteerException("cannot read gazetteer " + file + ": " + e.getMessage(), e);
    }
    return parse(bytes, file.toString());
  }

  /**
   * Parses and validates gazetteer JSON; {@code name} says where it came from in error messages.
   *
   * @throws GazetteerException naming the source, the entry and the reason when the JSON is unusable
   */
  public static Gazetteer parse(byte[] json, String name) {
    JsonNode root;
    try {
      root = readTree(json);
    } catch (JsonProcessingException e) {
      throw new GazetteerException(name + ":" + e.getLocation().getLineNr() + ": not valid JSON at column "
          + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new GazetteerException(name + ": " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new GazetteerException(name + ": expected a JSON object with \"format\" and \"entities\"");
    }
    checkFields(root, TOP_FIELDS, name);
    JsonNode format = root.get("format");
    if (format == null || !FORMAT.equals(format.asText())) {
      throw new GazetteerException(name + ": \"format\" must be \"" + FORMAT + "\", got " + format);
    }
    String source = root.hasNonNull("source") ? root.get("source").asText() : null;
    List<EntityType> declared = declaredTypes(root.get("types"), name);
    JsonNode list = root.get("entities");
    if (list == null || !list.isArray()) {
      throw new GazetteerException(name + ": \"entities\" must be an array");
    }
    List<GazetteerEntry> entries = new ArrayList<>();
    Map<String, Integer> seen = new LinkedHashMap<>();
    for (int i = 0; i < list.size(); i++) {
      GazetteerEntry entry = parseEntry(list.get(i), name, i, declared);
      Integer first = seen.putIfAbsent(entry.id(), i);
      if (first != null) {
        throw new GazetteerException(name + ": entry " + i + " (\"" + entry.id() + "\"): duplicate id, first used by entry " + first);
      }
      entries.add(entry);
    }
    return new Gazetteer(source, declared, entries);
  }

  /**
   * The tree {@code ObjectMapper.readTree} would give (null for empty input, later tokens ignored, the last of
   * repeated keys kept), built from the streaming parser so that no ObjectMapper is set up.
   */
  static JsonNode readTree(byte[] json) throws IOException {
    try (JsonParser parser = PARSERS.createParser(json)) {
      JsonToken first = parser.nextToken();
      return first == null ? null : node(parser, first);
    }
  }

  private static JsonNode node(JsonParser parser, JsonToken token) throws IOException {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    switch (token) {
      case START_OBJECT: {
        ObjectNode object = nodes.objectNode();
        for (JsonToken t = parser.nextToken(); t == JsonToken.FIELD_NAME; t = parser.nextToken()) {
          String field = parser.currentName();
          object.replace(field, node(parser, parser.nextToken()));
        }
        return object;
      }
      case START_ARRAY: {
        ArrayNode array = nodes.arrayNode();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
          array.add(node(parser, t));
        }
        return array;
      }
      case VALUE_STRING:
        return nodes.textNode(parser.getText());
      case VALUE_NUMBER_INT:
        return switch (parser.getNumberType()) {
          case INT -> nodes.numberNode(parser.getIntValue());
          case LONG -> nodes.numberNode(parser.getLongValue());
          default -> nodes.numberNode(parser.getBigIntegerValue());
        };
      case VALUE_NUMBER_FLOAT:
        return nodes.numberNode(parser.getDoubleValue());
      case VALUE_TRUE:
        return nodes.booleanNode(true);
      case VALUE_FALSE:
        return nodes.booleanNode(false);
      case VALUE_NULL:
        return nodes.nullNode();
      default:
        throw new IOException("unexpected JSON token " + token);
    }
  }

  private static List<EntityType> declaredTypes(JsonNode types, String name) {
    List<EntityType> declared = new ArrayList<>();
    if (types == null || types.isNull()) {
      return declared;
    }
    if (!types.isArray()) {
      throw new GazetteerException(name + ": \"types\" must be an array of upper-case type names");
    }
    for (JsonNode t : types) {
      try {
        declared.add(new EntityType(t.asText()));
      } catch (IllegalArgumentException e) {
        throw new GazetteerException(name + ": declared type " + t + ": " + e.getMessage());
      }
    }
    return declared;
  }

  private static void checkFields(JsonNode node, Set<String> allowed, String where) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!allowed.contains(f)) {
        throw new GazetteerException(where + ": unknown field \"" + f + "\"; expected one of " + new java.util.TreeSet<>(allowed));
      }
    }
  }

  private static GazetteerEntry parseEntry(JsonNode node, String name, int index, List<EntityType> declared) {
    if (!node.isObject()) {
      throw new GazetteerException(name + ": entry " + index + ": expected an object");
    }
    String id = text(node, "id", name + ": entry " + index);
    String where = name + ": entry " + index + " (\"" + id + "\")";
    checkFields(node, ENTRY_FIELDS, where);
    if (!ID.matcher(id).matches()) {
      throw new GazetteerException(where + ": id must be a lower-case ASCII slug ([a-z0-9._-])");
    }
    String display = text(node, "name", where);
    checkName(display, "name", where);
    EntityType type = type(text(node, "type", where), declared, where);
    List<String> aliases = strings(node, "aliases", where);
    List<String> otherAliases = new ArrayList<>(aliases.size());
    for (String a : aliases) {
      checkName(a, "alias", where);
      if (!a.equals(display) && !otherAliases.contains(a)) {
        otherAliases.add(a);
      }
    }
    List<String> demonyms = strings(node, "demonyms", where);
    List<String> distinctDemonyms = new ArrayList<>(demonyms.size());
    for (String d : demonyms) {
      if (!distinctDemonyms.contains(d)) {
        distinctDemonyms.add(d);
      }
    }
    return new GazetteerEntry(id, display, type, otherAliases, distinctDemonyms);
  }

  private static EntityType type(String typeName, List<EntityType> declared, String where) {
    String upper = typeName.toUpperCase(Locale.ROOT);
    for (EntityType t : declared) {
      if (t.name().equals(upper)) {
        return t;
      }
    }
    EntityType type;
    try {
      type = EntityType.of(typeName);
    } catch (IllegalArgumentException e) {
      type = null;
    }
    // EntityType.of gives the built-in constants themselves; identity spares the record's method-handle equals.
    if (type != EntityType.PERSON && type != EntityType.LOCATION && type != EntityType.ORGANIZATION) {
      throw new GazetteerException(where + ": unknown type \"" + typeName + "\": use PERSON, LOCATION, ORGANIZATION"
          + (declared.isEmpty() ? "" : " or a declared type " + declared) + ", or declare it in the top-level \"types\" list");
    }
    return type;
  }

  private static List<String> strings(JsonNode node, String field, String where) {
    List<String> out = new ArrayList<>();
    JsonNode array = node.get(field);
    if (array == null || array.isNull()) {
      return out;
    }
    if (!array.isArray()) {
      throw new GazetteerException(where + ": \"" + field + "\" must be an array of strings");
    }
    for (int i = 0; i < array.size(); i++) {
      JsonNode a = array.get(i);
      if (!a.isTextual() || a.asText().isBlank()) {
        throw new GazetteerException(where + ": " + field + "[" + i + "] is empty or not text: " + a);
      }
      out.add(spaced(a.asText()));
    }
    return out;
  }

  /** A name must be matchable and must not be a lower-case word that would match common words. */
  private static void checkName(String value, String what, String where) {
    // One pass over the code points (no streams: this runs on every name when a searcher opens, docs/cli.md).
    boolean letterOrDigit = false;
    boolean hasCased = false;
    boolean hasUpperOrDigit = false;
    for (int i = 0; i < value.length(); ) {
      int c = value.codePointAt(i);
      i += Character.charCount(c);
      letterOrDigit |= Character.isLetterOrDigit(c);
      boolean upper = Character.isUpperCase(c);
      hasCased |= upper || Character.isLowerCase(c);
      hasUpperOrDigit |= upper || Character.isDigit(c);
    }
    if (!letterOrDigit) {
      throw new GazetteerException(where + ": " + what + " \"" + value + "\" has no letter or digit");
    }
    if (hasCased && !hasUpperOrDigit) {
      throw new GazetteerException(where + ": " + what + " \"" + value + "\" is all lower case and would match common"
          + " words; write it as it is capitalized in text");
    }
  }

  /** {@code value} stripped, with each run of white space made one space; the regex only when there is such a run. */
  private static String spaced(String value) {
    String s = value.strip();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c) && (c != ' ' || Character.isWhitespace(s.charAt(i + 1)))) {
        return SPACES.matcher(s).replaceAll(" ");
      }
    }
    return s;
  }

  private static String text(JsonNode node, String field, String where) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw new GazetteerException(where + ": \"" + field + "\" is required and must be a non-empty string");
    }
    return spaced(value.asText());
  }

  /** A gazetteer holding these entries and then {@code other}'s; an id in both takes {@code other}'s entry. */
  public Gazetteer extendedWith(Gazetteer other) {
    Map<String, GazetteerEntry> merged = new LinkedHashMap<>(byId);
    other.entries.forEach(e -> merged.put(e.id(), e));
    Set<EntityType> types = new LinkedHashSet<>(declaredTypes);
    types.addAll(other.declaredTypes);
    String src = source == null ? other.source : other.source == null ? source : source + "; " + other.source;
    return new Gazetteer(src, new ArrayList<>(types), new ArrayList<>(merged.values()));
  }

  /**
   * Writes this gazetteer as a {@code newsdesk-gazetteer/1} file, atomically: a temporary file in the same
   * directory is written, flushed and moved over {@code file}, so a reader sees the old file or the new, never half.
   *
   * @throws IOException if the file cannot be written
   */
  public void write(Path file) throws IOException {
    AtomicFiles.write(file, toJson(true).getBytes(StandardCharsets.UTF_8));
  }

  /** The file form: one entity per line, so that diffs of generated gazetteers stay readable. */
  public String toJson(boolean withSource) {
    ObjectNode root = Writing.JSON.createObjectNode();
    root.put("format", FORMAT);
    if (withSource && source != null) {
      root.put("source", source);
    }
    if (!declaredTypes.isEmpty()) {
      ArrayNode types = root.putArray("types");
      declaredTypes.forEach(t -> types.add(t.name()));
    }
    StringBuilder out = new StringBuilder("{\n");
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      out.append("  ").append(Writing.JSON.valueToTree(f.getKey()).toString()).append(": ").append(f.getValue().toString()).append(",\n");
    }
    out.append("  \"entities\": [");
    for (int i = 0; i < entries.size(); i++) {
      out.append(i == 0 ? "\n    " : ",\n    ").append(entryJson(entries.get(i)));
    }
    return out.append("\n  ]\n}\n").toString();
  }

  private static String entryJson(GazetteerEntry e) {
    ObjectNode node = Writing.JSON.createObjectNode();
    node.put("id", e.id());
    node.put("name", e.name());
    node.put("type", e.type().name());
    if (!e.aliases().isEmpty()) {
      ArrayNode a = node.putArray("aliases");
      e.aliases().forEach(a::add);
    }
    if (!e.demonyms().isEmpty()) {
      ArrayNode d = node.putArray("demonyms");
      e.demonyms().forEach(d::add);
    }
    return node.toString();
  }

  /** The entries, in file order. */
  public List<GazetteerEntry> entries() {
    return entries;
  }

  /** The user-defined types the gazetteer declares. */
  public List<EntityType> declaredTypes() {
    return declaredTypes;
  }

  /** Where the entries come from, as the file says, or null. */
  public String source() {
    return source;
  }

  /** The entry with this id. */
  public Optional<GazetteerEntry> byId(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** A hash of the entries (not of the file's layout or source note): when it changes, tags may change. */
  public String fingerprint() {
    String f = fingerprint;
    if (f == null) {
      f = sha256(toJson(false).getBytes(StandardCharsets.UTF_8));
      fingerprint = f;
    }
    return f;
  }

  /** The ObjectMapper for writing, made on first use. */
  private static final class Writing {
    static final ObjectMapper JSON = new ObjectMapper();
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

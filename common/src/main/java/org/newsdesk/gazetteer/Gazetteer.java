package org.newsdesk.gazetteer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.newsdesk.model.EntityType;

/**
 * A validated, immutable list of named entities.
 *
 * <p>The file format ({@code newsdesk-gazetteer/1}) is JSON:
 * <pre>{@code
 * {
 *   "format": "newsdesk-gazetteer/1",
 *   "entities": [
 *     {"id": "vladimir-putin", "name": "Vladimir Putin", "type": "PERSON", "aliases": ["Putin", "Путин"]}
 *   ]
 * }
 * }</pre>
 * Ids are lower-case ASCII slugs and unique; types are PERSON, LOCATION, ORGANIZATION or another upper-case word;
 * aliases are non-blank. Every violation is reported with the file, the entry and the reason before any indexing starts.
 */
public final class Gazetteer {
  /** The format tag a gazetteer file must carry. */
  public static final String FORMAT = "newsdesk-gazetteer/1";
  private static final String DEFAULT_RESOURCE = "default-gazetteer.json";
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]*");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<GazetteerEntry> entries;
  private final Map<String, GazetteerEntry> byId;
  private final String fingerprint;

  private Gazetteer(List<GazetteerEntry> entries, String fingerprint) {
    this.entries = List.copyOf(entries);
    Map<String, GazetteerEntry> index = new LinkedHashMap<>();
    for (GazetteerEntry e : this.entries) {
      index.put(e.id(), e);
    }
    this.byId = index;
    this.fingerprint = fingerprint;
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

  /** Parses and validates gazetteer JSON; {@code name} says where it came from in error messages. */
  public static Gazetteer parse(byte[] json, String name) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new GazetteerException(name + ": not valid JSON at line " + e.getLocation().getLineNr() + ", column "
          + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new GazetteerException(name + ": " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new GazetteerException(name + ": expected a JSON object with \"format\" and \"entities\"");
    }
    JsonNode format = root.get("format");
    if (format == null || !FORMAT.equals(format.asText())) {
      throw new GazetteerException(name + ": \"format\" must be \"" + FORMAT + "\", got " + format);
    }
    JsonNode list = root.get("entities");
    if (list == null || !list.isArray()) {
      throw new GazetteerException(name + ": \"entities\" must be an array");
    }
    List<GazetteerEntry> entries = new ArrayList<>();
    Map<String, Integer> seen = new LinkedHashMap<>();
    for (int i = 0; i < list.size(); i++) {
      GazetteerEntry entry = parseEntry(list.get(i), name, i);
      Integer first = seen.putIfAbsent(entry.id(), i);
      if (first != null) {
        throw new GazetteerException(name + ": entry " + i + " (\"" + entry.id() + "\"): duplicate id, first used by entry " + first);
      }
      entries.add(entry);
    }
    return new Gazetteer(entries, sha256(json));
  }

  private static GazetteerEntry parseEntry(JsonNode node, String name, int index) {
    String where = name + ": entry " + index;
    if (!node.isObject()) {
      throw new GazetteerException(where + ": expected an object");
    }
    String id = text(node, "id", where);
    where += " (\"" + id + "\")";
    if (!ID.matcher(id).matches()) {
      throw new GazetteerException(where + ": id must be a lower-case ASCII slug ([a-z0-9._-])");
    }
    String display = text(node, "name", where);
    String typeName = text(node, "type", where);
    EntityType type;
    try {
      type = EntityType.of(typeName);
    } catch (IllegalArgumentException e) {
      throw new GazetteerException(where + ": unknown type \"" + typeName + "\": use PERSON, LOCATION, ORGANIZATION or an upper-case word");
    }
    List<String> aliases = new ArrayList<>();
    JsonNode aliasNode = node.get("aliases");
    if (aliasNode != null && !aliasNode.isNull()) {
      if (!aliasNode.isArray()) {
        throw new GazetteerException(where + ": \"aliases\" must be an array of strings");
      }
      for (JsonNode a : aliasNode) {
        if (!a.isTextual() || a.asText().isBlank()) {
          throw new GazetteerException(where + ": empty or non-text alias " + a);
        }
        aliases.add(a.asText().strip());
      }
    }
    return new GazetteerEntry(id, display, type, aliases);
  }

  private static String text(JsonNode node, String field, String where) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw new GazetteerException(where + ": \"" + field + "\" is required and must be a non-empty string");
    }
    return value.asText().strip();
  }

  /** A gazetteer holding these entries and then {@code other}'s; an id in both takes {@code other}'s entry. */
  public Gazetteer extendedWith(Gazetteer other) {
    Map<String, GazetteerEntry> merged = new LinkedHashMap<>(byId);
    other.entries.forEach(e -> merged.put(e.id(), e));
    return new Gazetteer(new ArrayList<>(merged.values()), sha256((fingerprint + "+" + other.fingerprint).getBytes(StandardCharsets.UTF_8)));
  }

  /** The entries, in file order. */
  public List<GazetteerEntry> entries() {
    return entries;
  }

  /** The entry with this id. */
  public Optional<GazetteerEntry> byId(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** A hash of the gazetteer's content: when it changes, tags may change. */
  public String fingerprint() {
    return fingerprint;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

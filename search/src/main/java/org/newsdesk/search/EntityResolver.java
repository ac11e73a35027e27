package org.newsdesk.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.search.spell.LevenshteinDistance;
import org.newsdesk.gazetteer.Gazetteer;
import org.newsdesk.gazetteer.GazetteerEntry;
import org.newsdesk.model.EntityType;

/**
 * Turns what a user calls an entity (canonical id, display name, alias, or one word of a name such as a surname)
 * into canonical ids, through the gazetteer the index was built with. Immutable and thread-safe.
 */
final class EntityResolver {
  // Compiled once: fold runs on every name of the gazetteer when a searcher opens (start-up time, docs/cli.md).
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern POSSESSIVE = Pattern.compile("['’]s\\b");
  private static final Pattern SEPARATORS = Pattern.compile("[\\p{Pd}_\\s]+");
  private final Gazetteer gazetteer;
  private final Map<String, Set<String>> byName = new HashMap<>();
  private final Map<String, Set<String>> byWord = new HashMap<>();

  EntityResolver(Gazetteer gazetteer) {
    this.gazetteer = gazetteer;
    // Plain loops, no streams or lambdas: this runs over every name when a searcher opens (start-up, docs/cli.md).
    for (GazetteerEntry e : gazetteer.entries()) {
      add(byName, e.id(), e.id());
      index(e.name(), e.id());
      for (String alias : e.aliases()) {
        index(alias, e.id());
      }
    }
  }

  private void index(String name, String id) {
    String key = fold(name);
    add(byName, key, id);
    int start = 0;
    while (start <= key.length()) {
      int end = key.indexOf(' ', start);
      if (end < 0) {
        end = key.length();
      }
      if (end - start > 2) {
        add(byWord, key.substring(start, end), id);
      }
      start = end + 1;
    }
  }

  private static void add(Map<String, Set<String>> map, String key, String id) {
    Set<String> ids = map.get(key);
    if (ids == null) {
      ids = new LinkedHashSet<>();
      map.put(key, ids);
    }
    ids.add(id);
  }

  Gazetteer gazetteer() {
    return gazetteer;
  }

  /**
   * The ids {@code name} stands for among entities of {@code type} (null: any type). An exact id, name or alias
   * wins; otherwise every entity with that word in one of its names (a surname) matches.
   *
   * @throws UnknownEntityException if nothing matches, with the closest known name
   */
  List<String> resolve(String name, EntityType type) {
    String key = fold(name);
    List<String> ids = ofType(byName.get(key), type);
    if (ids.isEmpty() && !key.contains(" ")) {
      ids = ofType(byWord.get(key), type);
    }
    if (ids.isEmpty()) {
      throw new UnknownEntityException(name, type == null ? "entity" : type.key(), closest(key, type));
    }
    return ids;
  }

  /** The ids whose exact name or alias the folded phrase is, of any type; empty if none. */
  List<String> exactIds(String phrase) {
    Set<String> ids = byName.get(fold(phrase));
    return ids == null ? List.of() : List.copyOf(ids);
  }

  /** The display name for an id, or the id itself when the gazetteer does not know it. */
  String displayName(String id) {
    return gazetteer.byId(id).map(GazetteerEntry::name).orElse(id);
  }

  private List<String> ofType(Set<String> ids, EntityType type) {
    if (ids == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String id : ids) {
      if (type == null || gazetteer.byId(id).map(e -> e.type().equals(type)).orElse(false)) {
        out.add(id);
      }
    }
    return out;
  }

  private String closest(String key, EntityType type) {
    LevenshteinDistance distance = new LevenshteinDistance();
    String best = null;
    float bestScore = 0.6f;
    for (GazetteerEntry e : gazetteer.entries()) {
      if (type != null && !e.type().equals(type)) {
        continue;
      }
      for (String n : e.allNames()) {
        String folded = fold(n);
        float score = distance.getDistance(key, folded);
        for (String word : folded.split(" ")) {
          score = Math.max(score, distance.getDistance(key, word));
        }
        if (score > bestScore) {
          bestScore = score;
          best = e.name();
        }
      }
    }
    return best;
  }

  /** ASCII letters and digits in words separated by single spaces, nothing before the first or after the last. */
  private static boolean isPlainAscii(String s) {
    if (s.isEmpty() || s.charAt(0) == ' ' || s.charAt(s.length() - 1) == ' ') {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean letterOrDigit = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
      if (!letterOrDigit && (c != ' ' || s.charAt(i - 1) == ' ')) {
        return false;
      }
    }
    return true;
  }

  /** Lower case, no diacritics, no possessive, hyphens and dashes as spaces, single spaces. */
  static String fold(String name) {
    if (isPlainAscii(name)) {
      // Nothing to decompose, no possessive, no dash or run of spaces: only the case changes.
      return name.toLowerCase(Locale.ROOT);
    }
    String s = name.strip();
    // ASCII has no combining marks: skip the decomposition (and loading the normalizer's data) for most names.
    if (!isAscii(s)) {
      s = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
    }
    s = POSSESSIVE.matcher(s.toLowerCase(Locale.ROOT)).replaceAll("");
    return SEPARATORS.matcher(s).replaceAll(" ").strip();
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) > 0x7f) {
        return false;
      }
    }
    return true;
  }
}

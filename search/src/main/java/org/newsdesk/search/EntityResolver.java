package org.newsdesk.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.search.spell.LevenshteinDistance;
import org.newsdesk.gazetteer.Gazetteer;
import org.newsdesk.gazetteer.NameIndex;
import org.newsdesk.model.EntityType;

/**
 * Turns what a user calls an entity (canonical id, display name, alias, or one word of a name such as a surname)
 * into canonical ids, through the gazetteer the index was built with. Immutable and thread-safe.
 */
final class EntityResolver {
  private final Map<String, NameIndex.Entry> byId = new HashMap<>();
  private final List<NameIndex.Entry> entries;
  private final Map<String, Set<String>> byName = new HashMap<>();
  private final Map<String, Set<String>> byWord = new HashMap<>();

  EntityResolver(Gazetteer gazetteer) {
    this(NameIndex.of(gazetteer));
  }

  EntityResolver(NameIndex names) {
    this.entries = names.entries();
    // Plain loops, no streams or lambdas: this runs over every name when a searcher opens (start-up, docs/cli.md).
    for (NameIndex.Entry e : entries) {
      byId.put(e.id(), e);
      add(byName, e.id(), e.id());
      for (String key : e.keys()) {
        index(key, e.id());
      }
    }
  }

  private void index(String key, String id) {
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

  /**
   * The ids {@code name} stands for among entities of {@code type} (null: any type). An exact id, name or alias
   * wins; otherwise every entity with that word in one of its names (a surname) matches.
   *
   * @throws UnknownEntityException if nothing matches, with the closest known name
   */
  List<String> resolve(String name, EntityType type) {
    // An id as written first: folding turns the hyphen of georgia-country into a space, a key no name has.
    List<String> ids = byId.containsKey(name) ? ofType(Set.of(name), type) : List.of();
    if (!ids.isEmpty()) {
      return ids;
    }
    String key = fold(name);
    ids = ofType(byName.get(key), type);
    if (ids.isEmpty() && !key.contains(" ")) {
      ids = ofType(byWord.get(key), type);
    }
    if (ids.isEmpty()) {
      String typeKey = type == null ? "entity" : type.key();
      NameIndex.Entry other = type == null ? null : anyType(key);
      if (other != null) { // a place asked for as a person: say what it is rather than suggest a person
        throw new UnknownEntityException(name, typeKey, other.name(), other.type().key());
      }
      throw new UnknownEntityException(name, typeKey, closest(key, type));
    }
    return ids;
  }

  /** The first entity of any type the folded name (or, for one word, a word of a name) stands for, or null. */
  private NameIndex.Entry anyType(String key) {
    List<String> ids = ofType(byName.get(key), null);
    if (ids.isEmpty() && !key.contains(" ")) {
      ids = ofType(byWord.get(key), null);
    }
    return ids.isEmpty() ? null : byId.get(ids.get(0));
  }

  /** The ids whose exact name or alias the folded phrase is, of any type; empty if none. */
  List<String> exactIds(String phrase) {
    Set<String> ids = byName.get(fold(phrase));
    return ids == null ? List.of() : List.copyOf(ids);
  }

  /** The type of an id, or null when the gazetteer does not know it. */
  EntityType type(String id) {
    NameIndex.Entry e = byId.get(id);
    return e == null ? null : e.type();
  }

  /** The types of the gazetteer's entities besides the built-in ones, by key. */
  List<EntityType> otherTypes() {
    return entries.stream().map(NameIndex.Entry::type).filter(t -> !t.isBuiltIn()).distinct()
        .sorted(java.util.Comparator.comparing(EntityType::key)).toList();
  }

  /** The display name for an id, or the id itself when the gazetteer does not know it. */
  String displayName(String id) {
    NameIndex.Entry e = byId.get(id);
    return e == null ? id : e.name();
  }

  private List<String> ofType(Set<String> ids, EntityType type) {
    if (ids == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String id : ids) {
      NameIndex.Entry e = byId.get(id);
      if (type == null || e != null && e.type().equals(type)) {
        out.add(id);
      }
    }
    return out;
  }

  /**
   * The display name closest to {@code key}: a whole name within 40% of its letters, or one word of a name within
   * 25% and of four letters or more. A word is held closer because it is short and names have many: {@code Reagan}
   * is not {@code Priya Raman}, nor {@code Fed} the Red Cross, while {@code Pashinian}, {@code Lavrof} and
   * {@code Putn} find theirs.
   */
  private String closest(String key, EntityType type) {
    LevenshteinDistance distance = new LevenshteinDistance();
    String best = null;
    float bestScore = 0.6f;
    for (NameIndex.Entry e : entries) {
      if (type != null && !e.type().equals(type)) {
        continue;
      }
      for (String folded : e.keys()) {
        float score = distance.getDistance(key, folded);
        for (String word : folded.split(" ")) {
          float wordScore = distance.getDistance(key, word);
          if (word.length() >= 4 && wordScore >= 0.75f) {
            score = Math.max(score, wordScore);
          }
        }
        if (score > bestScore) {
          bestScore = score;
          best = e.name();
        }
      }
    }
    return best;
  }

  /** Lower case, no diacritics, no possessive, hyphens and dashes as spaces, single spaces. */
  static String fold(String name) {
    return NameIndex.fold(name);
  }
}

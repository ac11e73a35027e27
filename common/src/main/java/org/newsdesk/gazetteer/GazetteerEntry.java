package org.newsdesk.gazetteer;

import java.util.List;
import java.util.Objects;
import org.newsdesk.model.EntityType;

/**
 * One named entity the tagger can find.
 *
 * @param id canonical id: lower-case ASCII slug, unique in a gazetteer ({@code vladimir-putin})
 * @param name display name ({@code Vladimir Putin}); also matched like an alias
 * @param type PERSON, LOCATION, ORGANIZATION or a user-defined type
 * @param aliases other names and spellings ({@code Putin}, {@code Путин}); never blank
 */
public record GazetteerEntry(String id, String name, EntityType type, List<String> aliases) {
  public GazetteerEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
  }

  /** The display name followed by the aliases. */
  public List<String> allNames() {
    return java.util.stream.Stream.concat(java.util.stream.Stream.of(name), aliases.stream()).toList();
  }
}

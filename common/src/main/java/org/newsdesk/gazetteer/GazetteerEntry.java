package org.newsdesk.gazetteer;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.newsdesk.model.EntityType;

/**
 * One named entity the tagger can find.
 *
 * @param id canonical id: lower-case ASCII slug, unique in a gazetteer ({@code vladimir-putin})
 * @param name display name ({@code Vladimir Putin}); also matched like an alias
 * @param type PERSON, LOCATION, ORGANIZATION or a type the gazetteer declares
 * @param aliases other names and spellings ({@code Sergei Lavrov}, {@code Путин}); never blank
 * @param demonyms adjectives and nouns for the entity's people ({@code Russian}); recorded, never tagged as the
 *     entity itself, and known to candidate discovery so they are not reported as unknown names
 */
public record GazetteerEntry(String id, String name, EntityType type, List<String> aliases, List<String> demonyms) {
  public GazetteerEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
    demonyms = demonyms == null ? List.of() : List.copyOf(demonyms);
  }

  /** An entry without demonyms. */
  public GazetteerEntry(String id, String name, EntityType type, List<String> aliases) {
    this(id, name, type, aliases, List.of());
  }

  /** The display name followed by the aliases, without repeats. */
  public List<String> allNames() {
    return Stream.concat(Stream.of(name), aliases.stream()).distinct().toList();
  }
}

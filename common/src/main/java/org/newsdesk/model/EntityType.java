package org.newsdesk.model;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The kind of a named entity. The three built-in kinds have their own index fields; a gazetteer may add others
 * (for example {@code EVENT}), which are searchable through the generic entity field.
 */
public record EntityType(String name) {
  // Declared before the constants below, which are validated against it during class initialization.
  private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]{0,31}");

  public static final EntityType PERSON = new EntityType("PERSON");
  public static final EntityType LOCATION = new EntityType("LOCATION");
  public static final EntityType ORGANIZATION = new EntityType("ORGANIZATION");
  /** The types with their own index field, in display order. */
  public static final java.util.List<EntityType> BUILT_IN = java.util.List.of(PERSON, LOCATION, ORGANIZATION);

  public EntityType {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("entity type must be upper-case letters, digits or _, got '" + name + "'");
    }
  }

  /** Parses a type name case-insensitively ({@code person}, {@code PERSON}); {@code org} means ORGANIZATION. */
  public static EntityType of(String name) {
    String upper = name.strip().toUpperCase(Locale.ROOT);
    return switch (upper) {
      case "PERSON", "PER" -> PERSON;
      case "LOCATION", "LOC" -> LOCATION;
      case "ORGANIZATION", "ORGANISATION", "ORG" -> ORGANIZATION;
      default -> new EntityType(upper);
    };
  }

  /** True for PERSON, LOCATION and ORGANIZATION, which have their own index field. */
  public boolean isBuiltIn() {
    return equals(PERSON) || equals(LOCATION) || equals(ORGANIZATION);
  }

  /** The lower-case key used in JSON output and field names: {@code person}, {@code location}, {@code organization}. */
  public String key() {
    // Hit records ask for the keys of every entity of every hit: the built-in ones need no lower-casing.
    switch (name) {
      case "PERSON":
        return "person";
      case "LOCATION":
        return "location";
      case "ORGANIZATION":
        return "organization";
      default:
        return name.toLowerCase(Locale.ROOT);
    }
  }

  @Override
  public String toString() {
    return name;
  }
}

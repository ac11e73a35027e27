package org.newsdesk.model;

import java.util.Objects;

/**
 * One gazetteer entity found in an article, with the number of times the article mentions it.
 *
 * @param id the gazetteer's canonical id, such as {@code vladimir-putin}
 * @param name the display name, such as {@code Vladimir Putin}
 * @param type the entity's kind
 * @param mentions how many times the article names it; at least 1
 */
public record TaggedEntity(String id, String name, EntityType type, int mentions) {
  public TaggedEntity {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    if (id.isBlank()) {
      throw new IllegalArgumentException("entity id must not be blank");
    }
    if (mentions < 1) {
      throw new IllegalArgumentException("mentions must be >= 1, got " + mentions);
    }
  }
}

package org.newsdesk.schema;

import java.util.Locale;
import java.util.Optional;
import org.newsdesk.model.EntityType;

/**
 * Every Lucene field of a newsdesk index. No other code spells a field name: it asks this enum.
 *
 * <p>How each field is indexed, stored and doc-valued is decided in {@link ArticleDocuments}, next to this list.
 */
public enum NewsField {
  /** Stable article id: exact term, stored, sorted doc values (ties are broken by it). */
  ID("id"),
  /** Where the article was published: stored only. */
  URL("url"),
  /** Outlet: lower-cased exact term for filters, display form in doc values for facets, stored. */
  SOURCE("source"),
  /** Headline: analyzed text, stored. */
  TITLE("title"),
  /** Article text: analyzed text, stored; the highlighter re-analyzes it (no offsets in the postings). */
  BODY("body"),
  /** The start of the body on one line ({@link Leads}), stored only: what a hit without a highlighted passage shows. */
  LEAD("lead"),
  /** Photo caption: analyzed text, stored. */
  CAPTION("caption"),
  /** Photo credit: stored only. */
  CREDIT("credit"),
  /** Byline: stored only. */
  AUTHOR("author"),
  /** Publication instant as epoch milliseconds: points and doc values for sorting and recency; ISO text stored. */
  PUBLISHED("published"),
  /**
   * The article's own publication date, the one its hit shows (the calendar date in the offset it was published
   * in), as an epoch day: points for date filters and ranges, doc values for the date histogram.
   */
  PUBLISHED_DAY("published_day"),
  /** Set on articles whose date could not be determined. */
  UNDATED("undated"),
  /** ISO 639-1 language code: exact term, stored. */
  LANGUAGE("language"),
  /** Canonical ids of tagged persons: exact terms and doc values for facets. */
  PERSON("person"),
  /** Canonical ids of tagged locations. */
  LOCATION("location"),
  /** Canonical ids of tagged organizations. */
  ORGANIZATION("organization"),
  /** Canonical ids of every tagged entity, of any type. */
  ENTITY("entity"),
  /** Mention count per entity id as a FeatureField, so that an article about someone outranks a passing mention. */
  ENTITY_SALIENCE("entity_salience"),
  /** The tagged entities with names, types and counts, stored for display. */
  ENTITIES_STORED("entities_stored"),
  /** The source file an article came from: exact term, so a rebuild can delete what a vanished file held. */
  ORIGIN_FILE("origin_file"),
  /** Full origin (file plus line or record): stored. */
  ORIGIN("origin"),
  /** Hash of the raw input: stored only, compared by incremental rebuilds. */
  CONTENT_HASH("content_hash");

  private final String fieldName;

  NewsField(String fieldName) {
    this.fieldName = fieldName;
  }

  /** The Lucene field name. */
  public String fieldName() {
    return fieldName;
  }

  /** The field that holds entities of the given built-in type, or empty for user-defined types. */
  public static Optional<NewsField> forEntityType(EntityType type) {
    if (type.equals(EntityType.PERSON)) {
      return Optional.of(PERSON);
    } else if (type.equals(EntityType.LOCATION)) {
      return Optional.of(LOCATION);
    } else if (type.equals(EntityType.ORGANIZATION)) {
      return Optional.of(ORGANIZATION);
    }
    return Optional.empty();
  }

  /** Looks a field up by its Lucene name, case-insensitively. */
  public static Optional<NewsField> byName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (NewsField f : values()) {
      if (f.fieldName.equals(lower)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return fieldName;
  }
}

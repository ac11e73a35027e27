package org.newsdesk.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A cleaned, enriched news article, independent of any input format and of Lucene.
 *
 * <p>Only {@code id} and {@code body} are required; every other text field is {@code null} when unknown.
 *
 * @param id stable identifier: the source's own id, or one derived from the url or file path
 * @param url where the article was published, or null
 * @param source the outlet (site name or domain), or null
 * @param title the headline, or null
 * @param author the byline, or null
 * @param published when it was published, or null if undated
 * @param body the article text, paragraphs separated by a blank line
 * @param caption the photo caption, kept apart from the body, or null
 * @param credit the photo credit, or null
 * @param language ISO 639-1 code of the detected language, or null
 * @param entities the tagged entities, in order of first mention
 * @param origin where it came from: a file path, plus {@code :line} or {@code #record} inside a multi-article file
 * @param contentHash hash of the raw input the article was read from; incremental rebuilds compare it
 */
public record Article(
    String id,
    String url,
    String source,
    String title,
    String author,
    Published published,
    String body,
    String caption,
    String credit,
    String language,
    List<TaggedEntity> entities,
    String origin,
    String contentHash) {

  public Article {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(body, "body");
    if (id.isBlank()) {
      throw new IllegalArgumentException("article id must not be blank");
    }
    entities = entities == null ? List.of() : List.copyOf(entities);
  }

  /** A copy with the given entities in place of these. */
  public Article withEntities(List<TaggedEntity> tagged) {
    return new Article(id, url, source, title, author, published, body, caption, credit, language, tagged, origin, contentHash);
  }

  /** A copy that says it came from {@code where} (standard input shown as {@code <stdin>}, not a temporary file). */
  public Article withOrigin(String where) {
    return new Article(id, url, source, title, author, published, body, caption, credit, language, entities, where, contentHash);
  }

  /** A copy with the given language. */
  public Article withLanguage(String lang) {
    return new Article(id, url, source, title, author, published, body, caption, credit, lang, entities, origin, contentHash);
  }

  /** Display names of the tagged entities grouped by type key ({@code person}, {@code location}, …), built-ins always present. */
  public Map<String, List<String>> entityNamesByType() {
    return namesByType(entities);
  }

  /** Display names of {@code entities} grouped by type key, as {@link #entityNamesByType()} gives them. */
  public static Map<String, List<String>> namesByType(List<TaggedEntity> entities) {
    // Plain loops: every hit of every search is built from this.
    Map<String, List<String>> byType = new LinkedHashMap<>();
    for (EntityType t : EntityType.BUILT_IN) {
      byType.put(t.key(), new ArrayList<>());
    }
    for (TaggedEntity e : entities) {
      String key = e.type().key();
      List<String> names = byType.get(key);
      if (names == null) {
        names = new ArrayList<>();
        byType.put(key, names);
      }
      names.add(e.name());
    }
    for (Map.Entry<String, List<String>> entry : byType.entrySet()) {
      entry.setValue(List.copyOf(entry.getValue()));
    }
    return byType;
  }
}

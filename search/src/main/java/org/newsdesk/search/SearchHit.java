package org.newsdesk.search;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.newsdesk.model.Published;

/**
 * One ranked article.
 *
 * @param id the article id
 * @param title the headline, or null
 * @param published the publication date, or null if undated
 * @param source the outlet, or null
 * @param url the article's url, or null
 * @param score the relevance score (0 when sorted by date)
 * @param snippet a passage of the text with matches marked, or the text's start when nothing matched there
 * @param entities display names of the tagged entities by type key: person, location, organization
 */
public record SearchHit(String id, String title, Published published, String source, String url, float score,
    String snippet, Map<String, List<String>> entities) {
  public SearchHit {
    // In the order given (the gazetteer's types): Map.copyOf would iterate in a new order on every JVM start.
    entities = Collections.unmodifiableMap(new LinkedHashMap<>(entities));
  }
}

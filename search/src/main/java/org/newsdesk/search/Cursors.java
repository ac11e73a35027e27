package org.newsdesk.search;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.util.BytesRef;

/**
 * Encodes the sort values of a page's last hit as an opaque cursor string, and back, for search-after paging.
 * The cursor names its sort order, so that it cannot be replayed against another one. Stateless.
 */
final class Cursors {
  private static final String VERSION = "c1";

  private Cursors() {}

  static String encode(SearchRequest.SortOrder sort, FieldDoc last, String id) {
    String key = switch (sort) {
      case RELEVANCE -> Integer.toString(Float.floatToIntBits((Float) last.fields[0]));
      case NEWEST, OLDEST -> Long.toString((Long) last.fields[0]);
    };
    String plain = VERSION + "|" + sort.name() + "|" + key + "|" + id;
    return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  /** @throws SearchException if the cursor is malformed or was made for another sort order */
  static FieldDoc decode(String cursor, SearchRequest.SortOrder sort) {
    String[] parts;
    try {
      parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", 4);
    } catch (IllegalArgumentException e) {
      throw new SearchException("invalid cursor \"" + cursor + "\": pass the nextCursor of a previous result unchanged");
    }
    if (parts.length != 4 || !parts[0].equals(VERSION)) {
      throw new SearchException("invalid cursor \"" + cursor + "\": pass the nextCursor of a previous result unchanged");
    }
    if (!parts[1].equals(sort.name())) {
      throw new SearchException("this cursor pages a " + parts[1].toLowerCase(java.util.Locale.ROOT)
          + " search, not a " + sort.name().toLowerCase(java.util.Locale.ROOT) + " one");
    }
    try {
      BytesRef id = new BytesRef(parts[3]);
      return switch (sort) {
        case RELEVANCE -> {
          float score = Float.intBitsToFloat(Integer.parseInt(parts[2]));
          yield new FieldDoc(Integer.MAX_VALUE, score, new Object[] {score, id});
        }
        case NEWEST, OLDEST -> new FieldDoc(Integer.MAX_VALUE, Float.NaN, new Object[] {Long.parseLong(parts[2]), id});
      };
    } catch (NumberFormatException e) {
      throw new SearchException("invalid cursor \"" + cursor + "\": pass the nextCursor of a previous result unchanged");
    }
  }
}

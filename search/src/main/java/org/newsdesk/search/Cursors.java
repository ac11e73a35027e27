package org.newsdesk.search;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.util.BytesRef;

/**
 * Encodes the sort values of a page's last hit as an opaque cursor string, and back, for search-after paging.
 * The cursor names its sort order and a {@link #fingerprint} of its search, so that it cannot be replayed against
 * another order or another query. Stateless.
 */
final class Cursors {
  /**
   * The version written: c3's date sorts carry the day each hit shows and the instant; c2 (read still for relevance)
   * named the search it pages; c1 (the same) did not.
   */
  private static final String VERSION = "c3";
  private static final String VERSION_INSTANT_SORTS = "c2";
  private static final String VERSION_WITHOUT_SEARCH = "c1";

  private Cursors() {}

  /**
   * A short hash of what decides a search's hits and their order (query, filters, match mode, sort): a cursor made
   * for one search and replayed on another would page it from an unrelated place. Stable across JVMs (strings and
   * dates hash by value; the enums by name).
   */
  static String fingerprint(SearchRequest r) {
    int h = java.util.Objects.hash(r.query(), r.persons(), r.locations(), r.organizations(), r.entities(), r.sources(),
        String.valueOf(r.from()), String.valueOf(r.to()), r.match().name(), r.sort().name());
    return Integer.toHexString(h);
  }

  static String encode(SearchRequest.SortOrder sort, FieldDoc last, String id, String search) {
    String key = switch (sort) {
      case RELEVANCE -> Integer.toString(Float.floatToIntBits((Float) last.fields[0]));
      case NEWEST, OLDEST -> last.fields[0] + "," + last.fields[1]; // the day shown, then the instant
    };
    String plain = VERSION + "|" + sort.name() + "|" + key + "|" + search + "|" + id;
    return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * @param search the {@link #fingerprint} of the search being paged
   * @throws SearchException if the cursor is malformed, or was made for another sort order or another search
   */
  static FieldDoc decode(String cursor, SearchRequest.SortOrder sort, String search) {
    String[] parts;
    try {
      parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", 5);
    } catch (IllegalArgumentException e) {
      throw invalid(cursor);
    }
    if (parts.length >= 4 && parts[0].equals(VERSION_WITHOUT_SEARCH)) { // c1|sort|key|id: the id may hold a '|'
      parts = new String[] {parts[0], parts[1], parts[2], search, String.join("|", java.util.Arrays.asList(parts).subList(3, parts.length))};
    }
    if (parts.length != 5 || !(parts[0].equals(VERSION) || parts[0].equals(VERSION_INSTANT_SORTS)
        || parts[0].equals(VERSION_WITHOUT_SEARCH))) {
      throw invalid(cursor);
    }
    if (!parts[0].equals(VERSION) && sort != SearchRequest.SortOrder.RELEVANCE) {
      throw new SearchException("this cursor was made before newest and oldest went by the date each hit shows, and"
          + " cannot say where to go on: search again without the cursor");
    }
    if (!parts[1].equals(sort.name())) {
      throw new SearchException("this cursor pages a " + parts[1].toLowerCase(java.util.Locale.ROOT)
          + " search, not a " + sort.name().toLowerCase(java.util.Locale.ROOT) + " one");
    }
    if (!parts[3].equals(search)) {
      throw new SearchException("this cursor pages another search: give the same query and filters as the search"
          + " whose next_cursor it is");
    }
    try {
      BytesRef id = new BytesRef(parts[4]);
      return switch (sort) {
        case RELEVANCE -> {
          float score = Float.intBitsToFloat(Integer.parseInt(parts[2]));
          yield new FieldDoc(Integer.MAX_VALUE, score, new Object[] {score, id});
        }
        case NEWEST, OLDEST -> {
          String[] dayAndInstant = parts[2].split(",", -1);
          if (dayAndInstant.length != 2) {
            throw invalid(cursor);
          }
          yield new FieldDoc(Integer.MAX_VALUE, Float.NaN,
              new Object[] {Integer.parseInt(dayAndInstant[0]), Long.parseLong(dayAndInstant[1]), id});
        }
      };
    } catch (NumberFormatException e) {
      throw invalid(cursor);
    }
  }

  private static SearchException invalid(String cursor) {
    return new SearchException("invalid cursor \"" + cursor + "\": pass a previous result's cursor for its next page unchanged (SearchResults.nextCursor(); next_cursor in the CLI's JSON)");
  }
}

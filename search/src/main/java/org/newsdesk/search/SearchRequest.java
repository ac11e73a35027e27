package org.newsdesk.search;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One search: the query and everything that narrows, orders and shapes its results. Immutable; derive variants
 * with the {@code withX} methods.
 *
 * @param query the query text in Lucene classic syntax; blank matches every article
 * @param persons only articles tagging all of these persons (id, display name or alias)
 * @param locations only articles tagging all of these locations
 * @param organizations only articles tagging all of these organizations
 * @param entities only articles tagging all of these entities, of any type
 * @param sources only articles from one of these sources (case-insensitive)
 * @param from earliest publication date, inclusive, or null
 * @param to latest publication date, inclusive, or null
 * @param match whether every term must match or any term may
 * @param sort the order of hits
 * @param limit hits per page, 1 to {@link #MAX_LIMIT}
 * @param offset hits to skip, for shallow paging
 * @param cursor a {@link SearchResults#nextCursor()} from the previous page, for deep paging, or null
 * @param facets which facets to count
 * @param interval the bucket size of the date histogram facet
 * @param highlight whether to build snippets with marked matches
 * @param markers the strings placed around each match in snippets
 * @param facetLimit the most buckets returned per entity or source facet, 1 to {@link #MAX_LIMIT}
 * @param recencyHalfLifeDays when &gt; 0, relevance ranking prefers recent articles: an article this many days older
 *     than the newest one gets half the recency bonus (0: no preference)
 */
public record SearchRequest(
    String query,
    List<String> persons,
    List<String> locations,
    List<String> organizations,
    List<String> entities,
    List<String> sources,
    LocalDate from,
    LocalDate to,
    MatchMode match,
    SortOrder sort,
    int limit,
    int offset,
    String cursor,
    Set<Facet> facets,
    DateInterval interval,
    boolean highlight,
    Markers markers,
    int facetLimit,
    int recencyHalfLifeDays) {

  /** The largest page a request may ask for. */
  public static final int MAX_LIMIT = 1000;
  /** The deepest offset a request may ask for; page further with the cursor. */
  public static final int MAX_OFFSET = 10_000;

  public SearchRequest {
    query = query == null ? "" : query;
    persons = names(persons, "persons");
    locations = names(locations, "locations");
    organizations = names(organizations, "organizations");
    entities = names(entities, "entities");
    sources = names(sources, "sources");
    match = Objects.requireNonNull(match, "match");
    sort = Objects.requireNonNull(sort, "sort");
    EnumSet<Facet> asked = EnumSet.noneOf(Facet.class);
    asked.addAll(facets == null ? Set.of() : facets);
    facets = Collections.unmodifiableSet(asked); // in Facet order, not a new order on every JVM start
    interval = Objects.requireNonNull(interval, "interval");
    markers = Objects.requireNonNull(markers, "markers");
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
    }
    if (offset < 0 || offset > MAX_OFFSET) {
      throw new IllegalArgumentException("offset must be between 0 and " + MAX_OFFSET + ", got " + offset
          + " (page further with the cursor)");
    }
    if (facetLimit < 1 || facetLimit > MAX_LIMIT) {
      throw new IllegalArgumentException("facetLimit must be between 1 and " + MAX_LIMIT + ", got " + facetLimit);
    }
    if (recencyHalfLifeDays < 0) {
      throw new IllegalArgumentException("recencyHalfLifeDays must be >= 0, got " + recencyHalfLifeDays);
    }
    if (cursor != null && offset != 0) {
      throw new IllegalArgumentException("give either an offset or a cursor, not both (offset " + offset + ")");
    }
    if (from != null && to != null && from.isAfter(to)) {
      throw new IllegalArgumentException("from " + from + " is after to " + to);
    }
  }

  /** A request for {@code query} with the defaults: all terms, by relevance, 10 hits, highlighted, no facets. */
  public static SearchRequest of(String query) {
    return new SearchRequest(query, null, null, null, null, null, null, null, MatchMode.ALL, SortOrder.RELEVANCE, 10, 0,
        null, null, DateInterval.MONTH, true, Markers.DEFAULT, 10, 0);
  }

  /**
   * Query text that matches {@code text} word by word, with every character of the query syntax taken literally:
   * for text typed by someone who does not know the syntax, or read from a file.
   */
  public static String literal(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ("\\+-!():^[]\"{}~*?|&/".indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    String escaped = out.toString();
    // AND, OR and NOT are operators only in upper case: lower-case them so they count as words.
    return java.util.regex.Pattern.compile("\\b(AND|OR|NOT)\\b").matcher(escaped)
        .replaceAll(m -> m.group(1).toLowerCase(java.util.Locale.ROOT));
  }

  /** A filter's names as an immutable list (null: none); a null or blank name is the caller's mistake, said so. */
  private static List<String> names(List<String> names, String what) {
    if (names == null) {
      return List.of();
    }
    for (String n : names) {
      if (n == null || n.isBlank()) {
        throw new IllegalArgumentException(what + " must not hold a null or blank name, got " + names);
      }
    }
    return List.copyOf(names);
  }

  public SearchRequest withQuery(String q) {
    return new SearchRequest(q, persons, locations, organizations, entities, sources, from, to, match, sort, limit, offset, cursor, facets, interval, highlight, markers, facetLimit, recencyHalfLifeDays);
  }

  public SearchRequest withPersons(List<String> p) {
    return new SearchRequest(query, p, locations, organizations, entities, sources, from, to, match, sort, limit, offset, cursor, facets, interval, highlight, markers, facetLimit, recencyHalfLifeDays);
  }

  public SearchRequest withLocations(List<String> l) {
    return new SearchRequest(query, persons, l, organizations, entities, sources, from, to, match, sort, limit, offset, cursor, facets, interval, highlight, markers, facetLimit, recencyHalfLifeDays);
  }

  public SearchRequest withOrganizations(List<String> o) {
    return new SearchRequest(query, persons, locations, o, entities, sources, from, to, match, sort, limit, offset, cursor, facets, interval, highlight, markers, facetLimit, recencyHalfLifeDays);
  }

  public SearchRequest withEntities(List<String> e) {
    return new SearchRequest(query, persons, locations, organizations, e, sources, from, to, match, sort, limit, offset, cursor, facets, interval, highlight, markers, facetLimit, recencyHalfLifeDays);
  }

  public SearchRequest withSources(List<String> s) {
    return new SearchRequest(query, persons, locations, organizations, entities, s, from, to, match, sort, limit, offset, cursor, facets, interval, highlight, markers, facetLimit, recencyHalfLifeDays);
  }

  public SearchRequest withDateRange(LocalDate f, LocalDate t) {
    return new SearchRequest(query, persons, locations, organizations, entities, sources, f, t, match, sort, limit, offset, cursor, facets, interval, highlight, markers, facetLimit, recencyHalfLifeDays);
  }

  public SearchRequest withMatch(MatchMode m) {
    return new SearchRequest(query, persons, locations, organizations, entities, sources, from, to, m, sort, limit, offset, cursor, facets, interval, highlight, markers, facetLimit, recencyHalfLifeDays);
  }

  public SearchRequest withSort(SortOrder s) {
    return new SearchRequest(query, persons, locations, organizations, entities, sources, from, to, match, s, limit, offset, cursor, facets, interval, highlight, markers, facetLimit, recencyHalfLifeDays);
  }

  public SearchRequest withLimit(int n) {
    return new SearchRequest(query, persons, locations, organizations, entities, sources, from, to, match, sort, n, offset, cursor, facets, interval, highlight, markers, facetLimit, recencyHalfLifeDays);
  }

  public SearchRequest withOffset(int n) {
    return new SearchRequest(query, persons, locations, organizations, entities, sources, from, to, match, sort, limit, n, cursor, facets, interval, highlight, markers, facetLimit, recencyHalfLifeDays);
  }

  public SearchRequest withCursor(String c) {
    return new SearchRequest(query, persons, locations, organizations, entities, sources, from, to, match, sort, limit, offset, c, facets, interval, highlight, markers, facetLimit, recencyHalfLifeDays);
  }

  public SearchRequest withFacets(Set<Facet> f, DateInterval i) {
    return new SearchRequest(query, persons, locations, organizations, entities, sources, from, to, match, sort, limit, offset, cursor, f, i, highlight, markers, facetLimit, recencyHalfLifeDays);
  }

  public SearchRequest withHighlight(boolean h, Markers m) {
    return new SearchRequest(query, persons, locations, organizations, entities, sources, from, to, match, sort, limit, offset, cursor, facets, interval, h, m, facetLimit, recencyHalfLifeDays);
  }

  /** A copy returning at most {@code n} buckets per entity or source facet. */
  public SearchRequest withFacetLimit(int n) {
    return new SearchRequest(query, persons, locations, organizations, entities, sources, from, to, match, sort, limit, offset, cursor, facets, interval, highlight, markers, n, recencyHalfLifeDays);
  }

  /** A copy that prefers recent articles in relevance ranking, with the given half-life in days (0: off). */
  public SearchRequest withRecency(int halfLifeDays) {
    return new SearchRequest(query, persons, locations, organizations, entities, sources, from, to, match, sort, limit, offset, cursor, facets, interval, highlight, markers, facetLimit, halfLifeDays);
  }

  /** Whether all query terms must match. */
  public enum MatchMode { ALL, ANY }

  /**
   * The order of hits; ties are always broken by article id. {@code NEWEST} and {@code OLDEST} go by the date each
   * hit shows (the day in the offset it was published in), then by the instant, so that the order agrees with the
   * dates printed; undated articles come last.
   */
  public enum SortOrder { RELEVANCE, NEWEST, OLDEST }

  /**
   * Facets a request can ask for. {@code OTHER_TYPES}: entities of the types a gazetteer declares besides the built-in
   * ones ({@code EVENT}), the top {@code facetLimit} of each type, grouped by type in the order of the types' keys;
   * {@link NewsSearcher#entityType} tells an id's type.
   */
  public enum Facet { PERSON, LOCATION, ORGANIZATION, ENTITY, SOURCE, DATE, OTHER_TYPES }

  /** Buckets of the date histogram. */
  public enum DateInterval { DAY, WEEK, MONTH, YEAR }

  /**
   * The strings placed around each match in a snippet.
   *
   * @param escapeHtml whether the snippet's text (not the markers) is HTML-escaped, for markers that are HTML tags:
   *     see {@link #html}
   */
  public record Markers(String pre, String post, boolean escapeHtml) {
    /** Markdown-style bold. */
    public static final Markers DEFAULT = new Markers("**", "**");

    public Markers {
      Objects.requireNonNull(pre, "pre");
      Objects.requireNonNull(post, "post");
    }

    /** Markers put around plain text: the snippet's text is given as it is. */
    public Markers(String pre, String post) {
      this(pre, post, false);
    }

    /**
     * Markers for a snippet shown as HTML ({@code html("<mark>", "</mark>")}): the article's text in the snippet is
     * escaped ({@code & < > " ' /}), so that a {@code <} in an article cannot become markup; the markers are not.
     */
    public static Markers html(String pre, String post) {
      return new Markers(pre, post, true);
    }
  }
}

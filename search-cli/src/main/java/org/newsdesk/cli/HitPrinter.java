package org.newsdesk.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.newsdesk.search.SearchHit;
import org.newsdesk.search.SearchRequest;
import org.newsdesk.search.SearchResults;

/**
 * Prints search results for people: notices first (did-you-mean, any-term fallback), then numbered hits (title in
 * bold; date, source and entities; a wrapped snippet with matches highlighted), facets if asked, and a summary line
 * with the total and the time taken.
 */
final class HitPrinter {
  private static final String INDENT = "     ";
  /** No-break space before the dot, so wrapping never starts a line with it. */
  private static final String SEPARATOR = "\u00a0· ";

  private final PrintWriter out;
  private final Palette palette;
  private final int width;

  HitPrinter(PrintWriter out, Palette palette, int width) {
    this.out = out;
    this.palette = palette;
    this.width = width;
  }

  /** @param facets the facets by name, in order ({@link SearchCommand#namedFacets}) */
  void print(SearchResults results, SearchRequest request, Map<String, List<SearchResults.FacetCount>> facets) {
    printNotices(results);
    printHits(results.hits(), request.offset() + 1);
    printFacets(facets);
    printSummary(results, request);
  }

  private void printNotices(SearchResults results) {
    if (results.suggestion() != null && !results.suggestion().isBlank()) {
      out.println(palette.notice("Did you mean: ") + palette.bold(results.suggestion()) + palette.notice("?"));
    }
    List<String> fallbacks = fallbackNotices(results, "showing");
    for (String notice : fallbacks) {
      out.println(palette.notice(notice));
    }
    if ((results.suggestion() != null && !results.suggestion().isBlank()) || !fallbacks.isEmpty()) {
      out.println();
    }
  }

  /**
   * What people are told when the hits are not those of the query as asked: any-word hits, or the articles of an
   * entity the words name. {@code verb} says what is done with them ("showing", "counting").
   */
  static List<String> fallbackNotices(SearchResults results, String verb) {
    List<String> notices = new ArrayList<>();
    if (results.fellBackToAny()) {
      notices.add("No article matches all the terms of \"" + results.query() + "\"; " + verb
          + " articles that match any of them.");
    }
    if (!results.fellBackToEntities().isEmpty()) {
      String names = String.join(", ", results.fellBackToEntities());
      notices.add("No article has the words \"" + results.query() + "\", a name of " + names + "; " + verb
          + " the articles about " + names + ".");
    }
    notices.addAll(ambiguityNotices(results, verb));
    return notices;
  }

  /**
   * For each entity filter that stands for several entities ({@code --person David}): which, and that the articles
   * of any of them pass. {@code verb} as in {@link #fallbackNotices}.
   */
  static List<String> ambiguityNotices(SearchResults results, String verb) {
    List<String> notices = new ArrayList<>();
    results.ambiguousFilters().forEach((name, entities) -> notices.add("\"" + name + "\" names " + entities.size()
        + " entities: " + String.join(", ", entities) + "; " + verb + " the articles about any of them (give a"
        + " full name or an id for one)."));
    return notices;
  }

  /** The hits, numbered from {@code first}, each as {@link #print} shows it. */
  void printHits(List<SearchHit> hits, int first) {
    int n = first;
    for (SearchHit hit : hits) {
      printHit(n++, hit);
    }
  }

  private void printHit(int number, SearchHit hit) {
    // "%3d." by hand: the first String.format of a process sets up Formatter and locale data, several milliseconds.
    String label = " ".repeat(Math.max(0, 3 - Integer.toString(number).length())) + number + ".";
    String title = hit.title() == null || hit.title().isBlank() ? hit.id() : hit.title();
    List<String> titleLines = TextWrapper.wrap(title, width - INDENT.length());
    for (int i = 0; i < titleLines.size(); i++) {
      out.println((i == 0 ? palette.number(label) + " " : INDENT) + palette.bold(titleLines.get(i)));
    }
    printWrapped(metaLine(hit), false);
    String snippet = hit.snippet() == null ? "" : hit.snippet().replace('\n', ' ').strip();
    if (!snippet.isEmpty()) {
      printWrapped(snippet, true);
    }
    // The id, for `newsdesk show ID` and `similar ID`: never wrapped, so that it can be copied whole.
    out.println(INDENT + palette.dim("id " + hit.id()));
    out.println();
  }

  /** Date, source and entity names, each styled, wrapped as one text. */
  private String metaLine(SearchHit hit) {
    List<String> parts = new ArrayList<>();
    parts.add(palette.date(hit.published() == null ? "undated" : hit.published().date().toString()));
    if (hit.source() != null && !hit.source().isBlank()) {
      parts.add(palette.source(hit.source()));
    }
    List<String> types = new ArrayList<>(List.of("person", "location", "organization"));
    List<String> others = new ArrayList<>();
    for (String k : hit.entities().keySet()) {
      if (!types.contains(k)) {
        others.add(k);
      }
    }
    Collections.sort(others);
    types.addAll(others);
    for (String type : types) {
      List<String> names = hit.entities().getOrDefault(type, List.of());
      if (!names.isEmpty()) {
        parts.add(palette.entity(String.join(", ", names)));
      }
    }
    return String.join(palette.dim("\u00a0·") + " ", parts);
  }

  private void printWrapped(String text, boolean snippet) {
    String styled = snippet ? palette.matches(text) : text;
    for (String line : TextWrapper.wrap(styled, Math.max(10, width - INDENT.length()))) {
      out.println(INDENT + line);
    }
  }

  private void printFacets(Map<String, List<SearchResults.FacetCount>> facets) {
    if (facets.isEmpty()) {
      return;
    }
    for (Map.Entry<String, List<SearchResults.FacetCount>> facet : facets.entrySet()) {
      List<SearchResults.FacetCount> buckets = facet.getValue();
      if (buckets.isEmpty()) {
        continue;
      }
      List<String> items = new ArrayList<>();
      for (SearchResults.FacetCount c : buckets) {
        // the spaces inside an item glued, so that a line breaks between names, not inside one
        items.add(c.label().replace(' ', TextWrapper.GLUE) + TextWrapper.GLUE + "(" + c.count() + ")");
      }
      String name = facet.getKey() + ": ";
      List<String> lines = TextWrapper.wrap(String.join(SEPARATOR, items), Math.max(10, width - name.length()));
      for (int i = 0; i < lines.size(); i++) {
        out.println((i == 0 ? palette.bold(name) : " ".repeat(name.length())) + lines.get(i));
      }
    }
    out.println();
  }

  private void printSummary(SearchResults results, SearchRequest request) {
    long total = results.total();
    String hits = total == 1 ? "1 hit" : total + " hits";
    StringBuilder b = new StringBuilder(palette.number(hits)).append(" in ").append(results.tookMillis()).append(" ms");
    if (total > 0 && !results.hits().isEmpty() && request.cursor() != null) {
      // After a cursor the page's place among the hits is not known: no positions, and no --page to suggest.
      int n = results.hits().size();
      b.append(SEPARATOR).append("showing ").append(n).append(n == 1 ? " hit" : " hits").append(" after the cursor");
      if (results.nextCursor() != null) {
        b.append(palette.dim(" (next_cursor in --json for more)"));
      }
    } else if (total > 0 && !results.hits().isEmpty()) {
      int first = request.offset() + 1;
      int last = request.offset() + results.hits().size();
      b.append(SEPARATOR).append("showing ").append(first).append('-').append(last);
      if (last < total) {
        int nextPage = request.offset() / request.limit() + 2;
        b.append(palette.dim(" (--page " + nextPage + " for more)"));
      }
    } else if (total > 0) {
      b.append(SEPARATOR).append("this page is past the last hit");
    }
    out.println(b);
  }
}

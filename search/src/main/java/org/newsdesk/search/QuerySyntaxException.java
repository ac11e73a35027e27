package org.newsdesk.search;

import org.newsdesk.model.Printable;

/**
 * A query that cannot be parsed or is too expensive to run. Carries the query and the 0-based character position
 * of the problem (or -1), and a one-line message that names both.
 */
public final class QuerySyntaxException extends SearchException {
  private static final long serialVersionUID = 1L;
  private final String query;
  private final int position;
  private final String reason;

  public QuerySyntaxException(String query, int position, String reason) {
    super(format(query, position, reason));
    this.query = query;
    this.position = position;
    this.reason = reason;
  }

  /** What is wrong, without the query and position the message adds. */
  String reason() {
    return reason;
  }

  /** The query as given. */
  public String query() {
    return query;
  }

  /** The 0-based position of the problem in the query, or -1 when it concerns the whole query. */
  public int position() {
    return position;
  }

  private static String format(String query, int position, String reason) {
    String shown = Printable.escape(query.length() > 80 ? query.substring(0, 77) + "..." : query);
    return position >= 0
        ? "bad query at position " + position + ": " + Printable.escape(reason) + " (query: " + shown + ")"
        : "bad query: " + Printable.escape(reason) + " (query: " + shown + ")";
  }
}

package org.newsdesk.index.corpus;

import java.util.Comparator;
import java.util.Objects;
import org.newsdesk.model.Printable;

/**
 * Something wrong with one input: a file, a line or a record that was skipped or only partly usable.
 *
 * @param location the file, plus {@code :line} or {@code #record} where that applies
 * @param kind what went wrong, for counting
 * @param reason a message fit for a terminal
 * @param skipped true when the input was not indexed, false when it was indexed with a flag (such as undated)
 */
public record InputProblem(String location, Kind kind, String reason, boolean skipped) {

  /** What went wrong, for counting. */
  public enum Kind {
    EMPTY_FILE,
    BINARY_FILE,
    TRUNCATED,
    BAD_ENCODING,
    BAD_JSON,
    BAD_RECORD,
    NO_BODY,
    /**
     * A record its source marks as a headline without text (Reuters' {@code TYPE="BRIEF"}): skipped by design, and
     * counted apart from {@link #NO_BODY} so that the one record whose text is really missing is not lost among them.
     */
    HEADLINE_ONLY,
    UNDATED,
    /** A published date later than tomorrow: kept as given, flagged. */
    FUTURE_DATE,
    UNREADABLE,
    TOO_LARGE,
    DUPLICATE_ID
  }

  /**
   * By file, then line or record number (as numbers: {@code :9} before {@code :10}), then kind and reason: the order
   * of a report, the same whatever order the workers of a run found the problems in.
   */
  public static final Comparator<InputProblem> BY_LOCATION = Comparator
      .comparing((InputProblem p) -> p.location.substring(0, p.numberStart()))
      .thenComparingLong(InputProblem::number)
      .thenComparing(InputProblem::kind)
      .thenComparing(InputProblem::reason);

  public InputProblem {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(reason, "reason");
  }

  /** Where the trailing {@code :LINE} or {@code #RECORD} starts, or the length of the location when it has none. */
  private int numberStart() {
    int i = location.length();
    while (i > 0 && location.charAt(i - 1) >= '0' && location.charAt(i - 1) <= '9') {
      i--;
    }
    boolean numbered = i > 0 && i < location.length() && location.length() - i <= 18
        && (location.charAt(i - 1) == ':' || location.charAt(i - 1) == '#');
    return numbered ? i - 1 : location.length();
  }

  /** The line or record number, or -1 when the location is a whole file. */
  private long number() {
    int start = numberStart();
    return start == location.length() ? -1 : Long.parseLong(location.substring(start + 1));
  }

  /**
   * {@code location: reason}, one line fit for a terminal: a control character (a line break or an escape in a file
   * name, or in a value a reason quotes) is shown as {@code \\uXXXX}, so that it can neither split the line nor
   * drive the terminal.
   */
  @Override
  public String toString() {
    return Printable.escape(location) + ": " + Printable.escape(reason);
  }
}

package org.newsdesk.index.corpus;

import java.util.Objects;

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
    UNDATED,
    /** A published date later than tomorrow: kept as given, flagged. */
    FUTURE_DATE,
    UNREADABLE,
    TOO_LARGE,
    DUPLICATE_ID
  }

  public InputProblem {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(reason, "reason");
  }

  @Override
  public String toString() {
    return location + ": " + reason;
  }
}

package org.newsdesk.index.corpus;

import java.util.Optional;
import org.newsdesk.model.Published;

/** What the SGML readers share: decoding with a reported fallback, and dates with trailing extras. Stateless. */
final class SgmlReading {
  private SgmlReading() {}

  /** Decodes a whole file, reporting (as a warning, not a skip) text that is not valid UTF-8. */
  static String decode(SourceFile file, byte[] bytes, ProblemSink problems) {
    SourceFile.Decoded decoded = SourceFile.decode(bytes);
    if (decoded.fellBack()) {
      problems.report(new InputProblem(file.name() + ":" + decoded.firstBadLine(), InputProblem.Kind.BAD_ENCODING,
          "not valid UTF-8; whole file read as Windows-1252", false));
    }
    return decoded.text();
  }

  /**
   * Parses a date value that may carry extras after commas ({@code January 1, 1989, Sunday, Home Edition}): the
   * longest comma-separated prefix that parses wins.
   */
  static Optional<Published> leadingDate(String value) {
    String[] parts = value.strip().split(",");
    for (int n = parts.length; n > 0; n--) {
      Optional<Published> p = PublishedDates.parse(String.join(",", java.util.Arrays.copyOf(parts, n)));
      if (p.isPresent()) {
        return p;
      }
    }
    return Optional.empty();
  }
}

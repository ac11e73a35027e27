package org.newsdesk.index.corpus;

import java.util.Optional;
import org.newsdesk.model.Published;

/** What the SGML readers share: decoding with a reported fallback, and dates with trailing extras. Stateless. */
final class SgmlReading {
  private SgmlReading() {}

  /**
   * Reads a multi-record file up to any gzip damage, reporting the damage; the records before it stay usable.
   *
   * @return the bytes, or null if the file is empty or binary (already reported)
   */
  static byte[] read(SourceFile file, ProblemSink problems) throws java.io.IOException {
    SourceFile.Partial partial = file.readUpToDamage();
    if (partial.bytes().length > SourceFile.MAX_FILE_BYTES) {
      problems.report(file.tooLarge(SourceFile.MAX_FILE_BYTES));
      return null;
    }
    if (partial.damage() != null) {
      if (partial.bytes().length == 0) {
        problems.report(new InputProblem(file.name(), InputProblem.Kind.TRUNCATED,
            "truncated or corrupt gzip data: " + partial.damage(), true));
        return null;
      }
      problems.report(new InputProblem(file.name(), InputProblem.Kind.TRUNCATED,
          "truncated or corrupt gzip data: " + partial.damage() + "; records before that point were kept", true));
    }
    return InputChecks.usable(file.name(), partial.bytes(), problems) ? partial.bytes() : null;
  }

  /** Decodes a whole file, reporting (as a warning, not a skip) text that is not valid UTF-8. */
  static String decode(SourceFile file, byte[] bytes, ProblemSink problems) {
    SourceFile.Decoded decoded = SourceFile.decode(bytes);
    if (decoded.fellBack()) {
      problems.report(new InputProblem(file.name() + ":" + decoded.firstBadLine(), InputProblem.Kind.BAD_ENCODING,
          "not valid UTF-8; " + (decoded.legacy() ? "whole file " : "") + decoded.readAs(), false));
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

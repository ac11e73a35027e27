package org.newsdesk.index.corpus;

/** Checks every reader makes before decoding a file: not empty, not binary. */
final class InputChecks {
  private InputChecks() {}

  /** Reports and returns false for an empty or binary file. */
  static boolean usable(String location, byte[] bytes, ProblemSink problems) {
    if (bytes.length == 0 || isBlank(bytes)) {
      problems.report(new InputProblem(location, InputProblem.Kind.EMPTY_FILE, "empty file", true));
      return false;
    }
    if (looksBinary(bytes)) {
      problems.report(new InputProblem(location, InputProblem.Kind.BINARY_FILE,
          "binary content (NUL or control bytes), not text", true));
      return false;
    }
    return true;
  }

  private static boolean isBlank(byte[] bytes) {
    for (byte b : bytes) {
      if (!Character.isWhitespace(b & 0xFF)) {
        return false;
      }
    }
    return true;
  }

  /** A NUL in the first 8 KiB, or more than 10% control bytes there, means binary. */
  static boolean looksBinary(byte[] bytes) {
    int n = Math.min(bytes.length, 8192);
    int control = 0;
    for (int i = 0; i < n; i++) {
      int b = bytes[i] & 0xFF;
      if (b == 0) {
        return true;
      }
      if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f') {
        control++;
      }
    }
    return control * 10 > n;
  }
}

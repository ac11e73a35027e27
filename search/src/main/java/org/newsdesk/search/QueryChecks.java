package org.newsdesk.search;

/**
 * Checks a query's shape before the Lucene parser sees it, so that the commonest mistakes (an unclosed quote or
 * parenthesis, a query far too long) are reported at the right position with a plain message. Stateless.
 */
final class QueryChecks {
  /** The longest query accepted, in characters. */
  static final int MAX_LENGTH = 2000;

  private QueryChecks() {}

  /** @throws QuerySyntaxException at the first problem found */
  static void check(String query) {
    if (query.length() > MAX_LENGTH) {
      throw new QuerySyntaxException(query, MAX_LENGTH, "query is longer than " + MAX_LENGTH + " characters");
    }
    int openQuote = -1;
    int depth = 0;
    int firstOpen = -1;
    boolean inRegex = false;
    for (int i = 0; i < query.length(); i++) {
      char c = query.charAt(i);
      if (Character.isISOControl(c) && !Character.isWhitespace(c)) {
        throw new QuerySyntaxException(query, i, String.format(java.util.Locale.ROOT,
            "control character U+%04X is not allowed in a query", (int) c));
      }
      if (c == '\\') {
        i++;
        continue;
      }
      if (openQuote >= 0) {
        if (c == '"') {
          openQuote = -1;
        }
        continue;
      }
      if (inRegex) {
        inRegex = c != '/';
        continue;
      }
      switch (c) {
        case '~' -> checkFuzzyOrSlop(query, i);
        case '^' -> checkBoost(query, i);
        case '"' -> openQuote = i;
        case '/' -> inRegex = startsRegex(query, i);
        case '(' -> {
          if (depth++ == 0) {
            firstOpen = i;
          }
        }
        case ')' -> {
          if (depth == 0) {
            throw new QuerySyntaxException(query, i, "')' without a matching '('");
          }
          depth--;
        }
        default -> { }
      }
    }
    if (openQuote >= 0) {
      throw new QuerySyntaxException(query, openQuote, "the quote opened here is never closed");
    }
    if (depth > 0) {
      throw new QuerySyntaxException(query, firstOpen, "the '(' here is never closed");
    }
  }

  /** The number right after an operator at {@code op} ({@code ~2}, {@code ^1.5}, {@code ~-1}), or "" when none. */
  private static String numberAfter(String query, int op) {
    int end = op + 1;
    if (end < query.length() && (query.charAt(end) == '-' || query.charAt(end) == '+')) {
      end++;
    }
    while (end < query.length() && (Character.isDigit(query.charAt(end)) || query.charAt(end) == '.')) {
      end++;
    }
    String number = query.substring(op + 1, end);
    return number.equals("-") || number.equals("+") ? "" : number;
  }

  /**
   * {@code term~N} is a fuzzy term: N is the number of edits (Lucene uses at most 2) or Lucene's old similarity,
   * above 0 and below 1; {@code "phrase"~N} lets the words stand N positions apart. Lucene's own messages for these
   * name no position, and one calls 99999999999 a fraction; a number run into letters ({@code oil~1e3}) it reads as
   * the number and a word.
   */
  private static void checkFuzzyOrSlop(String query, int at) {
    String number = numberAfter(query, at);
    if (number.isEmpty()) {
      return; // term~ is two edits; "phrase"~ is slop 0
    }
    boolean phrase = at > 0 && query.charAt(at - 1) == '"';
    double value = parse(number);
    boolean wellFormed = Character.isDigit(number.charAt(0)) && !runsIntoWord(query, at + 1 + number.length());
    if (phrase) {
      if (!wellFormed || !(value >= 0 && value <= Integer.MAX_VALUE)) {
        throw new QuerySyntaxException(query, at, "a phrase's ~ must be followed by how many words may stand between"
            + " its words, as in \"cease fire\"~2");
      }
    } else if (!wellFormed || !(value >= 0 && value < 1 || value == Math.rint(value) && value <= Integer.MAX_VALUE)) {
      throw new QuerySyntaxException(query, at, "a fuzzy term's ~ must be followed by 0, 1 or 2 (the letters that may"
          + " differ), as in ceasefire~1");
    }
  }

  /** {@code term^N}: N must be a positive number a boost can hold, written with a digit first. */
  private static void checkBoost(String query, int at) {
    String number = numberAfter(query, at);
    if (number.isEmpty()) {
      return; // not a number: the parser says so, with its position
    }
    double value = parse(number);
    if (!Character.isDigit(number.charAt(0)) || runsIntoWord(query, at + 1 + number.length())
        || !(value > 0 && value <= 1e6)) {
      throw new QuerySyntaxException(query, at, "a boost (^) must be a positive number up to 1000000, as in ceasefire^2");
    }
  }

  /** Whether a letter or digit follows right at {@code end}: {@code 1e3}, not a number and then a word. */
  private static boolean runsIntoWord(String query, int end) {
    return end < query.length() && Character.isLetterOrDigit(query.charAt(end));
  }

  private static double parse(String number) {
    try {
      return Double.parseDouble(number);
    } catch (NumberFormatException e) {
      return Double.NaN; // 1.2.3, ".": rejected by the callers' range checks
    }
  }

  /**
   * The query with a backslash before each {@code /} inside a word ({@code 9/11}, {@code 24/7}, {@code and/or}),
   * before a {@code ?} that ends a word, and before a {@code \} that ends the query: Lucene's syntax reads a slash
   * anywhere as the start of a regular expression, a question mark as a one-letter wildcard (so the question
   * {@code who broke the ceasefire?} would find nothing) and a final backslash as an escape of nothing. A slash that
   * starts a term ({@code /ceasefir.*}/) is left as a regular expression and a {@code ?} inside a word
   * ({@code wom?n}) as a wildcard; quoted text is left alone.
   *
   * @return the query, the same instance when nothing needed escaping
   */
  static String escapeLiterals(String query) {
    StringBuilder out = null;
    boolean quoted = false;
    boolean inRegex = false;
    for (int i = 0; i < query.length(); i++) {
      char c = query.charAt(i);
      boolean escape = false;
      if (c == '\\') {
        if (i + 1 == query.length()) {
          escape = true;
        } else {
          if (out != null) {
            out.append(c).append(query.charAt(i + 1));
          }
          i++;
          continue;
        }
      } else if (quoted) {
        quoted = c != '"';
      } else if (inRegex) {
        inRegex = c != '/';
      } else if (c == '"') {
        quoted = true;
      } else if (c == '/') {
        inRegex = startsRegex(query, i);
        escape = !inRegex;
      } else if (c == '?' && (i + 1 == query.length() || " )\"".indexOf(query.charAt(i + 1)) >= 0)) {
        escape = true; // the question mark of a question ("who broke the ceasefire?"), not a one-letter wildcard
      }
      if (escape && out == null) {
        out = new StringBuilder(query.length() + 8).append(query, 0, i);
      }
      if (out != null) {
        if (escape) {
          out.append('\\');
        }
        out.append(c);
      }
    }
    return out == null ? query : out.toString();
  }

  /** Whether the {@code /} at {@code i} starts a regular expression: at a term's start, not inside a word. */
  private static boolean startsRegex(String query, int i) {
    return i == 0 || " (:+-!".indexOf(query.charAt(i - 1)) >= 0;
  }

  /** A position in {@link #escapeLiterals}'s result as a position in the query it escaped (-1 stays -1). */
  static int positionBeforeEscaping(String query, String escaped, int at) {
    if (at < 0 || escaped == query) {
      return at;
    }
    int i = 0;
    for (int j = 0; j < at && j < escaped.length(); j++) {
      if (i < query.length() && escaped.charAt(j) == query.charAt(i)) {
        i++; // else the character at j is a backslash escapeLiterals added
      }
    }
    return Math.min(i, query.length());
  }
}

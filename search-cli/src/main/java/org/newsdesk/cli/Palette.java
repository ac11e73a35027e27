package org.newsdesk.cli;

/**
 * ANSI styles for people-facing output, or none at all. Stateless and thread-safe.
 *
 * <p>Matches in snippets arrive wrapped in {@link #MATCH_START}/{@link #MATCH_END} (control characters that never
 * occur in cleaned text, so wrapping can treat them as zero-width); {@link #matches} turns them into colour or
 * removes them.
 */
final class Palette {
  /** Marker the search library puts before a match; zero-width for {@link TextWrapper}. */
  static final String MATCH_START = "\u0002";
  /** Marker the search library puts after a match. */
  static final String MATCH_END = "\u0003";

  private static final String RESET = "\u001b[0m";
  private static final Palette PLAIN = new Palette(false);
  private static final Palette COLOR = new Palette(true);

  private final boolean enabled;

  private Palette(boolean enabled) {
    this.enabled = enabled;
  }

  /** The palette for a colour decision. */
  static Palette of(boolean color) {
    return color ? COLOR : PLAIN;
  }

  boolean enabled() {
    return enabled;
  }

  String bold(String s) {
    return style("1", s);
  }

  String dim(String s) {
    return style("2", s);
  }

  /** Dates, like ripgrep's line numbers. */
  String date(String s) {
    return style("32", s);
  }

  /** Sources, like ripgrep's file names. */
  String source(String s) {
    return style("35", s);
  }

  /** Entity names. */
  String entity(String s) {
    return style("36", s);
  }

  /** Hit numbers and counts. */
  String number(String s) {
    return style("1;33", s);
  }

  /** Warnings and notices. */
  String notice(String s) {
    return style("33", s);
  }

  /** Bars of the timeline. */
  String bar(String s) {
    return style("34", s);
  }

  /** Replaces match markers with bold red (ripgrep's match colour), or drops them. */
  String matches(String marked) {
    if (!enabled) {
      return marked.replace(MATCH_START, "").replace(MATCH_END, "");
    }
    return marked.replace(MATCH_START, "\u001b[1;31m").replace(MATCH_END, RESET);
  }

  private String style(String code, String s) {
    return enabled ? "\u001b[" + code + "m" + s + RESET : s;
  }
}

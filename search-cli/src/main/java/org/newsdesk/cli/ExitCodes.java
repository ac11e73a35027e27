package org.newsdesk.cli;

/** Process exit codes, as grep and ripgrep use them. */
public final class ExitCodes {
  /** Hits found, or the command succeeded. */
  public static final int OK = 0;
  /** No hits; or, for index and rebuild, done but some inputs were skipped. */
  public static final int NO_HITS = 1;
  /** A usage error, a bad query, a missing index or a failure. */
  public static final int ERROR = 2;

  private ExitCodes() {}
}

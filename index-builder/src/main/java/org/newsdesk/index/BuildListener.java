package org.newsdesk.index;

import org.newsdesk.index.corpus.InputProblem;

/**
 * Receives what a build run says while it works: log lines, problems as they are found, and progress. The CLI turns
 * these into timestamped stderr lines (cron, journal) or a progress bar on a terminal. Called from several threads;
 * implementations must be thread-safe. Every method does nothing by default.
 */
public interface BuildListener {
  /** A listener that ignores everything. */
  BuildListener NONE = new BuildListener() {};

  /** A milestone of the run, one line ("scanned 120 files", "committed generation 7"). */
  default void log(String message) {}

  /** A problem with one input, as soon as it is found. */
  default void problem(InputProblem problem) {}

  /** Files handled so far out of the total the scan found; called by the reading thread after each file. */
  default void progress(long filesDone, long filesTotal) {}

  /** {@code n} more articles dealt with (indexed, skipped, or found unchanged); called from any thread. */
  default void articles(long n) {}
}

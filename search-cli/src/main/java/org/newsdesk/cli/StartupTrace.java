package org.newsdesk.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code NEWSDESK_STARTUP_TRACE=1 newsdesk search ...}: prints on stderr when each start-up phase ended, in
 * milliseconds since {@code main} was entered (docs/cli.md, "Start-up"; the JVM's own start before that is
 * {@code java -Xlog:startuptime}). Off, every call is a field read.
 */
final class StartupTrace {
  private static final boolean ON = System.getenv("NEWSDESK_STARTUP_TRACE") != null;
  private static final List<String> MARKS = ON ? new ArrayList<>() : List.of();
  private static final long START = System.nanoTime();

  private StartupTrace() {}

  /** Records that the phase {@code what} just ended. */
  static void mark(String what) {
    if (ON) {
      synchronized (MARKS) {
        MARKS.add(String.format(Locale.ROOT, "%7.1f ms  %s", sinceStart(), what));
      }
    }
  }

  /** Prints the marks recorded so far, when tracing. */
  static void print(PrintStream err) {
    if (ON) {
      synchronized (MARKS) {
        MARKS.forEach(m -> err.println("startup: " + m));
      }
    }
  }

  private static double sinceStart() {
    return (System.nanoTime() - START) / 1e6;
  }
}

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
  private static final long START = System.nanoTime();
  /** Phase names and their end times, formatted only when printed: formatting on the way would time itself. */
  private static final List<String> NAMES = ON ? new ArrayList<>() : List.of();
  private static final List<Long> TIMES = ON ? new ArrayList<>() : List.of();

  private StartupTrace() {}

  /** Records that the phase {@code what} just ended. */
  static void mark(String what) {
    if (ON) {
      long now = System.nanoTime();
      synchronized (NAMES) {
        NAMES.add(what);
        TIMES.add(now);
      }
    }
  }

  /** Prints the marks recorded so far, when tracing. */
  static void print(PrintStream err) {
    if (ON) {
      synchronized (NAMES) {
        for (int i = 0; i < NAMES.size(); i++) {
          err.println(String.format(Locale.ROOT, "startup: %7.1f ms  %s", (TIMES.get(i) - START) / 1e6, NAMES.get(i)));
        }
      }
    }
  }
}

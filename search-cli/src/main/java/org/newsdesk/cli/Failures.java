package org.newsdesk.cli;

import java.io.PrintWriter;
import org.newsdesk.model.Printable;

/**
 * How a failed command is reported: one line on stderr, the stack trace only with {@code --debug} (or
 * {@code NEWSDESK_DEBUG=1}), exit code 2. Used by {@link ErrorHandler} under picocli and by the search run without
 * picocli ({@link FastSearchArgs}); kept apart from {@code ErrorHandler} so that the latter's picocli interface is
 * not loaded (from the jar: it cannot be archived) on the fast path.
 */
final class Failures {
  private Failures() {}

  /** Reports {@code e} on {@code err}; returns exit code 2. */
  static int report(Exception e, PrintWriter err, boolean debugOption) {
    // an id, a name or a path the user typed may hold an escape sequence or a line break: one inert line
    err.println("newsdesk: " + Printable.escape(String.valueOf(message(e))));
    if (debugOption || "1".equals(System.getenv("NEWSDESK_DEBUG"))) {
      e.printStackTrace(err);
    }
    err.flush();
    return ExitCodes.ERROR;
  }

  static String message(Exception e) {
    // newsdesk's own exceptions (search, schema, gazetteer, index lock, CLI) carry messages fit for a terminal.
    // Matched by package rather than by type so that `search` never loads the index builder's classes.
    if (e.getClass().getName().startsWith("org.newsdesk.") || e instanceof IllegalArgumentException) {
      return e.getMessage();
    }
    // The file system's exceptions carry only the path as their message: say what is wrong with it.
    if (e instanceof java.nio.file.NoSuchFileException nsf) {
      if ("-".equals(nsf.getFile())) { // only inspect reads standard input: a build's sources are files it can compare
        return "no such file or directory: - (index and rebuild read files, which a rebuild compares with the last"
            + " one's; save standard input to a file, or read it with 'newsdesk inspect -')";
      }
      return "no such file or directory: " + nsf.getFile();
    }
    if (e instanceof java.nio.file.FileAlreadyExistsException exists) {
      return exists.getFile() + " exists and is not a directory";
    }
    if (e instanceof java.nio.file.NotDirectoryException notDir) {
      return "not a directory: " + notDir.getFile();
    }
    if (e instanceof java.nio.file.AccessDeniedException denied) {
      return "permission denied: " + denied.getFile() + (denied.getReason() == null ? "" : " (" + denied.getReason() + ")");
    }
    if (e instanceof java.io.IOException) {
      return "I/O error: " + e.getMessage();
    }
    return e.getClass().getSimpleName() + ": " + e.getMessage() + " (run with --debug for details)";
  }

}

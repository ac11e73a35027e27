package org.newsdesk.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns every failure into one line on stderr and exit code 2. The stack trace appears only with {@code --debug}
 * (or {@code NEWSDESK_DEBUG=1}).
 */
final class ErrorHandler implements IExecutionExceptionHandler {
  /**
   * A new handler, typed as picocli's interface so that the caller's bytecode holds no ErrorHandler-to-interface
   * assignment: a JDK 17 CDS archive checks such verification constraints when the caller's class is loaded, which
   * would load this class and picocli's interface from the jar on every start, even of a search without picocli.
   */
  static IExecutionExceptionHandler create() {
    return new ErrorHandler();
  }

  @Override
  public int handleExecutionException(Exception e, CommandLine cli, ParseResult parseResult) {
    return Failures.report(e, cli.getErr(), isDebug(parseResult));
  }

  static int onUsageError(ParameterException e, String[] args) {
    CommandLine cli = e.getCommandLine();
    String message = firstLine(e.getMessage());
    if (e instanceof CommandLine.UnmatchedArgumentException unmatched && cli.getParent() == null
        && !unmatched.getUnmatched().isEmpty() && !unmatched.getUnmatched().get(0).startsWith("-")) {
      // `newsdesk serach x`: say it is the command that is unknown, and the closest one
      String given = unmatched.getUnmatched().get(0);
      String like = null;
      for (String name : unmatched.getSuggestions()) { // picocli's are loose: only a near miss is worth naming
        if (like == null && edits(given, name) <= Math.max(2, name.length() / 3)) {
          like = name;
        }
      }
      message = "unknown command '" + given + "'" + (like == null ? "" : ": did you mean '" + like + "'?");
    }
    // One line, as every other error (scripts read the first line of stderr): the message and where help is.
    cli.getErr().println("newsdesk: " + message + " (see '" + cli.getCommandSpec().qualifiedName() + " --help')");
    cli.getErr().flush();
    return ExitCodes.ERROR;
  }

  /** The Levenshtein distance between two short strings. */
  static int edits(String a, String b) {
    int[] row = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      row[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      int diagonal = row[0];
      row[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int above = row[j];
        row[j] = Math.min(Math.min(row[j] + 1, row[j - 1] + 1), diagonal + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
        diagonal = above;
      }
    }
    return row[b.length()];
  }

  private static String firstLine(String message) {
    String m = String.valueOf(message).strip();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl).strip();
  }

  private static boolean isDebug(ParseResult parseResult) {
    if ("1".equals(System.getenv("NEWSDESK_DEBUG"))) {
      return true;
    }
    for (ParseResult r = parseResult; r != null; r = r.subcommand()) {
      if (r.hasMatchedOption("--debug")) {
        return true;
      }
    }
    return false;
  }
}

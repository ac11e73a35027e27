package org.newsdesk.cli;

import java.util.List;
import org.newsdesk.model.Printable;
import org.apache.lucene.search.spell.LevenshteinDistance;
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

  /** How alike (Lucene's Levenshtein similarity, 0 to 1) a mistyped command must be to its suggestion. */
  private static final float NEAR_MISS = 0.6f;

  static int onUsageError(ParameterException e, String[] args) {
    CommandLine cli = e.getCommandLine();
    String message = firstLine(e.getMessage());
    if (e instanceof CommandLine.UnmatchedArgumentException unmatched && cli.getParent() == null
        && !unmatched.getUnmatched().isEmpty() && !unmatched.getUnmatched().get(0).startsWith("-")) {
      // `newsdesk serach x`: say it is the command that is unknown, and the closest one
      String given = unmatched.getUnmatched().get(0);
      String like = null;
      for (String name : unmatched.getSuggestions()) { // picocli's are loose: only a near miss is worth naming
        if (like == null && new LevenshteinDistance().getDistance(given, name) >= NEAR_MISS) {
          like = name;
        }
      }
      message = "unknown command '" + given + "'" + (like == null ? "" : ": did you mean '" + like + "'?");
    }
    // One line, as every other error (scripts read the first line of stderr): the message and where help is.
    cli.getErr().println("newsdesk: " + Printable.escape(message) + " (see '" + cli.getCommandSpec().qualifiedName() + " --help')");
    cli.getErr().flush();
    return ExitCodes.ERROR;
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

package org.newsdesk.cli;

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
    // One line, as every other error (scripts read the first line of stderr): the message and where help is.
    cli.getErr().println("newsdesk: " + firstLine(e.getMessage()) + " (see '" + cli.getCommandSpec().qualifiedName()
        + " --help')");
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

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
    cli.getErr().println("newsdesk: " + e.getMessage());
    cli.getErr().println("Try '" + cli.getCommandSpec().qualifiedName() + " --help' for more information.");
    cli.getErr().flush();
    return ExitCodes.ERROR;
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

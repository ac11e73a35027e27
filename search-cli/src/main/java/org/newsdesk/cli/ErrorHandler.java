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
  @Override
  public int handleExecutionException(Exception e, CommandLine cli, ParseResult parseResult) {
    return report(e, cli.getErr(), isDebug(parseResult));
  }

  /** Reports a failure of a command run outside picocli ({@link FastSearchArgs}) the same way; returns exit code 2. */
  static int report(Exception e, java.io.PrintWriter err, boolean debugOption) {
    err.println("newsdesk: " + message(e));
    if (debugOption || "1".equals(System.getenv("NEWSDESK_DEBUG"))) {
      e.printStackTrace(err);
    }
    err.flush();
    return ExitCodes.ERROR;
  }

  static int onUsageError(ParameterException e, String[] args) {
    CommandLine cli = e.getCommandLine();
    cli.getErr().println("newsdesk: " + e.getMessage());
    cli.getErr().println("Try '" + cli.getCommandSpec().qualifiedName() + " --help' for more information.");
    cli.getErr().flush();
    return ExitCodes.ERROR;
  }

  private static String message(Exception e) {
    // newsdesk's own exceptions (search, schema, gazetteer, index lock, CLI) carry messages fit for a terminal.
    // Matched by package rather than by type so that `search` never loads the index builder's classes.
    if (e.getClass().getName().startsWith("org.newsdesk.") || e instanceof IllegalArgumentException) {
      return e.getMessage();
    }
    if (e instanceof java.nio.file.NoSuchFileException nsf) {
      return "no such file or directory: " + nsf.getFile();
    }
    if (e instanceof java.io.IOException) {
      return "I/O error: " + e.getMessage();
    }
    return e.getClass().getSimpleName() + ": " + e.getMessage() + " (run with --debug for details)";
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

package org.newsdesk.cli;

import org.newsdesk.gazetteer.GazetteerException;
import org.newsdesk.index.IndexLockedException;
import org.newsdesk.schema.SchemaMismatchException;
import org.newsdesk.search.SearchException;
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
    boolean debug = isDebug(parseResult);
    cli.getErr().println("newsdesk: " + message(e));
    if (debug) {
      e.printStackTrace(cli.getErr());
    }
    cli.getErr().flush();
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
    if (e instanceof SearchException || e instanceof SchemaMismatchException || e instanceof GazetteerException
        || e instanceof IndexLockedException || e instanceof CliException || e instanceof IllegalArgumentException) {
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

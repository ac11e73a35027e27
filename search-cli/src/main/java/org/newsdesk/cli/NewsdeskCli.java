package org.newsdesk.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code newsdesk} command: search and build a news archive index. */
@Command(
    name = "newsdesk",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Full-text search for news archives.",
    subcommands = {
        SearchCommand.class,
        ShowCommand.class,
        InspectCommand.class,
        IndexCommand.class,
        RebuildCommand.class,
        RollbackCommand.class,
        EntitiesCommand.class,
        TimelineCommand.class,
        StatsCommand.class,
        CheckCommand.class,
        CommandLine.HelpCommand.class
    },
    footer = {"", "Examples:", "  newsdesk search ceasefire", "  newsdesk index sample-corpus", "  newsdesk inspect ../shared/seeds --json"})
public final class NewsdeskCli implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }

  /** Builds the command line with the given writers; tests pass their own. */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new NewsdeskCli());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(new ErrorHandler());
    cli.setParameterExceptionHandler(ErrorHandler::onUsageError);
    return cli;
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    int code = commandLine(out, err).execute(args);
    out.flush();
    System.exit(code);
  }
}

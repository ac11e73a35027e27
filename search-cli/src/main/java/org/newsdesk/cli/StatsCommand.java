package org.newsdesk.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code newsdesk stats}: Show what the index holds. */
@Command(name = "stats", mixinStandardHelpOptions = true, description = "Show what the index holds.")
final class StatsCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new CliException("'stats' is not built yet");
  }
}

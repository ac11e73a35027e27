package org.newsdesk.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code newsdesk timeline}: Show a query's hits over time as a bar chart. */
@Command(name = "timeline", mixinStandardHelpOptions = true, description = "Show a query's hits over time as a bar chart.")
final class TimelineCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new CliException("'timeline' is not built yet");
  }
}

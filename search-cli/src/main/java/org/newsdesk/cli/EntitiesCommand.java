package org.newsdesk.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code newsdesk entities}: List the top entities overall or among a query's hits. */
@Command(name = "entities", mixinStandardHelpOptions = true, description = "List the top entities overall or among a query's hits.")
final class EntitiesCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new CliException("'entities' is not built yet");
  }
}

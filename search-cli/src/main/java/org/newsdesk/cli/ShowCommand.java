package org.newsdesk.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code newsdesk show}: Print a whole article with its entities. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Print a whole article with its entities.")
final class ShowCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new CliException("'show' is not built yet");
  }
}

package org.newsdesk.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code newsdesk rollback}: Return the index to its previous generation. */
@Command(name = "rollback", mixinStandardHelpOptions = true, description = "Return the index to its previous generation.")
final class RollbackCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new CliException("'rollback' is not built yet");
  }
}

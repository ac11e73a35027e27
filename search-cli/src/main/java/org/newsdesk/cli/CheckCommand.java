package org.newsdesk.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code newsdesk check}: Check the index for corruption (Lucene CheckIndex). */
@Command(name = "check", mixinStandardHelpOptions = true, description = "Check the index for corruption (Lucene CheckIndex).")
final class CheckCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new CliException("'check' is not built yet");
  }
}

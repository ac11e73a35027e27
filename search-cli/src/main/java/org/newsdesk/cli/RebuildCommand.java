package org.newsdesk.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code newsdesk rebuild}: Make the index mirror its sources exactly. */
@Command(name = "rebuild", mixinStandardHelpOptions = true, description = "Make the index mirror its sources exactly.")
final class RebuildCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new CliException("'rebuild' is not built yet");
  }
}

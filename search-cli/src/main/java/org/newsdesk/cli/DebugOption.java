package org.newsdesk.cli;

import picocli.CommandLine.Option;

/** The {@code --debug} option: show stack traces of failures. */
public final class DebugOption {
  @Option(names = "--debug", description = "Show the stack trace when something fails.")
  boolean debug;
}

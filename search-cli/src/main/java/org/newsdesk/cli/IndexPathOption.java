package org.newsdesk.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code --index DIR} option shared by every command that reads or writes an index.
 *
 * <p>Where the index is: {@code --index DIR}, else {@code $NEWSDESK_INDEX}, else {@code data/index} under the
 * newsdesk home (the launcher sets {@code -Dnewsdesk.home} to the repository), else {@code ./data/index}.
 */
public final class IndexPathOption {
  /** Environment variable that overrides the default index location. */
  public static final String ENV = "NEWSDESK_INDEX";

  @Option(names = "--index", paramLabel = "DIR", description = "Index directory (default: $NEWSDESK_INDEX, else data/index in the newsdesk home).")
  Path index;

  /** The index directory this invocation uses. */
  public Path resolve() {
    if (index != null) {
      if (index.toString().isBlank()) {
        // Path.of("") is the current directory: an unset shell variable would scatter an index among the user's files
        throw new CliException("--index needs a directory: it was given an empty one");
      }
      return index;
    }
    return defaultIndex();
  }

  /** The default index directory, ignoring {@code --index}. */
  public static Path defaultIndex() {
    String env = System.getenv(ENV);
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    String home = System.getProperty("newsdesk.home");
    return home == null ? Path.of("data", "index") : Path.of(home, "data", "index");
  }
}

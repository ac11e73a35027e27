package org.newsdesk.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The launcher's AppCDS training run: runs the everyday read-only commands once, in one JVM, with their output
 * discarded, so that {@code -XX:ArchiveClassesAtExit} archives every class they load (picocli, Lucene's codecs,
 * the highlighter, Jackson for {@code --json}). Not a user command.
 *
 * <p>Usage: {@code java -XX:ArchiveClassesAtExit=F -cp ... org.newsdesk.cli.CdsTraining [--index DIR]}. Exits 0
 * when every command ran (hits or not), 2 when one failed, and then the launcher throws the archive away.
 */
final class CdsTraining {
  private CdsTraining() {}

  public static void main(String[] args) {
    List<String> index = List.of(args);
    ClassWarmer.startFor(new String[] {"search"});
    CliEnvironment.detect(); // what main does first: the process environment's classes go in the archive too
    CliEnvironment colour = CliEnvironment.of(Map.of("COLUMNS", "100"), true);
    int worst = 0;
    worst = Math.max(worst, run(colour, index, "search", "ceasefire"));
    worst = Math.max(worst, run(colour, index, "search", "ceasefire", "--json", "--facets", "--sort", "newest", "--from", "2020"));
    worst = Math.max(worst, run(colour, index, "search", "ceasefire", "--count"));
    // An attached short option: read by picocli, so that its classes for search are archived too (FastSearchArgs).
    worst = Math.max(worst, run(colour, index, "search", "ceasefire", "-n3"));
    worst = Math.max(worst, run(colour, index, "timeline", "ceasefire"));
    worst = Math.max(worst, run(colour, index, "stats"));
    String id = firstId(colour, index);
    if (id != null) {
      worst = Math.max(worst, run(colour, index, "show", id));
      worst = Math.max(worst, run(colour, index, "similar", id));
    }
    System.exit(worst >= ExitCodes.ERROR ? ExitCodes.ERROR : ExitCodes.OK);
  }

  private static int run(CliEnvironment env, List<String> index, String... command) {
    return execute(env, index, new StringWriter(), command);
  }

  private static String firstId(CliEnvironment env, List<String> index) {
    StringWriter out = new StringWriter();
    execute(env, index, out, "search", "ceasefire", "--ids", "--limit", "1");
    String first = out.toString().strip();
    return first.isEmpty() ? null : first.lines().findFirst().orElse(null);
  }

  private static int execute(CliEnvironment env, List<String> index, Writer out, String... command) {
    List<String> args = new ArrayList<>(List.of(command));
    args.addAll(index);
    String[] argv = args.toArray(String[]::new);
    PrintWriter err = new PrintWriter(new StringWriter());
    return NewsdeskCli.run(argv, new PrintWriter(out), err, env);
  }
}

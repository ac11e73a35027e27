package org.newsdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * {@link FastSearchArgs} against picocli: every option of {@code search}, in every form the fast path accepts, sets
 * the command exactly as picocli does; every form it leaves to picocli is refused; and whole runs print the same.
 */
class FastSearchArgsTest {
  /** Argument lists the fast path reads (after {@code search}); each option of SearchCommand appears. */
  static List<List<String>> accepted() {
    return List.of(
        List.of("ceasefire"),
        List.of("cease", "fire", "talks"),
        List.of("\"cease fire\"~2", "title:truce"),
        List.of("ceasefire", "-n", "5", "-p", "2"),
        List.of("ceasefire", "--limit", "7", "--page", "3"),
        List.of("--limit=7", "ceasefire", "--page=3"),
        List.of("ceasefire", "-s", "newest"),
        List.of("ceasefire", "--sort", "OLDEST"),
        List.of("ceasefire", "--sort=Relevance"),
        List.of("ceasefire", "-m", "any"),
        List.of("ceasefire", "--match", "ALL"),
        List.of("ceasefire", "--from", "2020-10", "--to", "2020"),
        List.of("ceasefire", "--from=2020-09-27", "--to=2021-01-11"),
        List.of("ceasefire", "--person", "Putin", "--person", "Aliyev"),
        List.of("ceasefire", "--location=Stepanakert", "--location", "Baku"),
        List.of("ceasefire", "--org", "OSCE", "--organization", "NATO"),
        List.of("ceasefire", "--entity", "Russia"),
        List.of("ceasefire", "--source", "mw", "--source=cl"),
        List.of("ceasefire", "-f"),
        List.of("ceasefire", "--facets", "--json"),
        List.of("ceasefire", "--cursor", "abc123"),
        List.of("ceasefire", "-c"),
        List.of("ceasefire", "--count"),
        List.of("ceasefire", "-l"),
        List.of("ceasefire", "--ids"),
        List.of("ceasefire", "--color", "always"),
        List.of("ceasefire", "--color=NEVER"),
        List.of("ceasefire", "--index", "/tmp/some index"),
        List.of("--index=rel/dir", "ceasefire"),
        List.of("ceasefire", "--debug"),
        List.of("ceasefire", "--person="),
        List.of(""),
        List.of("ceasefire", "--limit", "0", "--page", "0"));
  }

  /** Argument lists left to picocli: help, unusual forms, repeats, bad values, no query. */
  static List<List<String>> refused() {
    return List.of(
        List.of(),
        List.of("ceasefire", "--help"),
        List.of("ceasefire", "-h"),
        List.of("-V"),
        List.of("ceasefire", "--version"),
        List.of("ceasefire", "-n5"),
        List.of("ceasefire", "-n=5"),
        List.of("ceasefire", "-fc"),
        List.of("--", "-ceasefire"),
        List.of("-ceasefire"),
        List.of("@args.txt"),
        List.of("ceasefire", "--limit", "-1"),
        List.of("ceasefire", "--limit", "0x10"),
        List.of("ceasefire", "--limit", "+5"),
        List.of("ceasefire", "--limit", "99999999999"),
        List.of("ceasefire", "--limit"),
        List.of("ceasefire", "--limit", "5", "-n", "6"),
        List.of("ceasefire", "--json", "--json"),
        List.of("ceasefire", "--json=true"),
        List.of("ceasefire", "--sort", "best"),
        List.of("ceasefire", "--sort="),
        List.of("ceasefire", "--color", "sometimes"),
        List.of("ceasefire", "--from", "2020-13"),
        List.of("ceasefire", "--person", "--json"),
        List.of("ceasefire", "--lim", "5"),
        List.of("ceasefire", "--unknown"),
        List.of("--json"));
  }

  @ParameterizedTest
  @MethodSource("accepted")
  void setsEveryOptionAsPicocliDoes(List<String> args) {
    SearchCommand fast = FastSearchArgs.parse(argv(args));
    assertNotNull(fast, "fast path refused " + args);
    SearchCommand slow = new SearchCommand();
    CommandLine cli = new CommandLine(slow);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.parseArgs(args.toArray(String[]::new));
    assertEquals(state(slow), state(fast), args.toString());
  }

  @ParameterizedTest
  @MethodSource("refused")
  void leavesEverythingElseToPicocli(List<String> args) {
    assertNull(FastSearchArgs.parse(argv(args)), args.toString());
  }

  @Test
  void otherCommandsAreLeftToPicocli() {
    assertNull(FastSearchArgs.parse(new String[] {"timeline", "ceasefire"}));
    assertNull(FastSearchArgs.parse(new String[] {"show", "ceasefire"}));
  }

  /** Whole runs on the test index: same exit code, stdout and stderr with and without picocli. */
  @ParameterizedTest
  @MethodSource("runs")
  void printsWhatPicocliRunPrints(List<String> args) {
    String[] argv = CliRun.onIndex(argv(args));
    CliEnvironment env = CliEnvironment.of(Map.of("COLUMNS", "100"), false);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = NewsdeskCli.run(argv, new PrintWriter(out), new PrintWriter(err), env);
    CliRun picocli = CliRun.run(env, argv);
    assertEquals(picocli.code(), code, args.toString());
    assertEquals(withoutTiming(picocli.out()), withoutTiming(out.toString()), args.toString());
    assertEquals(picocli.err(), err.toString(), args.toString());
  }

  static List<List<String>> runs() {
    return List.of(
        List.of("ceasefire"),
        List.of("ceasefire", "--json", "--facets", "--sort", "newest", "--from", "2020"),
        List.of("ceasefire", "--count"),
        List.of("ceasefire", "--ids", "-n", "2", "-p", "2", "--sort", "oldest"),
        List.of("ceasefire", "--color", "always", "--match", "any"),
        List.of("ceasefire", "--person", "Nobody Known"),
        List.of("nosuchwordanywhere"),
        List.of(""),
        List.of("ceasefire", "--page", "0"),
        List.of("ceasefire", "--from", "2021", "--to", "2020"),
        List.of("title:(unbalanced"));
  }

  /** The parts of {@code --json} output that differ from one run to the next. */
  private static String withoutTiming(String out) {
    return out.replaceAll("\"took_ms\" : \\d+", "\"took_ms\" : 0").replaceAll(" in \\d+ ms", " in 0 ms");
  }

  private static String[] argv(List<String> args) {
    List<String> all = new ArrayList<>();
    all.add("search");
    all.addAll(args);
    return all.toArray(String[]::new);
  }

  /** Everything a parsed search command holds that its run uses. */
  private static List<Object> state(SearchCommand c) {
    Object request;
    try {
      request = c.request();
    } catch (CliException e) {
      request = "CliException: " + e.getMessage();
    }
    return List.of(request, c.query, c.json, c.count, c.idsOnly, c.color, c.indexPath.resolve(), c.debug.debug);
  }
}

package org.newsdesk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs the CLI the way a user does, through {@code NewsdeskCli.run} (as {@code main}) with captured output, and holds the test
 * index: the JSON Lines part of {@code sample-corpus} (22 articles whose ids, dates and sources are given
 * explicitly, so expectations do not move with cleaning heuristics), indexed once per test JVM by {@code newsdesk
 * index}.
 *
 * @param code the exit code
 * @param out what went to stdout
 * @param err what went to stderr
 */
record CliRun(int code, String out, String err) {
  private static Path index;

  /** Runs {@code newsdesk ARGS} in a plain environment: not a terminal, no variables. */
  static CliRun run(String... args) {
    return run(CliEnvironment.of(Map.of(), false), args);
  }

  /** Runs {@code newsdesk ARGS} in the given environment. */
  static CliRun run(CliEnvironment env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    PrintWriter o = new PrintWriter(out);
    PrintWriter e = new PrintWriter(err);
    int code = NewsdeskCli.run(args, o, e, env); // as main runs it: FastSearchArgs first, then picocli
    o.flush();
    e.flush();
    return new CliRun(code, out.toString(), err.toString());
  }

  /** {@code args} followed by {@code --index} and the test index. */
  static String[] onIndex(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--index");
    all.add(index().toString());
    return all.toArray(String[]::new);
  }

  /** The repository root, as surefire passes it. */
  static Path repo() {
    return Path.of(System.getProperty("newsdesk.repo", "..")).toAbsolutePath().normalize();
  }

  /** The sample-corpus JSON Lines indexed into a temporary directory, once. */
  static synchronized Path index() {
    if (index == null) {
      try {
        Path dir = Files.createTempDirectory("newsdesk-cli-test");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
        Path jsonl = repo().resolve("sample-corpus/articles/jsonl");
        CliRun r = run("index", "--quiet", "--index", dir.toString(), jsonl.toString());
        if (r.code() != ExitCodes.OK) {
          throw new IllegalStateException("indexing " + jsonl + " failed with " + r.code() + ": " + r.err());
        }
        index = dir;
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    return index;
  }

  /** Lines of stdout. */
  List<String> lines() {
    return out.lines().toList();
  }

  private static void delete(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort in a shutdown hook; the directory is under the system temp dir
    }
  }
}

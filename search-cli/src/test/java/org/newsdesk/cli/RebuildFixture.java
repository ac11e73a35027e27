package org.newsdesk.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.newsdesk.search.NewsSearcher;
import org.newsdesk.search.SearchHit;
import org.newsdesk.search.SearchRequest;

/** Shared helpers of the rebuild tests: a small JSON Lines corpus, the CLI in-process and as a child process. */
final class RebuildFixture {
  static final String[] WORDS = ("ceasefire talks border minister election market storm harvest council summit vaccine"
      + " strike protest treaty River Bridge parliament budget drought festival").split(" ");
  /** Queries whose exact results the tests compare. */
  static final List<String> QUERIES = List.of("ceasefire", "border talks", "storm OR drought", "budget", "\"river bridge\"");

  private RebuildFixture() {}

  /** Writes {@code files} JSON Lines files of {@code perFile} articles under {@code dir}; ids are {@code a<file>-<n>}. */
  static void writeCorpus(Path dir, int files, int perFile, long seed) throws IOException {
    Files.createDirectories(dir);
    for (int f = 0; f < files; f++) {
      writeFile(dir.resolve(String.format(Locale.ROOT, "feed-%02d.jsonl", f)), "a" + f, perFile, new Random(seed + f), "");
    }
  }

  static void writeFile(Path file, String idPrefix, int n, Random random, String extraWord) throws IOException {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append(line(idPrefix + "-" + i, random, extraWord)).append('\n');
    }
    Files.writeString(file, b.toString());
  }

  static String line(String id, Random random, String extraWord) {
    StringBuilder body = new StringBuilder();
    for (int w = 0; w < 40; w++) {
      body.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
    }
    body.append(extraWord);
    return "{\"id\":\"" + id + "\",\"title\":\"Report " + id + "\",\"published\":\"2020-09-27\",\"body\":\"" + body.toString().strip() + "\"}";
  }

  /** Runs the CLI in-process; returns exit code, stdout and stderr. */
  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = NewsdeskCli.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  record Result(int code, String out, String err) {}

  /** What a searcher sees: the article count and, per query, the ids of the top 50 hits in order. */
  static List<String> snapshot(Path index) {
    try (NewsSearcher s = NewsSearcher.open(index)) {
      return snapshot(s);
    }
  }

  /**
   * What an index holds, independent of how it was built: the count and, per query, the sorted ids of every hit.
   * (Scores, and so orderings among near-ties, differ between an incrementally updated index and a fresh one,
   * because BM25 statistics count deleted documents until segments merge.)
   */
  static List<String> contents(Path index) {
    try (NewsSearcher s = NewsSearcher.open(index)) {
      List<String> out = new ArrayList<>();
      out.add("total=" + s.search(SearchRequest.of("").withLimit(1)).total());
      for (String q : QUERIES) {
        List<String> ids = new ArrayList<>();
        for (SearchHit h : s.search(SearchRequest.of(q).withLimit(SearchRequest.MAX_LIMIT)).hits()) {
          ids.add(h.id());
        }
        Collections.sort(ids);
        out.add(q + "=" + ids);
      }
      return out;
    }
  }

  /**
   * The article count a long-lived searcher serves, once it has picked up the newest commit: NewsSearcher refreshes
   * in the background (every 500 ms), so this polls for up to 30 s and returns the last count seen.
   */
  static long awaitTotal(NewsSearcher s, long expected) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    long total = s.search(SearchRequest.of("").withLimit(1)).total();
    while (total != expected && System.nanoTime() < deadline) {
      Thread.sleep(50);
      total = s.search(SearchRequest.of("").withLimit(1)).total();
    }
    return total;
  }

  static List<String> snapshot(NewsSearcher s) {
    List<String> out = new ArrayList<>();
    out.add("total=" + s.search(SearchRequest.of("").withLimit(1)).total());
    for (String q : QUERIES) {
      List<String> ids = new ArrayList<>();
      for (SearchHit h : s.search(SearchRequest.of(q).withLimit(50)).hits()) {
        ids.add(h.id());
      }
      out.add(q + "=" + s.search(SearchRequest.of(q).withLimit(1)).total() + ":" + ids);
    }
    return Collections.unmodifiableList(out);
  }

  /** A {@code newsdesk} child process with its stderr collected line by line. */
  static final class Child {
    final Process process;
    final List<String> errLines = Collections.synchronizedList(new ArrayList<>());
    private final Thread pump;

    private Child(Process process) {
      this.process = process;
      this.pump = new Thread(() -> {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
          for (String line = r.readLine(); line != null; line = r.readLine()) {
            errLines.add(line);
          }
        } catch (IOException e) {
          errLines.add("<stderr closed: " + e.getMessage() + ">");
        }
      });
      pump.setDaemon(true);
      pump.start();
    }

    /**
     * Starts {@code java -cp <test class path> org.newsdesk.cli.NewsdeskCli ARGS}, paused at {@code pauseAt}
     * (null for none) for {@code pauseMillis}.
     */
    static Child start(String pauseAt, long pauseMillis, String... args) throws IOException {
      List<String> cmd = new ArrayList<>();
      cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      cmd.add("-Xmx256m");
      cmd.add("-XX:+UseSerialGC");
      cmd.add("-XX:TieredStopAtLevel=1");
      if (pauseAt != null) {
        cmd.add("-Dnewsdesk.test.pauseAt=" + pauseAt);
        cmd.add("-Dnewsdesk.test.pauseMillis=" + pauseMillis);
        cmd.add("-Dnewsdesk.test.pauseAfterDocs=10");
      }
      cmd.add("-cp");
      cmd.add(System.getProperty("java.class.path"));
      cmd.add(NewsdeskCli.class.getName());
      cmd.addAll(List.of(args));
      ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD);
      return new Child(pb.start());
    }

    /** Waits until the child prints the marker of {@code point}; fails if it exits or takes longer than 3 minutes. */
    void awaitPoint(String point) throws InterruptedException {
      String marker = "newsdesk-test-point " + point;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
      while (System.nanoTime() < deadline) {
        synchronized (errLines) {
          if (errLines.stream().anyMatch(l -> l.equals(marker))) {
            return;
          }
        }
        assertTrue(process.isAlive(), "child exited (" + exitValueOrMinus() + ") before reaching " + point + ": " + errLines);
        Thread.sleep(20);
      }
      throw new AssertionError("child did not reach " + point + " in 180 s: " + errLines);
    }

    /** SIGKILL (destroyForcibly sends SIGKILL on Linux) and wait for it to be gone. */
    void kill() throws InterruptedException {
      process.destroyForcibly();
      assertTrue(process.waitFor(30, TimeUnit.SECONDS), "killed child did not exit");
    }

    int waitFor() throws InterruptedException {
      assertTrue(process.waitFor(300, TimeUnit.SECONDS), "child did not finish in 300 s: " + errLines);
      try {
        pump.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return process.exitValue();
    }

    private String exitValueOrMinus() {
      return process.isAlive() ? "alive" : Integer.toString(process.exitValue());
    }
  }
}

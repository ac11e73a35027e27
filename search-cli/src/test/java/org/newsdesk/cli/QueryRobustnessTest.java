package org.newsdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile queries through {@code newsdesk search}, as a user types them: each one ends in exit code 2 with exactly one
 * line on stderr (naming the position where that applies) and no stack trace, in bounded time and memory (allocation
 * on the searching thread measured); a page past the end exits 1 with a note. The limits are in docs/robustness.md.
 */
class QueryRobustnessTest {
  /** Wall-clock bound per search on a loaded machine; a blow-up would take minutes or exhaust the heap. */
  private static final long MAX_MILLIS = 30_000;
  /** Allocation bound per search (the heap is 2 GB): a 1 MB query must not be copied into hundreds of MB. */
  private static final long MAX_ALLOCATED = 256L << 20;
  private static final AtomicInteger SEARCHES = new AtomicInteger();
  private static final AtomicInteger ERRORS = new AtomicInteger();

  @AfterAll
  static void figures() {
    System.out.printf(Locale.ROOT, "hostile queries: %d searches run, %d one-line errors%n", SEARCHES.get(), ERRORS.get());
  }

  @Test
  void unbalancedQuotesAndParenthesesNameThePosition() {
    assertRejected("at position 10", "the quote opened here is never closed", "ceasefire \"cease fire");
    assertRejected("at position 0", "'(' here is never closed", "(ceasefire OR talks");
    assertRejected("at position 9", "')' without a matching '('", "ceasefire) talks");
  }

  @Test
  void leadingWildcardsAreRefusedWithTheirPosition() {
    assertRejected("at position 0", "cannot start a term", "*fire");
    assertRejected("at position 0", "cannot start a term", "?easefire");
    assertRejected("at position 0", "cannot start a term", "*");
  }

  @Test
  void regularExpressionsAndWildcardsBuiltToBlowUpAreRefused() {
    // A DFA for "an a, then 40 more letters" has 2^40 states; Lucene's determinize limit stops it at once.
    assertRejected("bad query:", "too complex", "/[ac]*a[ac]{40}/");
    assertRejected("bad query:", "too complex", "title:/[xy]*y[xy]{30}/");
    assertRejected("bad query:", "too complex", "a*b" + "?".repeat(24));
  }

  @Test
  void wildcardsThatMatchEverythingRunBounded() {
    // Not errors: expansions are capped at 256 terms per field, so these are cheap however large the index.
    for (String q : List.of("c*", "/.*/", "a*e*i*o*u*", "ceasfire~2")) {
      CliRun r = timed(CliRun.onIndex("search", q, "--count"));
      assertTrue(r.code() == 0 || r.code() == 1, q + " runs: " + r.err());
      assertTrue(r.err().isEmpty(), r.err());
    }
  }

  @Test
  void tenThousandOrClausesAndAOneMegabyteQueryAreRefusedCheaply() {
    String ors = IntStream.range(0, 10_000).mapToObj(i -> "w" + i).collect(Collectors.joining(" OR "));
    assertRejected("at position 2000", "longer than 2000 characters", ors);
    assertRejected("at position 2000", "longer than 2000 characters", "a".repeat(1 << 20));
    assertRejected("at position 2000", "longer than 2000 characters", "ceasefire ".repeat(110_000));
  }

  @Test
  void tooManyClausesAfterAnalysisIsRefused() {
    // Within 2000 characters, but one hyphenated run analyses to 901 terms, searched on title and body: 1802 clauses.
    String many = "7-".repeat(900) + "7";
    assertTrue(many.length() <= 2000, "" + many.length());
    assertRejected("bad query:", "too many clauses (the limit is 1024 terms)", many);
  }

  @Test
  void controlCharactersAreRefusedAndNeverEchoedRaw() {
    assertRejected("at position 9", "control character U+0007", "ceasefire\u0007");
    assertRejected("at position 0", "control character U+001B", "\u001b[31mceasefire");
    assertRejected("at position 3", "control character U+0000", "abc\u0000def");
    // A newline is whitespace, but the message stays on one line even when it quotes a query holding one.
    CliRun r = assertRejected("at position 10", "never closed", "ceasefire\n\"talks");
    assertTrue(r.err().contains("\\u000A"), "the newline is shown escaped: " + r.err());
  }

  @Test
  void emptyQueryIsAnError() {
    assertRejected("empty query", "give at least one word", "");
    assertRejected("empty query", "give at least one word", "   ");
    // With a filter, an empty query means "everything that passes the filter".
    CliRun filtered = timed(CliRun.onIndex("search", "", "--from", "2020-09", "--count"));
    assertEquals(0, filtered.code(), filtered.err());
  }

  @Test
  void limitZeroAndAHugeLimitAreRefused() {
    assertOneLineError(timed(CliRun.onIndex("search", "ceasefire", "--limit", "0")), "limit must be between 1 and 1000, got 0");
    assertOneLineError(timed(CliRun.onIndex("search", "ceasefire", "--limit", "10000000")), "limit must be between 1 and 1000, got 10000000");
    assertOneLineError(timed(CliRun.onIndex("search", "ceasefire", "--page", "0")), "--page must be 1 or more");
    assertOneLineError(timed(CliRun.onIndex("search", "ceasefire", "--page", "2000000")), "too deep");
  }

  @Test
  void aPageBeyondTheEndExitsOneWithANote() {
    CliRun first = timed(CliRun.onIndex("search", "ceasefire", "--count"));
    assertEquals(0, first.code());
    long total = Long.parseLong(first.out().strip());
    CliRun past = timed(CliRun.onIndex("search", "ceasefire", "--page", "500"));
    assertEquals(1, past.code(), "a page past the last hit shows nothing: exit 1");
    assertTrue(past.out().contains(total + " hits") && past.out().contains("past the last hit"), past.out());
    assertTrue(past.err().isEmpty(), past.err());
    CliRun json = timed(CliRun.onIndex("search", "ceasefire", "--page", "500", "--json"));
    assertEquals(1, json.code());
    assertTrue(json.out().contains("\"hits\" : [ ]") && json.out().contains("\"total\" : " + total), json.out());
  }

  /** Runs a search expecting exit 2 and one stderr line holding every fragment; returns the run. */
  private static CliRun assertRejected(String where, String reason, String query) {
    CliRun r = timed(CliRun.onIndex("search", query));
    assertOneLineError(r, where, reason);
    return r;
  }

  private static void assertOneLineError(CliRun r, String... fragments) {
    assertEquals(2, r.code(), "exit code; stderr: " + r.err() + " stdout: " + abbreviate(r.out()));
    List<String> lines = r.err().lines().toList();
    assertEquals(1, lines.size(), "exactly one line on stderr: " + r.err());
    String line = lines.get(0);
    assertTrue(line.startsWith("newsdesk: "), line);
    for (String f : fragments) {
      assertTrue(line.contains(f), "'" + f + "' in: " + line);
    }
    assertFalse(line.contains("Exception") || line.contains("\tat ") || line.contains("org.apache"), "no stack trace or class names: " + line);
    assertTrue(line.length() < 400, "short enough for a terminal: " + line.length());
    assertTrue(r.out().isEmpty(), "nothing on stdout: " + r.out());
    ERRORS.incrementAndGet();
  }

  /** Runs the CLI, checking the wall time and the bytes allocated on this thread (the search runs on it). */
  private static CliRun timed(String... args) {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long id = Thread.currentThread().getId();
    long bytes = threads.getThreadAllocatedBytes(id);
    long start = System.nanoTime();
    CliRun r = CliRun.run(args);
    long millis = (System.nanoTime() - start) / 1_000_000;
    long allocated = threads.getThreadAllocatedBytes(id) - bytes;
    SEARCHES.incrementAndGet();
    assertTrue(millis < MAX_MILLIS, "took " + millis + " ms: " + abbreviate(String.join(" ", args)));
    assertTrue(allocated < MAX_ALLOCATED, "allocated " + (allocated >> 20) + " MB");
    return r;
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }
}

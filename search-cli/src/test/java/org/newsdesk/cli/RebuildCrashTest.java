package org.newsdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILLs a real {@code newsdesk rebuild} child process at named points and checks each time that the previous
 * index is fully searchable with the same results, and that the next rebuild then completes with no manual cleanup.
 */
class RebuildCrashTest {
  @TempDir Path tmp;

  @Test
  void killedRebuildLeavesThePreviousIndexAndTheNextRebuildCompletes() throws Exception {
    Path src = tmp.resolve("src");
    Path index = tmp.resolve("index");
    RebuildRunner.writeVersion1(src);
    assertEquals(0, RebuildFixture.run("rebuild", src.toString(), "--index", index.toString(), "-q").code());
    List<String> before = RebuildFixture.snapshot(index);
    assertEquals("total=" + RebuildRunner.V1_ARTICLES, before.get(0));

    RebuildRunner.applyVersion2(src);
    for (String point : List.of("scanned", "mid-batch", "manifest-written", "during-commit")) {
      RebuildFixture.Child child = RebuildFixture.Child.start(point, 600_000, "rebuild", src.toString(), "--index",
          index.toString(), "--ram-mb", "1", "--threads", "2");
      child.awaitPoint(point);
      child.kill();
      assertEquals(before, RebuildFixture.snapshot(index), "after SIGKILL at " + point + " searchers must see the previous index");
      RebuildFixture.Result check = RebuildFixture.run("check", "--index", index.toString());
      assertEquals(0, check.code(), "check after SIGKILL at " + point + ": " + check.err());
    }

    // The next rebuild needs no cleanup: no lock blocks it, leftovers are removed, and it does the whole change.
    RebuildFixture.Result next = RebuildFixture.run("rebuild", src.toString(), "--index", index.toString(), "--json", "-q");
    assertEquals(0, next.code(), next.err());
    JsonNode report = Json.MAPPER.readTree(next.out());
    assertEquals("incremental", report.get("mode").asText());
    assertEquals(RebuildRunner.V2_ADDED, report.get("added").asLong());
    assertEquals(RebuildRunner.V2_UPDATED, report.get("updated").asLong());
    assertEquals(RebuildRunner.V2_DELETED, report.get("deleted").asLong());

    // Same results as a from-scratch build of the new sources.
    Path fresh = tmp.resolve("fresh");
    assertEquals(0, RebuildFixture.run("rebuild", src.toString(), "--index", fresh.toString(), "-q").code());
    assertEquals(RebuildFixture.contents(fresh), RebuildFixture.contents(index));
    try (var files = Files.list(index)) {
      long manifests = files.filter(f -> f.getFileName().toString().startsWith("newsdesk-manifest-")).count();
      assertTrue(manifests <= 2, "only the kept generations' manifests remain, found " + manifests);
    }

    // Killed right after its commit (here a --full rebuild): the new generation is complete and the next run has nothing to do.
    RebuildFixture.Child full = RebuildFixture.Child.start("committed", 600_000, "rebuild", src.toString(), "--index",
        index.toString(), "--full");
    full.awaitPoint("committed");
    full.kill();
    assertEquals(RebuildFixture.contents(fresh), RebuildFixture.contents(index));
    RebuildFixture.Result again = RebuildFixture.run("rebuild", src.toString(), "--index", index.toString(), "--json", "-q");
    assertEquals(0, again.code(), again.err());
    JsonNode quiet = Json.MAPPER.readTree(again.out());
    assertEquals(0, quiet.get("added").asLong() + quiet.get("updated").asLong() + quiet.get("deleted").asLong(), quiet.toString());
  }

  /** Version 1 and 2 of the test sources, and what a rebuild from one to the other must do. */
  static final class RebuildRunner {
    static final int FILES = 6;
    static final int PER_FILE = 50;
    static final long V1_ARTICLES = FILES * PER_FILE;
    /** feed-06 is new (30 articles). */
    static final long V2_ADDED = 30;
    /** 5 lines of feed-00 rewritten. */
    static final long V2_UPDATED = 5;
    /** feed-05 removed (50) and 3 lines dropped from feed-01. */
    static final long V2_DELETED = 53;

    private RebuildRunner() {}

    static void writeVersion1(Path src) throws Exception {
      RebuildFixture.writeCorpus(src, FILES, PER_FILE, 42);
    }

    static void applyVersion2(Path src) throws Exception {
      Path f0 = src.resolve("feed-00.jsonl");
      List<String> lines = new java.util.ArrayList<>(Files.readAllLines(f0));
      Random r = new Random(7);
      for (int i = 0; i < 5; i++) {
        lines.set(i * 7, RebuildFixture.line("a0-" + (i * 7), r, "amended"));
      }
      Files.write(f0, lines);
      Path f1 = src.resolve("feed-01.jsonl");
      List<String> l1 = new java.util.ArrayList<>(Files.readAllLines(f1));
      l1.remove(10);
      l1.remove(20);
      l1.remove(30);
      Files.write(f1, l1);
      Files.delete(src.resolve("feed-05.jsonl"));
      RebuildFixture.writeFile(src.resolve("feed-06.jsonl"), "a6", 30, new Random(99), "newcomer");
    }
  }
}

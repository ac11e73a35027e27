package org.newsdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.search.NewsSearcher;
import org.newsdesk.search.SearchRequest;

/**
 * Searches keep working while a rebuild runs in another process: a long-lived embedded searcher in several threads
 * and CLI searches all succeed, only ever see a whole generation (old or new, never a mix), and the embedded searcher
 * serves the new generation once the rebuild has committed (within its background refresh), without being reopened.
 */
class SearchDuringRebuildTest {
  @TempDir Path tmp;

  @Test
  void searchersNeverFailAndSeeTheNewIndexAfterTheCommit() throws Exception {
    Path src = tmp.resolve("src");
    Path index = tmp.resolve("index");
    RebuildCrashTest.RebuildRunner.writeVersion1(src);
    assertEquals(0, RebuildFixture.run("rebuild", src.toString(), "--index", index.toString(), "-q").code());
    long v1 = RebuildCrashTest.RebuildRunner.V1_ARTICLES;
    long v2 = v1 + RebuildCrashTest.RebuildRunner.V2_ADDED - RebuildCrashTest.RebuildRunner.V2_DELETED;
    RebuildCrashTest.RebuildRunner.applyVersion2(src);

    List<Throwable> failures = new CopyOnWriteArrayList<>();
    Set<Long> totalsSeen = ConcurrentHashMap.newKeySet();
    AtomicLong searches = new AtomicLong();
    AtomicLong cliSearches = new AtomicLong();
    AtomicBoolean stop = new AtomicBoolean();
    try (NewsSearcher shared = NewsSearcher.open(index)) {
      List<Thread> threads = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        threads.add(new Thread(() -> {
          while (!stop.get()) {
            try {
              totalsSeen.add(shared.search(SearchRequest.of("").withLimit(1)).total());
              assertTrue(shared.search(SearchRequest.of("ceasefire OR budget").withLimit(20)).total() > 0);
              searches.incrementAndGet();
            } catch (Throwable t) {
              failures.add(t);
            }
          }
        }));
      }
      threads.add(new Thread(() -> {
        while (!stop.get()) {
          try {
            RebuildFixture.Result r = RebuildFixture.run("search", "ceasefire", "--index", index.toString(), "--json");
            if (r.code() != 0) {
              failures.add(new AssertionError("CLI search exit " + r.code() + ": " + r.err()));
            }
            cliSearches.incrementAndGet();
          } catch (Throwable t) {
            failures.add(t);
          }
        }
      }));
      threads.forEach(Thread::start);

      // The rebuild pauses 2 s in the middle of its commit (prepared, not yet published), then finishes.
      RebuildFixture.Child child = RebuildFixture.Child.start("during-commit", 2_000, "rebuild", src.toString(), "--index",
          index.toString(), "--threads", "1");
      child.awaitPoint("during-commit");
      long duringCommit = searches.get();
      assertEquals(v1, shared.search(SearchRequest.of("").withLimit(1)).total(), "before the commit searchers see the old generation");
      assertEquals(0, child.waitFor(), "rebuild: " + child.errLines);
      assertEquals(v2, RebuildFixture.awaitTotal(shared, v2), "the embedded searcher serves the new generation, without reopening");
      long afterRebuild = searches.get();
      stop.set(true);
      for (Thread t : threads) {
        t.join(30_000);
      }

      assertTrue(failures.isEmpty(), "searches failed during the rebuild: " + failures);
      assertTrue(afterRebuild > duringCommit, "searches ran while the rebuild was committing");
      assertTrue(cliSearches.get() > 0, "CLI searches ran during the rebuild");
      assertTrue(Set.of(v1, v2).containsAll(totalsSeen), "searchers only ever saw a whole generation: " + totalsSeen);
    }
  }
}

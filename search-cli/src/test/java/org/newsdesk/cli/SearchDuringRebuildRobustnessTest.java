package org.newsdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
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
 * While rebuilds run (a {@code --full} one, which rewrites every article, then an incremental one with adds, updates
 * and deletes), 8 threads search in a loop: 6 on one long-lived embedded searcher with every kind of request (terms,
 * phrases, wildcards, filters, facets, date sorts, deep pages), 2 through the CLI, which opens the index anew each
 * time. No search may fail, and every match-all count must be a whole generation's.
 */
class SearchDuringRebuildRobustnessTest {
  private static final int THREADS = 8;

  @TempDir Path tmp;

  @Test
  void eightThreadsSearchWhileTheIndexIsRebuiltAndNoSearchFails() throws Exception {
    Path src = tmp.resolve("src");
    Path index = tmp.resolve("index");
    RebuildCrashTest.RebuildRunner.writeVersion1(src);
    assertEquals(0, RebuildFixture.run("rebuild", src.toString(), "--index", index.toString(), "-q").code());
    long v1 = RebuildCrashTest.RebuildRunner.V1_ARTICLES;
    long v2 = v1 + RebuildCrashTest.RebuildRunner.V2_ADDED - RebuildCrashTest.RebuildRunner.V2_DELETED;

    List<SearchRequest> requests = List.of(
        SearchRequest.of("ceasefire"),
        SearchRequest.of("\"river bridge\"").withSort(SearchRequest.SortOrder.NEWEST),
        SearchRequest.of("bord* OR summi?"),
        SearchRequest.of("budget").withFacets(EnumSet.allOf(SearchRequest.Facet.class), SearchRequest.DateInterval.MONTH),
        SearchRequest.of("storm talks").withMatch(SearchRequest.MatchMode.ANY).withOffset(40).withLimit(20),
        SearchRequest.of("published:[2020-09-01 TO 2020-09-30] AND harvest").withSort(SearchRequest.SortOrder.OLDEST),
        SearchRequest.of("ceasfire"));
    List<Throwable> failures = new CopyOnWriteArrayList<>();
    Set<Long> totals = ConcurrentHashMap.newKeySet();
    AtomicLong searches = new AtomicLong();
    AtomicBoolean stop = new AtomicBoolean();
    List<Thread> threads = new ArrayList<>();
    try (NewsSearcher shared = NewsSearcher.open(index)) {
      for (int t = 0; t < THREADS; t++) {
        boolean cli = t >= THREADS - 2;
        int first = t;
        threads.add(new Thread(() -> {
          for (int i = first; !stop.get(); i++) {
            try {
              if (cli) {
                RebuildFixture.Result r = RebuildFixture.run("search", "ceasefire OR budget", "--index", index.toString(), "--json");
                if (r.code() != 0) {
                  failures.add(new AssertionError("CLI search exit " + r.code() + ": " + r.err()));
                }
              } else {
                totals.add(shared.search(SearchRequest.of("").withLimit(1)).total());
                shared.search(requests.get(i % requests.size()));
              }
              searches.incrementAndGet();
            } catch (Throwable e) {
              failures.add(e);
            }
          }
        }, "searcher-" + t));
      }
      threads.forEach(Thread::start);

      RebuildFixture.Result full = RebuildFixture.run("rebuild", src.toString(), "--index", index.toString(), "--full", "-q",
          "--ram-mb", "1");
      assertEquals(0, full.code(), full.err());
      RebuildCrashTest.RebuildRunner.applyVersion2(src);
      RebuildFixture.Result incremental = RebuildFixture.run("rebuild", src.toString(), "--index", index.toString(), "-q");
      assertEquals(0, incremental.code(), incremental.err());
      long deadline = System.currentTimeMillis() + 10_000;
      while (System.currentTimeMillis() < deadline && shared.search(SearchRequest.of("").withLimit(1)).total() != v2) {
        Thread.sleep(100);
      }
      stop.set(true);
      for (Thread t : threads) {
        t.join(60_000);
      }
      assertEquals(v2, shared.search(SearchRequest.of("").withLimit(1)).total(), "the embedded searcher sees the new index");
    }
    assertTrue(failures.isEmpty(), failures.size() + " searches failed, first: " + (failures.isEmpty() ? "" : failures.get(0)));
    assertTrue(searches.get() >= THREADS, "every thread searched: " + searches.get());
    assertTrue(Set.of(v1, v2).containsAll(totals), "every count is a whole generation's: " + totals);
    System.out.printf(Locale.ROOT, "concurrency: %d searches in %d threads during 2 rebuilds, 0 failed%n", searches.get(), THREADS);
  }
}

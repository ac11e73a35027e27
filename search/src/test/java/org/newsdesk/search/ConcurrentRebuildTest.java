package org.newsdesk.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.model.Article;

/** Searches keep working while another process replaces the index, and the searcher sees each new commit by itself. */
class ConcurrentRebuildTest {
  @TempDir Path dir;

  @Test
  void searchesInFlightNeverFailAndNewCommitsShowUpWithinSeconds() throws Exception {
    List<Article> full = Fixtures.articles();
    List<Article> half = full.subList(0, 4);
    Fixtures.writeIndex(dir, full);
    try (NewsSearcher searcher = NewsSearcher.open(dir)) {
      AtomicBoolean stop = new AtomicBoolean();
      AtomicLong searches = new AtomicLong();
      ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
      List<Thread> threads = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        Thread thread = new Thread(() -> {
          while (!stop.get()) {
            try {
              SearchResults r = searcher.search(SearchRequest.of("ceasefire OR armenia OR putin")
                  .withFacets(java.util.Set.of(SearchRequest.Facet.LOCATION), SearchRequest.DateInterval.MONTH));
              // Either the whole collection or its first half: never a broken mixture.
              assertTrue(r.total() == 6 || r.total() == 4, "total " + r.total());
              searches.incrementAndGet();
            } catch (Throwable e) {
              failures.add(e);
            }
          }
        });
        thread.start();
        threads.add(thread);
      }
      for (int round = 0; round < 6; round++) {
        List<Article> next = round % 2 == 0 ? half : full;
        Fixtures.writeIndex(dir, next);
        waitUntilTotal(searcher, round % 2 == 0 ? 4 : 6);
      }
      stop.set(true);
      for (Thread t : threads) {
        t.join();
      }
      assertEquals(List.of(), new ArrayList<>(failures));
      assertTrue(searches.get() > 0);
      assertEquals(0, searcher.refreshFailures(), String.valueOf(searcher.lastRefreshFailure()));
    }
  }

  private static void waitUntilTotal(NewsSearcher searcher, long expected) throws InterruptedException {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (searcher.search(SearchRequest.of("ceasefire OR armenia OR putin")).total() != expected) {
      assertTrue(System.nanoTime() < deadline, "the new commit was not visible within 5 seconds");
      Thread.sleep(50);
    }
  }
}

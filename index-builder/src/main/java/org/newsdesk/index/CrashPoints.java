package org.newsdesk.index;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Named points of a build where a crash test can stop the builder: with the system property
 * {@code newsdesk.test.pauseAt=NAME} the builder prints {@code newsdesk-test-point NAME} on stderr when it gets
 * there and sleeps ({@code newsdesk.test.pauseMillis}, default 10 minutes) so that the test can kill it at that exact
 * moment. Without the property this costs one field read per point.
 *
 * <p>Points, in order: {@code scanned} (inputs listed, nothing written), {@code mid-batch} (after
 * {@code newsdesk.test.pauseAfterDocs} documents, default 1, were handed to the writer), {@code manifest-written}
 * (the new manifest is on disk, not yet committed), {@code during-commit} (Lucene's prepareCommit has written and
 * synced the pending segments file, the commit is not yet published), {@code committed}.
 */
final class CrashPoints {
  static final String PROPERTY = "newsdesk.test.pauseAt";
  static final String MARKER = "newsdesk-test-point ";

  private static final String PAUSE_AT = System.getProperty(PROPERTY);
  private static final long PAUSE_MILLIS = Long.getLong("newsdesk.test.pauseMillis", 600_000L);
  private static final long PAUSE_AFTER_DOCS = Long.getLong("newsdesk.test.pauseAfterDocs", 1L);
  private static final AtomicBoolean REACHED = new AtomicBoolean();

  private CrashPoints() {}

  /** Pauses here if a test asked to. */
  static void reach(String point) {
    if (PAUSE_AT == null || !PAUSE_AT.equals(point) || !REACHED.compareAndSet(false, true)) {
      return;
    }
    System.err.println(MARKER + point);
    System.err.flush();
    try {
      Thread.sleep(PAUSE_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The mid-batch point, reached once {@code docsWritten} reaches the configured count. */
  static void afterDocument(long docsWritten) {
    if (PAUSE_AT != null && docsWritten >= PAUSE_AFTER_DOCS) {
      reach("mid-batch");
    }
  }
}

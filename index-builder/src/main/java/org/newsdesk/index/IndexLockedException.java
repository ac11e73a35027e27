package org.newsdesk.index;

/** Another builder holds the index's write lock: only one index or rebuild runs on an index at a time. */
public final class IndexLockedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public IndexLockedException(String message, Throwable cause) {
    super(message, cause);
  }
}

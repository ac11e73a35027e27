package org.newsdesk.index;

/** The index is not in a state the operation needs (no index, nothing to roll back to, corrupt); the message says what to do. */
public final class IndexStateException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public IndexStateException(String message) {
    super(message);
  }

  public IndexStateException(String message, Throwable cause) {
    super(message, cause);
  }
}

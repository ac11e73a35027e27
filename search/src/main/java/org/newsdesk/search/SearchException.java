package org.newsdesk.search;

/** The search library's own failure: the index cannot be opened or searched. The message is fit for a terminal. */
public class SearchException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SearchException(String message) {
    super(message);
  }

  public SearchException(String message, Throwable cause) {
    super(message, cause);
  }
}

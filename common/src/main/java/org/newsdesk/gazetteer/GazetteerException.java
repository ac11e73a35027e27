package org.newsdesk.gazetteer;

/** A gazetteer file that cannot be used; the message names the file, the entry and the reason. */
public final class GazetteerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public GazetteerException(String message) {
    super(message);
  }

  public GazetteerException(String message, Throwable cause) {
    super(message, cause);
  }
}

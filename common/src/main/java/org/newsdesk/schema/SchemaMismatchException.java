package org.newsdesk.schema;

/** The index on disk was written with another schema version than this code reads. The message names the fix. */
public final class SchemaMismatchException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SchemaMismatchException(String message) {
    super(message);
  }
}

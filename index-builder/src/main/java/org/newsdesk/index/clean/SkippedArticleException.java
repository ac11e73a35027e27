package org.newsdesk.index.clean;

import org.newsdesk.index.corpus.InputProblem;

/** An article that cannot be indexed, with the reason; counted, never fatal to the run. */
public final class SkippedArticleException extends Exception {
  private static final long serialVersionUID = 1L;
  private final InputProblem.Kind kind;

  public SkippedArticleException(InputProblem.Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  /** Why it was skipped, for counting. */
  public InputProblem.Kind kind() {
    return kind;
  }
}

package org.newsdesk.index.corpus;

/** Receives the problems found while reading or cleaning; implementations must be thread-safe. */
@FunctionalInterface
public interface ProblemSink {
  void report(InputProblem problem);
}

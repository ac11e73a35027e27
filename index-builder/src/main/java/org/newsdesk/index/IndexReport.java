package org.newsdesk.index;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.newsdesk.index.corpus.InputProblem;

/**
 * What an index or rebuild run did.
 *
 * @param added articles new to the index
 * @param updated articles whose content changed
 * @param unchanged articles already indexed with the same content hash
 * @param deleted articles removed because their source is gone
 * @param skipped inputs that were not indexed, by reason
 * @param problems every problem, with location and reason (skipped inputs and flags such as undated)
 * @param files input files read
 * @param duration wall-clock time of the run
 */
public record IndexReport(
    long added,
    long updated,
    long unchanged,
    long deleted,
    Map<InputProblem.Kind, Long> skipped,
    List<InputProblem> problems,
    long files,
    Duration duration) {

  public IndexReport {
    skipped = Map.copyOf(skipped);
    problems = List.copyOf(problems);
  }

  /** Total inputs skipped. */
  public long skippedTotal() {
    return skipped.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Articles indexed by this run (added plus updated). */
  public long indexed() {
    return added + updated;
  }
}

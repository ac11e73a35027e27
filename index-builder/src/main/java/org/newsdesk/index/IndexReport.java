package org.newsdesk.index;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.newsdesk.index.corpus.InputProblem;

/**
 * What an index or rebuild run did.
 *
 * @param added articles new to the index
 * @param updated articles whose content changed (or that were re-processed: full rebuild, gazetteer change)
 * @param unchanged articles already indexed with the same content hash, neither cleaned nor analysed again
 * @param deleted articles removed because their source is gone (rebuild only)
 * @param skipped inputs that were not indexed, by reason (in the order of {@link InputProblem.Kind})
 * @param problems every problem, with location and reason (skipped inputs and flags such as undated), in
 *     {@link InputProblem#BY_LOCATION} order
 * @param files input files found
 * @param filesUnchanged of those, files skipped without parsing because their size and time (or hash) had not changed
 * @param mode what the run decided to do and why: {@code incremental}, {@code full (--full)}, {@code full (schema …)},
 *     {@code re-tag (gazetteer changed)}, {@code new index}, {@code inspect}
 * @param generation the Lucene commit generation the run committed, or -1 if it committed nothing (no change)
 * @param duration wall-clock time of the run
 * @param cpu the CPU time the run spent, by stage ({@link BuildCpu#NONE} when the JVM cannot measure it)
 */
public record IndexReport(
    long added,
    long updated,
    long unchanged,
    long deleted,
    Map<InputProblem.Kind, Long> skipped,
    List<InputProblem> problems,
    long files,
    long filesUnchanged,
    String mode,
    long generation,
    Duration duration,
    BuildCpu cpu) {

  public IndexReport {
    // In a stable order, whatever order the workers met them in: skip counts by kind, problems by location.
    EnumMap<InputProblem.Kind, Long> byKind = new EnumMap<>(InputProblem.Kind.class);
    skipped.forEach((kind, count) -> byKind.put(Objects.requireNonNull(kind), Objects.requireNonNull(count)));
    skipped = Collections.unmodifiableMap(byKind);
    List<InputProblem> inOrder = new ArrayList<>(problems);
    inOrder.sort(InputProblem.BY_LOCATION);
    problems = List.copyOf(inOrder);
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(cpu, "cpu");
  }

  /** Total inputs skipped. */
  public long skippedTotal() {
    return skipped.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Articles indexed by this run (added plus updated). */
  public long indexed() {
    return added + updated;
  }

  /** True if the run committed a new generation. */
  public boolean committed() {
    return generation >= 0;
  }
}

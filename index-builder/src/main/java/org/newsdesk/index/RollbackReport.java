package org.newsdesk.index;

import java.time.Duration;
import java.util.Objects;

/**
 * What {@code rollback} did.
 *
 * @param from the generation that was current before
 * @param to the generation that is current now (its content, committed anew as the newest commit)
 * @param duration wall-clock time taken
 */
public record RollbackReport(Generation from, Generation to, Duration duration) {
  public RollbackReport {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(duration, "duration");
  }
}

package org.newsdesk.index;

import java.time.Duration;
import java.util.Objects;

/**
 * The CPU time a build spent, by stage: what a user reads to see what a build of their inputs costs, and what the
 * benchmarks read to tell cleaning's share of a real {@code newsdesk index} from its other work. Each stage is the
 * CPU time of the threads doing it (the JVM's per-thread clock), summed over threads, so two workers busy for one
 * second each add two seconds.
 *
 * @param read the reading thread: walking the inputs, decompressing, decoding, splitting them into articles,
 *     hashing (and parsing JSON Lines)
 * @param clean the workers cleaning articles: HTML extraction, boilerplate and dateline removal, normalization,
 *     ids, language detection
 * @param tag the workers tagging entities
 * @param index the workers turning articles into documents and adding them to the index writer: analysis, the
 *     flushes of full buffers that happen inside an add, and the flushes of the last buffers once every article is
 *     added (the same work, left for the end)
 * @param commit the run's own thread deleting what vanished, re-tagging after a gazetteer change, and committing
 * @param process the whole JVM over the run: the stages above, plus JIT compilation, garbage collection,
 *     background merges and anything else the process ran meanwhile, to the operating system's clock tick (10 ms on
 *     Linux); {@link Duration#ZERO} where the JVM cannot say
 * @param measured false when the JVM offers no per-thread CPU clock: then every stage is zero
 */
public record BuildCpu(Duration read, Duration clean, Duration tag, Duration index, Duration commit, Duration process,
    boolean measured) {

  /** Nothing measured. */
  public static final BuildCpu NONE = new BuildCpu(Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO,
      Duration.ZERO, Duration.ZERO, false);

  public BuildCpu {
    Objects.requireNonNull(read, "read");
    Objects.requireNonNull(clean, "clean");
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(index, "index");
    Objects.requireNonNull(commit, "commit");
    Objects.requireNonNull(process, "process");
  }

  /** The workers' CPU per article: cleaning, tagging and indexing. */
  public Duration workers() {
    return clean.plus(tag).plus(index);
  }

  /** Cleaning's share of the workers' per-article CPU ({@link #workers()}), 0 to 1; NaN when they spent none. */
  public double cleanShareOfWorkers() {
    long all = workers().toNanos();
    return all == 0 ? Double.NaN : (double) clean.toNanos() / all;
  }
}

package org.newsdesk.index;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.newsdesk.index.clean.SkippedArticleException;
import org.newsdesk.index.corpus.InputProblem;
import org.newsdesk.index.corpus.ProblemSink;

/** Thread-safe counts of a run; every problem is kept and forwarded as it arrives. */
final class BuildCounters implements ProblemSink {
  final AtomicLong added = new AtomicLong();
  final AtomicLong updated = new AtomicLong();
  final AtomicLong unchanged = new AtomicLong();
  final AtomicLong deleted = new AtomicLong();
  final AtomicLong files = new AtomicLong();
  final AtomicLong filesUnchanged = new AtomicLong();
  /** CPU nanoseconds by stage ({@link BuildCpu}), added to by the threads doing each. */
  final LongAdder readCpu = new LongAdder();
  final LongAdder cleanCpu = new LongAdder();
  final LongAdder tagCpu = new LongAdder();
  final LongAdder indexCpu = new LongAdder();
  final LongAdder commitCpu = new LongAdder();
  /** The process's CPU clock when the run started, or -1 when the JVM does not report it. */
  private final long processCpuAtStart = CpuClock.process();
  private final Map<InputProblem.Kind, Long> skipped = new EnumMap<>(InputProblem.Kind.class);
  private final List<InputProblem> problems = new ArrayList<>();
  private final ProblemSink forward;

  BuildCounters(ProblemSink forward) {
    this.forward = forward;
  }

  @Override
  public void report(InputProblem problem) {
    synchronized (this) {
      problems.add(problem);
      if (problem.skipped()) {
        skipped.merge(problem.kind(), 1L, Long::sum);
      }
    }
    forward.report(problem);
  }

  void skip(String origin, SkippedArticleException e) {
    report(new InputProblem(origin, e.kind(), e.getMessage(), true));
  }

  synchronized IndexReport report(String mode, long generation, Duration duration) {
    return new IndexReport(added.get(), updated.get(), unchanged.get(), deleted.get(), skipped, problems, files.get(),
        filesUnchanged.get(), mode, generation, duration, cpu());
  }

  /** The stage times so far. */
  private BuildCpu cpu() {
    if (!CpuClock.SUPPORTED) {
      return BuildCpu.NONE;
    }
    long processNow = processCpuAtStart < 0 ? -1 : CpuClock.process();
    return new BuildCpu(Duration.ofNanos(readCpu.sum()), Duration.ofNanos(cleanCpu.sum()),
        Duration.ofNanos(tagCpu.sum()), Duration.ofNanos(indexCpu.sum()), Duration.ofNanos(commitCpu.sum()),
        processNow < 0 ? Duration.ZERO : Duration.ofNanos(processNow - processCpuAtStart), true);
  }
}

package org.newsdesk.cli;

import java.io.PrintStream;
import java.time.temporal.ChronoUnit;
import java.util.function.LongConsumer;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Model.CommandSpec;

/**
 * A progress bar for long work (index, rebuild) on stderr: articles done, articles per second and ETA, drawn by
 * me.tongfei progressbar. It is shown only when stderr is a terminal and the command is not quiet; otherwise every
 * method does nothing, so piped and scripted runs stay silent and the progress-bar classes are never loaded.
 *
 * <p>The hook for commands, used from any number of worker threads:
 * <pre>{@code
 * try (ProgressDisplay progress = ProgressDisplay.open("indexing", -1, spec, quiet)) {
 *   progress.total(files.size());            // when the amount of work becomes known (or changes)
 *   IndexBuilder.index(paths, options, ...,   // the builder reports each article (or batch) done:
 *       progress.callback());                 //   a LongConsumer: accept(n) = n more done
 *   progress.message("committing");           // optional text after the bar
 * }                                           // close() draws the final state and ends the line
 * }</pre>
 * Thread-safe: the underlying bar keeps its counts atomically and redraws from its own thread.
 */
public final class ProgressDisplay implements AutoCloseable {
  private static final ProgressDisplay OFF = new ProgressDisplay(null);

  private final ProgressBar bar;

  private ProgressDisplay(ProgressBar bar) {
    this.bar = bar;
  }

  /**
   * A progress display for the command in {@code spec}: shown when its stderr is a terminal and {@code quiet} is
   * false.
   *
   * @param task what is being done, such as {@code indexing}
   * @param expectedTotal how many articles are expected, or -1 when not known yet (see {@link #total})
   */
  public static ProgressDisplay open(String task, long expectedTotal, CommandSpec spec, boolean quiet) {
    boolean show = !quiet && NewsdeskCli.environment(spec).stderrIsTerminal();
    return open(task, expectedTotal, show, System.err);
  }

  /**
   * A progress display on {@code err} when {@code show} is true, else one that does nothing.
   *
   * @param task what is being done
   * @param expectedTotal how many articles are expected, or -1 when unknown
   */
  public static ProgressDisplay open(String task, long expectedTotal, boolean show, PrintStream err) {
    if (!show) {
      return OFF;
    }
    ProgressBar bar = new ProgressBarBuilder()
        .setTaskName(task)
        .setInitialMax(expectedTotal)
        .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
        .setUnit(" articles", 1)
        .showSpeed()
        .setSpeedUnit(ChronoUnit.SECONDS)
        .setUpdateIntervalMillis(200)
        .setConsumer(new ConsoleProgressBarConsumer(err, 100))
        .build();
    return new ProgressDisplay(bar);
  }

  /** Whether anything is drawn. */
  public boolean shown() {
    return bar != null;
  }

  /** Sets the expected number of articles, when it becomes known or changes. */
  public void total(long expected) {
    if (bar != null) {
      bar.maxHint(expected);
    }
  }

  /** Records {@code n} more articles done. */
  public void advance(long n) {
    if (bar != null) {
      bar.stepBy(n);
    }
  }

  /** The callback to hand to long-running library code: {@code accept(n)} records n more articles done. */
  public LongConsumer callback() {
    return this::advance;
  }

  /** Text shown after the bar, such as the file being read or {@code committing}. */
  public void message(String text) {
    if (bar != null) {
      bar.setExtraMessage(text);
    }
  }

  /** Draws the final state and ends the line. */
  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}

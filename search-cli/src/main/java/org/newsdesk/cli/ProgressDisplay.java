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
  private static final ProgressDisplay OFF = new ProgressDisplay(null, null);

  private final ProgressBar bar;
  private final Line line;

  private ProgressDisplay(ProgressBar bar, Line line) {
    this.bar = bar;
    this.line = line;
  }

  /**
   * A progress display for the command in {@code spec}: shown when its stderr is a terminal and {@code quiet} is
   * false.
   *
   * @param task what is being done, such as {@code indexing}
   * @param expectedTotal how many articles are expected, or -1 when not known yet (see {@link #total})
   */
  public static ProgressDisplay open(String task, long expectedTotal, CommandSpec spec, boolean quiet) {
    CliEnvironment env = NewsdeskCli.environment(spec);
    boolean show = !quiet && env.stderrIsTerminal();
    boolean color = env.get("NO_COLOR") == null && !"dumb".equals(env.get("TERM"));
    return open(task, expectedTotal, show, System.err, env.width(), color);
  }

  /**
   * A progress display on {@code err} when {@code show} is true, else one that does nothing.
   *
   * @param task what is being done
   * @param expectedTotal how many articles are expected, or -1 when unknown
   */
  public static ProgressDisplay open(String task, long expectedTotal, boolean show, PrintStream err) {
    return open(task, expectedTotal, show, err, 100, true);
  }

  /**
   * A progress display on {@code err}, at most {@code width} columns wide (one less, so that the terminal never
   * wraps it), coloured unless {@code color} is false ({@code NO_COLOR}, {@code TERM=dumb}).
   */
  static ProgressDisplay open(String task, long expectedTotal, boolean show, PrintStream err, int width, boolean color) {
    if (!show) {
      return OFF;
    }
    Line line = new Line(err, Math.max(20, width - 1));
    ProgressBar bar = new ProgressBarBuilder()
        .setTaskName(task)
        .setInitialMax(expectedTotal)
        .setStyle(color ? ProgressBarStyle.COLORFUL_UNICODE_BLOCK : ProgressBarStyle.UNICODE_BLOCK)
        .setUnit(" articles", 1)
        .showSpeed()
        .setSpeedUnit(ChronoUnit.SECONDS)
        .setUpdateIntervalMillis(200)
        .setConsumer(line)
        .build();
    return new ProgressDisplay(bar, line);
  }

  /**
   * The bar's line on the terminal. Log lines are printed above it through {@link #above} under the same lock, so
   * a redraw never lands in the middle of one; once closed, a late redraw from the bar's thread is dropped.
   */
  private static final class Line extends ConsoleProgressBarConsumer {
    private final PrintStream err;
    private boolean closed;

    Line(PrintStream err, int width) {
      super(err, width);
      this.err = err;
    }

    @Override
    public synchronized void accept(String rendered) {
      if (!closed) {
        super.accept(rendered);
      }
    }

    @Override
    public synchronized void close() {
      if (!closed) {
        closed = true;
        super.close();
      }
    }

    synchronized void above(Runnable print) {
      if (!closed) {
        err.print("\r\u001b[2K"); // the bar's line, cleared; the next redraw puts the bar under the printed line
        err.flush();
      }
      print.run();
    }
  }

  /** Runs {@code print}, which writes whole lines to stderr, above the bar (or just runs it when nothing is drawn). */
  public void above(Runnable print) {
    if (line == null) {
      print.run();
    } else {
      line.above(print);
    }
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
      bar.setExtraMessage(" " + text); // the bar ends with the speed, which it does not space from what follows
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

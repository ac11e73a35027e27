package org.newsdesk.bench.indexing;

import java.util.Arrays;
import java.util.Locale;

/**
 * Median and spread of repeated measurements.
 *
 * @param values the measurements, in run order
 */
public record Stats(double[] values) {
  public Stats {
    if (values.length == 0) {
      throw new IllegalArgumentException("no measurements");
    }
    values = values.clone();
  }

  /** The median. */
  public double median() {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** The smallest value. */
  public double min() {
    return Arrays.stream(values).min().orElseThrow();
  }

  /** The largest value. */
  public double max() {
    return Arrays.stream(values).max().orElseThrow();
  }

  /** {@code median (min-max)} with the given format for each number. */
  public String describe(String format) {
    return String.format(Locale.ROOT, format + " (" + format + "-" + format + ")", median(), min(), max());
  }
}

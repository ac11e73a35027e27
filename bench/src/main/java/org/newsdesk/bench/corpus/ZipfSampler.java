package org.newsdesk.bench.corpus;

import java.util.random.RandomGenerator;

/**
 * Draws ranks {@code 0..n-1} with Zipf-Mandelbrot probabilities {@code p(r) ∝ 1 / (r + 1 + q)^s} in expected O(1)
 * per draw (inverse CDF with a guide table). Immutable and thread-safe.
 */
final class ZipfSampler {
  private final double[] cdf;
  private final int[] guide;

  /**
   * @param n number of ranks, at least 1
   * @param exponent the Zipf exponent {@code s}, greater than 0
   * @param shift the Mandelbrot shift {@code q}, at least 0; it flattens the head
   */
  ZipfSampler(int n, double exponent, double shift) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be >= 1, got " + n);
    }
    if (exponent <= 0) {
      throw new IllegalArgumentException("exponent must be > 0, got " + exponent);
    }
    if (shift < 0) {
      throw new IllegalArgumentException("shift must be >= 0, got " + shift);
    }
    cdf = new double[n];
    double sum = 0;
    for (int r = 0; r < n; r++) {
      sum += Math.pow(r + 1 + shift, -exponent);
      cdf[r] = sum;
    }
    for (int r = 0; r < n; r++) {
      cdf[r] /= sum;
    }
    cdf[n - 1] = 1.0;
    guide = new int[2 * n];
    int r = 0;
    for (int g = 0; g < guide.length; g++) {
      double threshold = (double) g / guide.length;
      while (cdf[r] < threshold) {
        r++;
      }
      guide[g] = r;
    }
  }

  /** The number of ranks. */
  int size() {
    return cdf.length;
  }

  /** The probability of rank {@code r}. */
  double probability(int r) {
    return r == 0 ? cdf[0] : cdf[r] - cdf[r - 1];
  }

  /** Draws one rank. */
  int sample(RandomGenerator random) {
    return sample(random.nextDouble());
  }

  /** The rank at quantile {@code u} in [0, 1). */
  int sample(double u) {
    int r = guide[(int) (u * guide.length)];
    while (cdf[r] < u) {
      r++;
    }
    return r;
  }
}

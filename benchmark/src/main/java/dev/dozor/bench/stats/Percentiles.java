package dev.dozor.bench.stats;

import java.util.Arrays;
import java.util.Collection;

/**
 * p50/p95/p99 of a sample, by linear interpolation between closest ranks (the same definition as
 * PostgreSQL's {@code percentile_cont}), so client-side and SQL figures compare.
 *
 * @param count sample size
 * @param p50 median
 * @param p95 95th percentile
 * @param p99 99th percentile
 * @param max largest value
 */
public record Percentiles(long count, Double p50, Double p95, Double p99, Double max) {
  /** Fewer samples than this make a p99 meaningless; the report says so. */
  public static final int FEW_SAMPLES = 20;

  public static final Percentiles EMPTY = new Percentiles(0, null, null, null, null);

  public static Percentiles of(Collection<? extends Number> values) {
    double[] sorted = values.stream().mapToDouble(Number::doubleValue).sorted().toArray();
    if (sorted.length == 0) {
      return EMPTY;
    }
    return new Percentiles(
        sorted.length,
        at(sorted, 0.5),
        at(sorted, 0.95),
        at(sorted, 0.99),
        sorted[sorted.length - 1]);
  }

  /** {@code percentile_cont(q)} of an ascending array. */
  public static double at(double[] sorted, double q) {
    if (sorted.length == 0) {
      throw new IllegalArgumentException("no values");
    }
    if (q < 0 || q > 1) {
      throw new IllegalArgumentException("q must be in [0, 1], got " + q);
    }
    double rank = q * (sorted.length - 1);
    int lo = (int) Math.floor(rank);
    int hi = (int) Math.ceil(rank);
    return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
  }

  public static double[] sorted(double... values) {
    double[] copy = values.clone();
    Arrays.sort(copy);
    return copy;
  }

  public boolean fewSamples() {
    return count < FEW_SAMPLES;
  }
}

package dev.dozor.bench.telemetry;

import java.util.List;

/**
 * The sustained ingest rate from samples of stored rows over time: the slope between the moments 10
 * % and 90 % of the backlog were stored (interpolated), so the service's start-up and the last
 * partial batches do not count.
 */
final class IngestRate {
  static final double FROM = 0.10;
  static final double TO = 0.90;

  /**
   * One observation.
   *
   * @param seconds since the service was started
   * @param stored rows stored so far
   */
  record Sample(double seconds, long stored) {}

  /**
   * The figures of one ingest.
   *
   * @param startUpS from the service's start to its first stored row
   * @param sustainedPerS rows per second between 10 % and 90 % of the backlog
   * @param overallPerS rows per second from the first stored row to the last
   * @param drainS from the first stored row to the last
   */
  record Result(double startUpS, double sustainedPerS, double overallPerS, double drainS) {}

  private IngestRate() {}

  /** Null when the samples never reached 90 % of {@code total}. */
  static Result of(List<Sample> samples, long total) {
    Double first = crossing(samples, 1);
    Double lo = crossing(samples, Math.max(1, (long) Math.ceil(total * FROM)));
    Double hi = crossing(samples, (long) Math.ceil(total * TO));
    Double all = crossing(samples, total);
    if (first == null || lo == null || hi == null || hi <= lo) {
      return null;
    }
    long rows = (long) Math.ceil(total * TO) - Math.max(1, (long) Math.ceil(total * FROM));
    double drain = all == null ? Double.NaN : all - first;
    return new Result(
        first, rows / (hi - lo), all == null || drain <= 0 ? Double.NaN : total / drain, drain);
  }

  /**
   * When {@code rows} were stored, interpolated linearly between the two samples around it; the
   * first sample's time when it already had them; null when never reached.
   */
  static Double crossing(List<Sample> samples, long rows) {
    Sample prev = null;
    for (Sample s : samples) {
      if (s.stored() >= rows) {
        if (prev == null || s.stored() == prev.stored()) {
          return s.seconds();
        }
        double f = (double) (rows - prev.stored()) / (s.stored() - prev.stored());
        return prev.seconds() + f * (s.seconds() - prev.seconds());
      }
      prev = s;
    }
    return null;
  }
}

package dev.dozor.bench.rules;

import java.util.List;

/**
 * How fast a service worked off a backlog: samples of the offsets its consumer group had committed,
 * taken while it drained {@code backlog} records. Pure: the Kafka side is {@link ViolationLatency}.
 *
 * <p>The rate is the whole backlog over the time from the start of its production until the last
 * record was committed. A window inside the drain would be more precise in theory, but the service
 * commits every few seconds (the consumer's commit interval), so committed offsets move in steps
 * and a short window measures the steps, not the work: size the backlog to take a minute.
 *
 * @param backlog records produced
 * @param samples committed records over time (seconds since the production started), in order
 */
record BacklogDrain(long backlog, List<BacklogDrain.Sample> samples) {

  /** Records committed {@code seconds} after the backlog's production started. */
  record Sample(double seconds, long committed) {}

  BacklogDrain {
    samples = List.copyOf(samples);
  }

  /**
   * Records per second: the backlog over the time to the first sample that shows it all committed;
   * when the drain did not finish, what was committed over the time to the last progress. NaN
   * without progress.
   */
  double recordsPerS() {
    Sample end = end();
    return end == null ? Double.NaN : end.committed() / end.seconds();
  }

  /** Seconds from the production's start to the sample the rate ends at (0 when there is none). */
  double seconds() {
    Sample end = end();
    return end == null ? 0 : end.seconds();
  }

  /** The first sample with the whole backlog committed, else the first with the most committed. */
  private Sample end() {
    Sample best = null;
    for (Sample s : samples) {
      if (s.seconds() > 0 && (best == null || s.committed() > best.committed())) {
        best = s;
        if (s.committed() >= backlog) {
          break;
        }
      }
    }
    return best == null || best.committed() <= 0 ? null : best;
  }

  /** Whether the whole backlog was committed. */
  boolean drained() {
    return !samples.isEmpty() && samples.get(samples.size() - 1).committed() >= backlog;
  }
}

package dev.dozor.bench.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether a load step "held": the gateway acknowledged at least {@link #MIN_ACK_SHARE} of the
 * offered points, and neither consumer group fell behind — the lag's slope over the step's second
 * half is at most {@link #MAX_SLOPE_SHARE} of the offered rate and the final lag is below {@link
 * #MAX_FINAL_LAG_SECONDS} seconds' worth of points. Lag is measured on committed offsets, and the
 * services commit at most every {@link #COMMIT_INTERVAL_SECONDS} s (SmallRye's throttled strategy,
 * Kafka's default {@code auto.commit.interval.ms}), so that much lag is allowed on top.
 *
 * @param held all conditions met
 * @param reasons why it did not hold (empty when held)
 */
public record StepVerdict(boolean held, List<String> reasons) {
  public static final double MIN_ACK_SHARE = 0.95;
  public static final double MAX_SLOPE_SHARE = 0.02;

  /** Records processed but not yet committed: up to one commit interval of load. */
  public static final double COMMIT_INTERVAL_SECONDS = 5.0;

  /** 2 s of real backlog plus the commit interval. */
  public static final double MAX_FINAL_LAG_SECONDS = 2.0 + COMMIT_INTERVAL_SECONDS;

  /**
   * Lag of one consumer group during the step.
   *
   * @param group consumer group id
   * @param slopePerS least-squares slope over the second half, records/s
   * @param finalLag last sampled lag, records
   */
  public record GroupLag(String group, double slopePerS, long finalLag) {}

  public static StepVerdict judge(double offeredPerS, double ackedPerS, List<GroupLag> lags) {
    List<String> reasons = new ArrayList<>();
    if (ackedPerS < MIN_ACK_SHARE * offeredPerS) {
      reasons.add(
          String.format(
              Locale.ROOT,
              "acknowledged %.0f pts/s < %.0f%% of offered %.0f",
              ackedPerS,
              MIN_ACK_SHARE * 100,
              offeredPerS));
    }
    for (GroupLag g : lags) {
      if (g.slopePerS() > MAX_SLOPE_SHARE * offeredPerS) {
        reasons.add(
            String.format(
                Locale.ROOT,
                "lag of %s grows %.0f records/s (> %.0f)",
                g.group(),
                g.slopePerS(),
                MAX_SLOPE_SHARE * offeredPerS));
      }
      if (g.finalLag() >= MAX_FINAL_LAG_SECONDS * offeredPerS) {
        reasons.add(
            String.format(
                Locale.ROOT,
                "final lag of %s %d records (>= %.0f s of load)",
                g.group(),
                g.finalLag(),
                MAX_FINAL_LAG_SECONDS));
      }
    }
    return new StepVerdict(reasons.isEmpty(), List.copyOf(reasons));
  }
}

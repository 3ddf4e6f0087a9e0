package dev.dozor.simulator.city;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A snowfall the demo registers per home district (on imported roads), relative to the first shift
 * start: it started {@code startedBefore} before it and ended {@code endedBefore} before it, or has
 * not ended ({@code endedBefore} null).
 *
 * <p>The default is the one snowfall of the demo: started 1 h before the shift start, ended at it.
 * A short demo run moves the snowfalls back so that the deadline regulations fall due during the
 * run: TIM-001 counts from the end (4/6/8/12 h by road priority), TIM-002 from the start (3 h, 1 h
 * on priority 1).
 *
 * @param startedBefore how long before the shift start the snowfall started (&gt;= 0)
 * @param endedBefore how long before the shift start it ended (&gt;= 0, at most {@code
 *     startedBefore}), or null while it goes on
 */
public record Snowfall(Duration startedBefore, Duration endedBefore) {
  /** The demo's default: started 1 h before the shift start, ended at it. */
  public static final Snowfall DEFAULT = new Snowfall(Duration.ofHours(1), Duration.ZERO);

  public Snowfall {
    if (startedBefore == null || startedBefore.isNegative()) {
      throw new IllegalArgumentException("a snowfall starts at or before the shift start");
    }
    if (endedBefore != null
        && (endedBefore.isNegative() || endedBefore.compareTo(startedBefore) > 0)) {
      throw new IllegalArgumentException(
          "a snowfall ends at or before the shift start and not before it started");
    }
  }

  /** The default list: {@link #DEFAULT} alone. */
  public static List<Snowfall> defaults() {
    return List.of(DEFAULT);
  }

  /** When it started, for a shift starting at {@code shiftStart}. */
  public Instant startedAt(Instant shiftStart) {
    return shiftStart.minus(startedBefore);
  }

  /** When it ended, or null while it goes on. */
  public Instant endedAt(Instant shiftStart) {
    return endedBefore == null ? null : shiftStart.minus(endedBefore);
  }

  public boolean ended() {
    return endedBefore != null;
  }
}

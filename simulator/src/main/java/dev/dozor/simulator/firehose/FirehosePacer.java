package dev.dozor.simulator.firehose;

import java.time.Duration;
import java.time.Instant;

/**
 * The firehose's clock, pure. {@code vehicles} vehicles each send a fix every {@link
 * #fixInterval()} of simulated time, and simulated time runs {@code timeCompression} times faster
 * than the wall clock, so the fleet produces {@code vehicles × K / interval} ≈ {@code rate} points
 * per wall second. Simulated time starts {@code duration × (K − 1)} before the wall-clock start so
 * that it catches up with the wall clock exactly when the run ends: fix times are never in the
 * future.
 *
 * @param vehicles fleet size
 * @param ratePerSecond asked points per wall-clock second, all vehicles together
 * @param timeCompression K: simulated seconds per wall second
 * @param duration how long the run lasts (wall clock)
 * @param wallStart when the run starts (wall clock)
 */
public record FirehosePacer(
    int vehicles,
    double ratePerSecond,
    double timeCompression,
    Duration duration,
    Instant wallStart) {
  /** The shortest fix interval a fleet supports. */
  public static final Duration MIN_INTERVAL = Duration.ofMillis(100);

  /** The gateway refuses fixes older than 30 days; stay well inside. */
  public static final Duration MAX_HISTORY = Duration.ofDays(20);

  public FirehosePacer {
    if (vehicles < 1) {
      throw new IllegalArgumentException("vehicles must be >= 1, got " + vehicles);
    }
    if (!(ratePerSecond > 0)) {
      throw new IllegalArgumentException("rate must be > 0 points/s, got " + ratePerSecond);
    }
    if (!(timeCompression >= 1)) {
      throw new IllegalArgumentException("time compression must be >= 1, got " + timeCompression);
    }
    if (duration == null || duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("duration must be positive, got " + duration);
    }
    double intervalMs = timeCompression * vehicles * 1000 / ratePerSecond;
    if (Math.round(intervalMs) < MIN_INTERVAL.toMillis()) {
      throw new IllegalArgumentException(
          String.format(
              java.util.Locale.US,
              "%d vehicles at %.0f points/s with time compression %.1f means a fix every %.0f ms"
                  + " of simulated time; at least 100 ms is needed: raise --time-compression to"
                  + " %.1f or --vehicles to %d",
              vehicles,
              ratePerSecond,
              timeCompression,
              intervalMs,
              0.1 * ratePerSecond / vehicles,
              (int) Math.ceil(0.1 * ratePerSecond / timeCompression)));
    }
    if (duration.multipliedBy((long) Math.ceil(timeCompression)).compareTo(MAX_HISTORY) > 0) {
      throw new IllegalArgumentException(
          "duration × time compression must stay within "
              + MAX_HISTORY.toDays()
              + " days (the gateway refuses older fixes)");
    }
  }

  /** The compression giving each vehicle one fix per simulated second (at least 1). */
  public static double defaultCompression(int vehicles, double ratePerSecond) {
    return Math.max(1, ratePerSecond / vehicles);
  }

  /** Simulated time between two fixes of a vehicle, whole milliseconds. */
  public Duration fixInterval() {
    return Duration.ofMillis(Math.round(timeCompression * vehicles * 1000 / ratePerSecond));
  }

  /** The rate the whole-millisecond interval really gives, points per wall second. */
  public double effectiveRate() {
    return vehicles * timeCompression * 1000 / fixInterval().toMillis();
  }

  /** Simulated time of the first fixes. */
  public Instant simStart() {
    long nanos = Math.round(duration.toNanos() * (timeCompression - 1));
    return wallStart.minusNanos(nanos).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
  }

  /**
   * Simulated time at wall-clock {@code wall}: runs K times faster from {@link #simStart()}, but
   * never beyond {@code wall} itself, so no fix is ever in the future.
   */
  public Instant simTimeAt(Instant wall) {
    long elapsed = Math.max(0, Duration.between(wallStart, wall).toNanos());
    Instant sim = simStart().plusNanos(Math.round(elapsed * timeCompression));
    return sim.isAfter(wall) ? wall : sim;
  }
}

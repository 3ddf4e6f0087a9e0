package dev.dozor.protocol;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The checks every decoded fix must pass before it may reach Kafka, whatever the protocol. The
 * gateway drops (and counts) fixes that fail; decoder tests assert every decoded fix passes.
 *
 * @param maxSpeedKmh highest plausible ground speed
 * @param maxFutureSkew how far a fix time may be ahead of the server clock
 * @param maxAge how old a fix may be (black boxes upload late, but not forever)
 */
public record FixSanity(double maxSpeedKmh, Duration maxFutureSkew, Duration maxAge) {

  /**
   * Limits that fit any road vehicle, a black box of a month and a tracker clock up to a day fast
   * (the rules-service reports such a clock as INT-005).
   */
  public static final FixSanity DEFAULT =
      new FixSanity(300, Duration.ofHours(24), Duration.ofDays(30));

  /** Why the fix is not plausible at server time {@code now}, or empty when it is. */
  public Optional<String> problem(RawFix fix, Instant now) {
    if (!fix.valid()) {
      return Optional.of("the tracker marked the fix invalid (no GPS solution)");
    }
    if (!Double.isFinite(fix.lat()) || fix.lat() < -90 || fix.lat() > 90) {
      return Optional.of("latitude " + fix.lat() + " is outside [-90, 90]");
    }
    if (!Double.isFinite(fix.lon()) || fix.lon() < -180 || fix.lon() > 180) {
      return Optional.of("longitude " + fix.lon() + " is outside [-180, 180]");
    }
    if (fix.lat() == 0 && fix.lon() == 0) {
      return Optional.of("position 0,0 (a tracker without a fix)");
    }
    Double speed = fix.speedKmh();
    if (speed != null && (!Double.isFinite(speed) || speed < 0 || speed > maxSpeedKmh)) {
      return Optional.of("speed " + speed + " km/h is outside [0, " + maxSpeedKmh + "]");
    }
    Double heading = fix.headingDeg();
    if (heading != null && (!Double.isFinite(heading) || heading < 0 || heading >= 360)) {
      return Optional.of("heading " + heading + " is outside [0, 360)");
    }
    Double odometer = fix.odometerKm();
    if (odometer != null && (!Double.isFinite(odometer) || odometer < 0)) {
      return Optional.of("odometer " + odometer + " km is negative or not finite");
    }
    if (fix.fixTime().isAfter(now.plus(maxFutureSkew))) {
      return Optional.of(
          "fix time " + fix.fixTime() + " is more than " + maxFutureSkew + " ahead of " + now);
    }
    if (fix.fixTime().isBefore(now.minus(maxAge))) {
      return Optional.of("fix time " + fix.fixTime() + " is older than " + maxAge);
    }
    return Optional.empty();
  }
}

package dev.dozor.simulator.fleet;

import java.time.Duration;
import java.util.SplittableRandom;

/**
 * The deliberate SPD-001 offender's cycle: plough down too fast for {@code offence}, then plough up
 * and slower for {@code coolDown}, repeated from the fleet start. With the defaults (90 s at 55–60
 * km/h, 60 s at 30–40 km/h) an episode opens after 60 s, closes at 90 s and reopens every 150 s.
 *
 * @param offence how long each too-fast phase lasts
 * @param coolDown how long each lawful phase lasts
 * @param offenceMinKmh lowest speed while offending
 * @param offenceMaxKmh highest speed while offending
 * @param coolDownMinKmh lowest speed while cooling down
 * @param coolDownMaxKmh highest speed while cooling down
 */
public record OffenderSchedule(
    Duration offence,
    Duration coolDown,
    double offenceMinKmh,
    double offenceMaxKmh,
    double coolDownMinKmh,
    double coolDownMaxKmh) {

  public static OffenderSchedule defaults() {
    return new OffenderSchedule(Duration.ofSeconds(90), Duration.ofSeconds(60), 55, 60, 30, 40);
  }

  public OffenderSchedule {
    if (offence.isNegative() || offence.isZero() || coolDown.isNegative() || coolDown.isZero()) {
      throw new IllegalArgumentException("offence and cool-down phases must be positive");
    }
  }

  /** Phase number at {@code elapsedSeconds} since the start: even = offending, odd = cooling. */
  long phaseAt(double elapsedSeconds) {
    double cycle = seconds(offence) + seconds(coolDown);
    long cycles = (long) Math.floor(elapsedSeconds / cycle);
    double within = elapsedSeconds - cycles * cycle;
    return cycles * 2 + (within < seconds(offence) ? 0 : 1);
  }

  /** Seconds from {@code elapsedSeconds} to the next phase change. */
  double secondsToNextChange(double elapsedSeconds) {
    double cycle = seconds(offence) + seconds(coolDown);
    long cycles = (long) Math.floor(elapsedSeconds / cycle);
    double within = elapsedSeconds - cycles * cycle;
    double boundary = within < seconds(offence) ? seconds(offence) : cycle;
    return boundary - within;
  }

  /** The leg driven during {@code phase}. */
  Leg legFor(long phase, SplittableRandom random) {
    return phase % 2 == 0
        ? new Leg(
            DrivingProfile.between(random, offenceMinKmh, offenceMaxKmh),
            DrivingProfile.plough(true))
        : new Leg(
            DrivingProfile.between(random, coolDownMinKmh, coolDownMaxKmh),
            DrivingProfile.plough(false));
  }

  private static double seconds(Duration d) {
    return d.toNanos() / 1e9;
  }
}

package dev.dozor.simulator.fleet;

import dev.dozor.events.Equipment;
import java.util.SplittableRandom;

/**
 * Realistic working and transport speeds per vehicle type. A non-offending plough never has the
 * plough down above {@link #PLOUGH_WORK_MAX_KMH} and a sweeper never brushes above {@link
 * #SWEEPER_BRUSH_MAX_KMH}, so the regulations fire only for the deliberate offender.
 */
final class DrivingProfile {
  static final double PLOUGH_WORK_MIN_KMH = 20;
  static final double PLOUGH_WORK_MAX_KMH = 40;
  static final double PLOUGH_TRANSPORT_MIN_KMH = 40;
  static final double PLOUGH_TRANSPORT_MAX_KMH = 60;

  /** Share of street blocks a plough drives with the blade down. */
  static final double PLOUGH_WORK_SHARE = 0.75;

  static final double SWEEPER_BRUSH_MIN_KMH = 8;

  /** SPD-002 credits sweeping only at ≤ 10 km/h; stay strictly below. */
  static final double SWEEPER_BRUSH_MAX_KMH = 9.9;

  static final double SWEEPER_TRANSPORT_MIN_KMH = 10;
  static final double SWEEPER_TRANSPORT_MAX_KMH = 15;

  /** Share of street blocks a sweeper drives with the brush on. */
  static final double SWEEPER_BRUSH_SHARE = 0.8;

  private DrivingProfile() {}

  /** A leg for the next street block of a law-abiding vehicle. */
  static Leg nextLeg(VehicleType type, SplittableRandom random) {
    return switch (type) {
      case PLOUGH -> {
        boolean working = random.nextDouble() < PLOUGH_WORK_SHARE;
        yield working
            ? new Leg(between(random, PLOUGH_WORK_MIN_KMH, PLOUGH_WORK_MAX_KMH), plough(true))
            : new Leg(
                between(random, PLOUGH_TRANSPORT_MIN_KMH, PLOUGH_TRANSPORT_MAX_KMH), plough(false));
      }
      case SWEEPER -> {
        boolean brushing = random.nextDouble() < SWEEPER_BRUSH_SHARE;
        yield brushing
            ? new Leg(between(random, SWEEPER_BRUSH_MIN_KMH, SWEEPER_BRUSH_MAX_KMH), brush(true))
            : new Leg(
                between(random, SWEEPER_TRANSPORT_MIN_KMH, SWEEPER_TRANSPORT_MAX_KMH),
                brush(false));
      }
    };
  }

  /** A plough's equipment: blade state, no brush, ignition on. */
  static Equipment plough(boolean down) {
    return new Equipment(down, false, null, null, null, true, null);
  }

  /** A sweeper's equipment: brush state, ignition on; it has no plough channel. */
  static Equipment brush(boolean on) {
    return new Equipment(null, on, null, null, null, true, null);
  }

  /** A speed in [min, max], rounded to 0.1 km/h as a tracker reports it. */
  static double between(SplittableRandom random, double min, double max) {
    return Math.round((min + random.nextDouble() * (max - min)) * 10) / 10.0;
  }
}

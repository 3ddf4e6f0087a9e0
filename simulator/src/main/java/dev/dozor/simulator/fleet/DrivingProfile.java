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

  /** Transport stays at or below 55 km/h, clear of SPD-004's 60 km/h default limit. */
  static final double PLOUGH_TRANSPORT_MAX_KMH = 55;

  /** Share of street blocks a plough drives with the blade down. */
  static final double PLOUGH_WORK_SHARE = 0.75;

  static final double SWEEPER_BRUSH_MIN_KMH = 8;

  /**
   * SPD-002 credits sweeping only at ≤ 10 km/h (average over 2 min); stay at or below 9 km/h so no
   * 2-minute average of lawful sweeping exceeds 9 km/h.
   */
  static final double SWEEPER_BRUSH_MAX_KMH = 9;

  static final double SWEEPER_TRANSPORT_MIN_KMH = 10;
  static final double SWEEPER_TRANSPORT_MAX_KMH = 15;

  /** Share of street blocks a sweeper drives with the brush on. */
  static final double SWEEPER_BRUSH_SHARE = 0.8;

  static final double SPREADER_WORK_MIN_KMH = 20;
  static final double SPREADER_WORK_MAX_KMH = 40;

  /** Liquid reagent on roads: 15–30 g/m², well inside SPD-003's 5–40 g/m² (± 20 %). */
  static final double SPREAD_RATE_MIN_GM2 = 15;

  static final double SPREAD_RATE_MAX_GM2 = 30;
  static final double FLUSHER_WORK_MIN_KMH = 10;
  static final double FLUSHER_WORK_MAX_KMH = 20;
  static final double FLUSHER_TRANSPORT_MIN_KMH = 30;
  static final double FLUSHER_TRANSPORT_MAX_KMH = 50;
  static final double REFUSE_MIN_KMH = 20;
  static final double REFUSE_MAX_KMH = 40;

  /** Limit where a road has no {@code maxspeed} tag: the Russian urban default. */
  static final double DEFAULT_LIMIT_KMH = 60;

  // injected faults (see FaultType)
  static final double SWEEPING_FAST_MIN_KMH = 14;
  static final double SWEEPING_FAST_MAX_KMH = 20;

  /** SPD-002: average brush-on speed over 2 min above this. */
  static final double SWEEPING_LIMIT_KMH = 10;

  static final double BAD_SPREAD_RATE_MIN_GM2 = 55;
  static final double BAD_SPREAD_RATE_MAX_GM2 = 80;

  /** SPD-003: liquid reagent above 40 g/m² + 20 % tolerance. */
  static final double SPREAD_RATE_LIMIT_GM2 = 40 * 1.2;

  static final double TRANSPORT_SPEEDING_MIN_KMH = 85;
  static final double TRANSPORT_SPEEDING_MAX_KMH = 95;

  private DrivingProfile() {}

  /** Share of assigned segments a vehicle of {@code type} drives working. */
  static double workShare(VehicleType type) {
    return switch (type) {
      case PLOUGH -> 0.85;
      case SWEEPER -> SWEEPER_BRUSH_SHARE;
      case SPREADER -> 0.85;
      case FLUSHER -> 0.8;
      case REFUSE -> 1.0;
    };
  }

  /** Working on an assigned segment. */
  static Leg work(VehicleType type, SplittableRandom random) {
    return switch (type) {
      case PLOUGH ->
          new Leg(between(random, PLOUGH_WORK_MIN_KMH, PLOUGH_WORK_MAX_KMH), plough(true));
      case SWEEPER ->
          new Leg(between(random, SWEEPER_BRUSH_MIN_KMH, SWEEPER_BRUSH_MAX_KMH), brush(true));
      case SPREADER ->
          new Leg(
              between(random, SPREADER_WORK_MIN_KMH, SPREADER_WORK_MAX_KMH),
              spreader(between(random, SPREAD_RATE_MIN_GM2, SPREAD_RATE_MAX_GM2), true));
      case FLUSHER ->
          new Leg(between(random, FLUSHER_WORK_MIN_KMH, FLUSHER_WORK_MAX_KMH), flusher(true, true));
      case REFUSE -> transport(type, random);
    };
  }

  /** Driving with every implement off. */
  static Leg transport(VehicleType type, SplittableRandom random) {
    return switch (type) {
      case PLOUGH ->
          new Leg(
              between(random, PLOUGH_TRANSPORT_MIN_KMH, PLOUGH_TRANSPORT_MAX_KMH), plough(false));
      case SWEEPER ->
          new Leg(
              between(random, SWEEPER_TRANSPORT_MIN_KMH, SWEEPER_TRANSPORT_MAX_KMH), brush(false));
      case SPREADER ->
          new Leg(
              between(random, PLOUGH_TRANSPORT_MIN_KMH, PLOUGH_TRANSPORT_MAX_KMH),
              spreader(null, true));
      case FLUSHER ->
          new Leg(
              between(random, FLUSHER_TRANSPORT_MIN_KMH, FLUSHER_TRANSPORT_MAX_KMH),
              flusher(false, true));
      case REFUSE -> new Leg(between(random, REFUSE_MIN_KMH, REFUSE_MAX_KMH), refuse(true));
    };
  }

  /** Implements off; ignition as given (off when parked). */
  static Equipment idle(VehicleType type, boolean ignition) {
    return switch (type) {
      case PLOUGH -> new Equipment(false, false, null, null, null, ignition, null);
      case SWEEPER -> new Equipment(null, false, null, null, null, ignition, null);
      case SPREADER -> new Equipment(null, null, false, null, null, ignition, null);
      case FLUSHER -> new Equipment(null, null, null, null, null, ignition, false);
      case REFUSE -> refuse(ignition);
    };
  }

  /** A spreader: on with a density, or off (no density reported). */
  static Equipment spreader(Double rateGm2, boolean ignition) {
    boolean on = rateGm2 != null;
    return new Equipment(null, null, on, rateGm2, null, ignition, null);
  }

  /** A flusher reports its pump through the power take-off. */
  static Equipment flusher(boolean pumping, boolean ignition) {
    return new Equipment(null, null, null, null, null, ignition, pumping);
  }

  /** A refuse truck: body never tipped on the street. */
  static Equipment refuse(boolean ignition) {
    return new Equipment(null, null, null, null, false, ignition, null);
  }

  /** A truck standing with its body tipped (dumping snow), ignition on, implements unreported. */
  static Equipment tipping() {
    return new Equipment(null, null, null, null, true, true, null);
  }

  /** Speed limit of a segment: its tag, else by road class, else 60 km/h. */
  static double limitKmh(dev.dozor.simulator.road.RoadEdge edge) {
    if (edge.maxSpeedKmh() != null && edge.maxSpeedKmh() > 0) {
      return edge.maxSpeedKmh();
    }
    String hw = edge.highway() == null ? "" : edge.highway();
    return switch (hw) {
      case "living_street", "service", "track" -> 20;
      case "footway", "pedestrian", "path", "cycleway", "steps", "bridleway" -> 10;
      default -> DEFAULT_LIMIT_KMH;
    };
  }

  /**
   * The legal limit SPD-004 applies on {@code edge}: its {@code maxspeed} tag, else the
   * vehicle-type default of 60 km/h (the class caps of {@link #limitKmh} are only how fast the
   * simulated drivers choose to go).
   */
  static double legalLimitKmh(dev.dozor.simulator.road.RoadEdge edge) {
    return edge.maxSpeedKmh() != null && edge.maxSpeedKmh() > 0
        ? edge.maxSpeedKmh()
        : DEFAULT_LIMIT_KMH;
  }

  /** {@code leg} slowed to {@code limitKmh} when faster (equipment unchanged). */
  static Leg capped(Leg leg, double limitKmh) {
    return leg.speedKmh() <= limitKmh ? leg : new Leg(Math.max(5, limitKmh), leg.equipment());
  }

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
      default ->
          random.nextDouble() < workShare(type) ? work(type, random) : transport(type, random);
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

package dev.dozor.simulator.fleet;

import dev.dozor.events.Equipment;
import dev.dozor.events.SchemaVersions;
import dev.dozor.events.TelemetryPoint;
import dev.dozor.simulator.fault.FaultPlan;
import dev.dozor.simulator.fault.FaultType;
import dev.dozor.simulator.fault.GroundTruthEntry;
import dev.dozor.simulator.grid.Geo;
import dev.dozor.simulator.grid.GeoPoint;
import dev.dozor.simulator.road.RoadEdge;
import dev.dozor.simulator.road.RoadGraph;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Moves one vehicle along its assignment on the road graph and emits a fix every interval. Rolls
 * out of the depot at shift start, drives the access path in transport, works its zone (speed and
 * equipment drawn per segment), drives back at shift end and parks with the ignition off. Injects
 * the faults of its {@link FaultPlan} and reports each completed episode as ground truth, computed
 * from the fixes actually emitted.
 */
final class VehicleDriver {
  private static final double ARRIVAL_EPSILON_M = 1e-6;
  private static final double MIN_STEP_S = 1e-6;

  /** How often a pending fault that could not start yet is tried again. */
  private static final double RETRY_S = 5;

  /** A refuse truck serves a container site at most once per this many seconds. */
  private static final double SITE_REVISIT_S = 1800;

  /** A U-turn at the end of an assigned stretch: the vehicle stands this long (at least). */
  private static final double TURN_ROUND_S = 20;

  /** Idling (TIM-007) happens at least this far from every depot of the fleet. */
  static final double IDLE_DEPOT_CLEARANCE_M = 300;

  /** Sensor flapping starts only after the channel was steady this long, and ends steady. */
  private static final double FLAPPING_QUIET_S = 60;

  /** The odometer of a drifting shift counts this many times the driven distance (INT-003). */
  static final double ODOMETER_DRIFT_FACTOR = 1.5;

  private enum Mode {
    BEFORE_SHIFT,
    WORKING,
    RETURNING,
    PARKED
  }

  /** A running fault episode. */
  private static final class Episode {
    final FaultType type;
    final double startS;
    final double endS;
    Leg leg;
    Instant first;
    Instant last;
    int conditionFixes;
    // route deviation
    GeoPoint anchor;
    double directionDeg;
    double outMetres;
    double speedMps;
    // bad spread rate: GPS distance between the fixes in the condition
    TelemetryPoint lastInCondition;
    double conditionMetres;
    // sensor flapping: toggles still to emit
    int togglesLeft;

    Episode(FaultType type, double startS, double endS) {
      this.type = type;
      this.startS = startS;
      this.endS = endS;
    }
  }

  private final SimVehicle vehicle;
  private final RoadGraph graph;
  private final Assignment assignment;
  private final SplittableRandom random;
  private final SplittableRandom faultRandom;
  private final OffenderSchedule schedule;
  private final FaultPlan faults;
  private final Instant start;
  private final Duration interval;
  private final double shiftStartS;
  private final double shiftEndS;
  private final Consumer<GroundTruthEntry> groundTruth;
  private final List<GeoPoint> depots;
  private final double odometerStartKm;
  private final boolean odometerDrifts;
  private final List<RoadEdge> tour;
  private final boolean[] tourWork;
  private final Map<Integer, Double> siteServedAt = new HashMap<>();
  private final EnumMap<FaultType, Double> nextArrival = new EnumMap<>(FaultType.class);
  private final ArrayDeque<FaultType> pending = new ArrayDeque<>();

  private Mode mode;
  private RoadEdge edge;
  private int tourIndex;
  private double metresAlong;
  private Leg leg;
  private long phase;
  private double stoppedUntilS = -1;
  private Episode episode;
  private double coolDownUntilS;
  private Instant positionTime;
  private Instant nextFix;

  // offender SPD-001 ground truth of the current phase
  private Instant offenceFirst;
  private Instant offenceLast;

  // fix-level effects of faults
  private Instant lastFixTime;
  private Instant gapBefore;
  private boolean jumpNext;
  private boolean duplicateNext;
  private boolean releaseHeld;
  private final List<TelemetryPoint> held = new ArrayList<>();
  private List<TelemetryPoint> lastBatch = List.of();
  private int skewLeft;
  private long skewMillis;
  private Instant skewFirst;
  private Instant skewLast;

  /** Distance the odometer counted since the start, metres (1.5 × driven on a drifting shift). */
  private double odometerMetres;

  // what the emitted fixes showed so far (for the ground truth of idling, flapping and drift)
  private Instant standingSince;
  private Boolean lastChannelOn;
  private double lastToggleS = Double.NEGATIVE_INFINITY;
  private Instant shiftFirstFix;
  private Instant shiftLastFix;
  private boolean driftRecorded;

  VehicleDriver(
      SimVehicle vehicle,
      RoadGraph graph,
      AssignmentPlanner.Tour tour,
      SplittableRandom random,
      SplittableRandom faultRandom,
      OffenderSchedule schedule,
      FaultPlan faults,
      Instant start,
      Duration interval,
      Instant shiftStart,
      Instant shiftEnd,
      List<GeoPoint> depots,
      double odometerStartKm,
      Consumer<GroundTruthEntry> groundTruth) {
    this.vehicle = vehicle;
    this.graph = graph;
    this.assignment = tour.assignment();
    this.tour = tour.edges();
    this.tourWork = tour.work();
    this.random = random;
    this.faultRandom = faultRandom;
    this.schedule = vehicle.offender() ? schedule : null;
    this.faults = vehicle.offender() ? FaultPlan.none() : faults;
    this.start = start;
    this.interval = interval;
    this.shiftStartS = seconds(Duration.between(start, shiftStart));
    this.shiftEndS =
        shiftEnd == null ? Double.POSITIVE_INFINITY : seconds(Duration.between(start, shiftEnd));
    this.groundTruth = groundTruth;
    this.depots = List.copyOf(depots);
    this.odometerStartKm = odometerStartKm;
    this.edge = this.tour.get(0);
    this.tourIndex = 0;
    this.metresAlong = 0;
    this.positionTime = start;
    this.nextFix = start;
    this.phase = 0;
    this.mode = Mode.BEFORE_SHIFT;
    this.leg = new Leg(0, DrivingProfile.idle(vehicle.type(), false));
    if (shiftStartS <= 0) {
      rollOut();
    }
    for (FaultType t : FaultType.values()) {
      if (eligible(t) && this.faults.rate(t) > 0) {
        nextArrival.put(t, Math.max(0, shiftStartS) + exponential(this.faults.rate(t)));
      }
    }
    // a shift drifts when at least one arrival of the Poisson process falls into it
    double driftRate = this.faults.rate(FaultType.ODOMETER_DRIFT);
    this.odometerDrifts =
        driftRate > 0
            && Double.isFinite(shiftEndS)
            && faultRandom.nextDouble()
                < 1 - Math.exp(-driftRate * (shiftEndS - Math.max(0, shiftStartS)) / 3600);
  }

  SimVehicle vehicle() {
    return vehicle;
  }

  Assignment assignment() {
    return assignment;
  }

  /** Whether episodes of {@code t} arrive for this vehicle (odometer drift is per shift). */
  private boolean eligible(FaultType t) {
    return switch (t) {
      case OVERSPEED_PLOUGH -> vehicle.type() == VehicleType.PLOUGH;
      case SPREADING_STANDING, BAD_SPREAD_RATE -> vehicle.type() == VehicleType.SPREADER;
      case SWEEPING_FAST -> vehicle.type() == VehicleType.SWEEPER;
      case DUMP_OUTSIDE -> vehicle.type() == VehicleType.REFUSE;
      case SENSOR_FLAPPING -> implementOn(vehicle.type(), Equipment.NONE) != null;
      case OFFENDER_CYCLE, ODOMETER_DRIFT -> false;
      default -> true;
    };
  }

  /**
   * The state of the vehicle's main implement channel (plough, brush, spreader) in {@code e}, or
   * null for types without one (flushers report their pump as {@code pto}, refuse trucks only the
   * body tip: flapping those would break other regulations, so they do not flap).
   */
  private static Boolean implementOn(VehicleType type, Equipment e) {
    return switch (type) {
      case PLOUGH -> e.isPloughDown();
      case SWEEPER -> e.isBrushOn();
      case SPREADER -> e.isSpreaderOn();
      default -> null;
    };
  }

  /** Fixes due at or before {@code now}, oldest first (except after an offline period). */
  List<TelemetryPoint> fixesUntil(Instant now) {
    List<TelemetryPoint> fixes = new ArrayList<>();
    List<TelemetryPoint> fresh = new ArrayList<>();
    while (!nextFix.isAfter(now)) {
      advanceTo(nextFix);
      emit(fixes, fresh);
      nextFix = nextFix.plus(interval);
    }
    if (duplicateNext) {
      duplicateNext = false;
      if (!lastBatch.isEmpty()) {
        fixes.addAll(lastBatch);
        record(
            FaultType.DUPLICATE,
            lastBatch.get(0).fixTime(),
            lastBatch.get(lastBatch.size() - 1).fixTime());
      }
    }
    if (!fresh.isEmpty()) {
      lastBatch = List.copyOf(fresh);
    }
    return fixes;
  }

  // ---------------------------------------------------------------- movement

  private void advanceTo(Instant t) {
    double remaining = seconds(Duration.between(positionTime, t));
    double elapsed = seconds(Duration.between(start, positionTime));
    while (remaining > 0) {
      double step = Math.min(remaining, Math.max(MIN_STEP_S, nextBoundary(elapsed)));
      double odometerFactor = odometerDrifts ? ODOMETER_DRIFT_FACTOR : 1;
      if (movingOnRoad(elapsed)) {
        metresAlong += leg.metresPerSecond() * step;
        odometerMetres += leg.metresPerSecond() * step * odometerFactor;
      } else if (episode != null && episode.type == FaultType.ROUTE_DEVIATION) {
        odometerMetres += episode.speedMps * step * odometerFactor;
      }
      elapsed += step;
      remaining -= step;
      onBoundaries(elapsed + 1e-9);
    }
    positionTime = t;
  }

  private boolean movingOnRoad(double elapsed) {
    if (mode == Mode.BEFORE_SHIFT || mode == Mode.PARKED || stoppedUntilS > elapsed) {
      return false;
    }
    return episode == null
        || (episode.type != FaultType.ROUTE_DEVIATION
            && episode.type != FaultType.SPREADING_STANDING
            && episode.type != FaultType.DUMP_OUTSIDE
            && episode.type != FaultType.IDLING);
  }

  private double nextBoundary(double elapsed) {
    double next = Double.POSITIVE_INFINITY;
    if (movingOnRoad(elapsed) && leg.metresPerSecond() > 0) {
      next = (edge.lengthMetres() - metresAlong) / leg.metresPerSecond();
    }
    if (schedule != null) {
      next = Math.min(next, schedule.secondsToNextChange(elapsed));
    }
    if (mode == Mode.BEFORE_SHIFT) {
      next = Math.min(next, shiftStartS - elapsed);
    }
    if (mode == Mode.WORKING && episode == null) {
      next = Math.min(next, shiftEndS - elapsed);
    }
    if (stoppedUntilS > elapsed) {
      next = Math.min(next, stoppedUntilS - elapsed);
    }
    if (episode != null) {
      next = Math.min(next, episode.endS - elapsed);
    } else {
      for (double at : nextArrival.values()) {
        next = Math.min(next, at - elapsed);
      }
      if (!pending.isEmpty()) {
        next = Math.min(next, RETRY_S);
      }
    }
    return Math.max(0, next);
  }

  private void onBoundaries(double elapsed) {
    if (mode == Mode.BEFORE_SHIFT && elapsed >= shiftStartS) {
      rollOut();
    }
    if (movingOnRoad(elapsed) && edge.lengthMetres() - metresAlong <= ARRIVAL_EPSILON_M) {
      arriveAt(edge.to(), elapsed);
    }
    if (stoppedUntilS >= 0 && elapsed >= stoppedUntilS) {
      stoppedUntilS = -1;
      leg = normalLeg();
    }
    if (schedule != null) {
      long now = schedule.phaseAt(elapsed);
      if (now != phase) {
        if (phase % 2 == 0) {
          recordOffence();
        }
        phase = now;
        if (mode != Mode.BEFORE_SHIFT && mode != Mode.PARKED) {
          leg = schedule.legFor(phase, random);
        }
      }
    }
    if (episode != null && elapsed >= episode.endS) {
      endEpisode(elapsed);
    }
    if (mode == Mode.WORKING && episode == null && elapsed >= shiftEndS) {
      mode = Mode.RETURNING;
      stoppedUntilS = -1;
      leg = normalLeg();
    }
    if (mode == Mode.RETURNING || mode == Mode.PARKED) {
      nextArrival.clear(); // the shift is over: no more faults
      pending.clear();
    }
    if (episode == null) {
      for (Map.Entry<FaultType, Double> e : nextArrival.entrySet()) {
        while (e.getValue() <= elapsed) {
          pending.add(e.getKey());
          e.setValue(e.getValue() + exponential(faults.rate(e.getKey())));
        }
      }
      tryStartPending(elapsed);
    }
  }

  private void rollOut() {
    mode = Mode.WORKING;
    tourIndex = 0;
    edge = tour.get(0);
    metresAlong = 0;
    leg = normalLeg();
  }

  private void arriveAt(int node, double elapsed) {
    int next = (tourIndex + 1) % tour.size();
    if (mode == Mode.RETURNING && next == 0) {
      mode = Mode.PARKED;
      metresAlong = edge.lengthMetres();
      leg = new Leg(0, DrivingProfile.idle(vehicle.type(), false));
      return;
    }
    RoadEdge previous = edge;
    tourIndex = next;
    edge = tour.get(next);
    metresAlong = 0;
    if (episode == null && schedule == null) {
      leg = normalLeg();
    }
    if (edge.id() == previous.id() && episode == null && schedule == null) {
      // turning round at a dead end takes a while, implements raised
      stoppedUntilS = elapsed + Math.max(TURN_ROUND_S, 2 * seconds(interval));
      leg = new Leg(0, DrivingProfile.idle(vehicle.type(), true));
      return;
    }
    if (vehicle.type() == VehicleType.REFUSE
        && mode == Mode.WORKING
        && episode == null
        && assignment.containerSites().contains(node)
        && elapsed - siteServedAt.getOrDefault(node, Double.NEGATIVE_INFINITY) >= SITE_REVISIT_S) {
      siteServedAt.put(node, elapsed);
      stoppedUntilS = elapsed + 60 + random.nextDouble() * 120;
      leg = new Leg(0, DrivingProfile.refuse(true));
    }
  }

  private boolean onWorkStretch() {
    return mode == Mode.WORKING && tourWork[tourIndex];
  }

  /** Speed and equipment for the current segment when nothing special is going on. */
  private Leg normalLeg() {
    if (mode == Mode.BEFORE_SHIFT || mode == Mode.PARKED) {
      return new Leg(0, DrivingProfile.idle(vehicle.type(), false));
    }
    if (schedule != null) {
      return schedule.legFor(phase, random);
    }
    boolean working =
        onWorkStretch() && random.nextDouble() < DrivingProfile.workShare(vehicle.type());
    Leg l =
        working
            ? DrivingProfile.work(vehicle.type(), random)
            : DrivingProfile.transport(vehicle.type(), random);
    return DrivingProfile.capped(l, DrivingProfile.limitKmh(edge));
  }

  // ---------------------------------------------------------------- faults

  private void tryStartPending(double elapsed) {
    if (pending.isEmpty() || elapsed < coolDownUntilS || !onWorkStretch()) {
      return;
    }
    if (stoppedUntilS > elapsed) {
      return;
    }
    for (java.util.Iterator<FaultType> it = pending.iterator(); it.hasNext(); ) {
      FaultType type = it.next();
      Episode e = begin(type, elapsed);
      if (e != null) {
        it.remove();
        episode = e;
        return;
      }
    }
  }

  /** Starts an episode of {@code type} now, or returns null when it cannot start yet. */
  private Episode begin(FaultType type, double now) {
    double fixS = seconds(interval);
    switch (type) {
      case OVERSPEED_PLOUGH -> {
        if (!onWorkStretch()) {
          return null;
        }
        double length = Math.max(75 + faultRandom.nextDouble() * 75, 60 + 2 * fixS + 1);
        if (now + length >= shiftEndS) {
          return null;
        }
        Episode e = new Episode(type, now, now + length);
        e.leg = new Leg(DrivingProfile.between(faultRandom, 55, 65), DrivingProfile.plough(true));
        leg = e.leg;
        return e;
      }
      case DUMP_OUTSIDE -> {
        // at least two fixes with the body tipped
        double length = Math.max(60 + faultRandom.nextDouble() * 60, 2 * fixS + 1);
        if (now + length >= shiftEndS) {
          return null;
        }
        Episode e = new Episode(type, now, now + length);
        e.leg = new Leg(0, DrivingProfile.refuseTipping());
        leg = e.leg;
        return e;
      }
      case SPREADING_STANDING -> {
        double length = Math.max(90 + faultRandom.nextDouble() * 60, 60 + 2 * fixS + 1);
        if (now + length >= shiftEndS) {
          return null;
        }
        Episode e = new Episode(type, now, now + length);
        e.leg =
            new Leg(
                0,
                DrivingProfile.spreader(
                    DrivingProfile.between(
                        faultRandom,
                        DrivingProfile.SPREAD_RATE_MIN_GM2,
                        DrivingProfile.SPREAD_RATE_MAX_GM2),
                    true));
        leg = e.leg;
        return e;
      }
      case ROUTE_DEVIATION -> {
        return beginDeviation(now, fixS);
      }
      case TELEMETRY_GAP -> {
        double length = 360 + faultRandom.nextDouble() * 240;
        if (now + length + 2 * fixS >= shiftEndS) {
          return null;
        }
        if (lastFixTime == null) {
          return null;
        }
        gapBefore = lastFixTime;
        return new Episode(type, now, now + length);
      }
      case GPS_JUMP -> {
        jumpNext = true;
        return new Episode(type, now, now);
      }
      case OFFLINE -> {
        double min = seconds(faults.offlineMin());
        double max = seconds(faults.offlineMax());
        double length = min + faultRandom.nextDouble() * (max - min);
        return new Episode(type, now, now + length);
      }
      case DUPLICATE -> {
        duplicateNext = true;
        return new Episode(type, now, now);
      }
      case SWEEPING_FAST -> {
        // the fast fixes alone span at least 2 min: every 2-minute window inside averages > 10
        double length = Math.max(150 + faultRandom.nextDouble() * 90, 120 + 2 * fixS + 1);
        if (now + length >= shiftEndS) {
          return null;
        }
        Episode e = new Episode(type, now, now + length);
        e.leg =
            new Leg(
                DrivingProfile.between(
                    faultRandom,
                    DrivingProfile.SWEEPING_FAST_MIN_KMH,
                    DrivingProfile.SWEEPING_FAST_MAX_KMH),
                DrivingProfile.brush(true));
        leg = e.leg;
        return e;
      }
      case BAD_SPREAD_RATE -> {
        double speedKmh =
            DrivingProfile.between(
                faultRandom,
                DrivingProfile.SPREADER_WORK_MIN_KMH,
                DrivingProfile.SPREADER_WORK_MAX_KMH);
        double rate =
            DrivingProfile.between(
                faultRandom,
                DrivingProfile.BAD_SPREAD_RATE_MIN_GM2,
                DrivingProfile.BAD_SPREAD_RATE_MAX_GM2);
        double mps = speedKmh / 3.6;
        // 1.2–1.7 km, and at least 1.2 km between the first and the last fix: the GPS chords
        // (shorter than the road at turns) still add up to 1 km
        double metres = Math.max(1200 + faultRandom.nextDouble() * 500, 1200 + 2 * fixS * mps);
        double length = metres / mps;
        if (now + length >= shiftEndS) {
          return null;
        }
        Episode e = new Episode(type, now, now + length);
        e.leg = new Leg(speedKmh, DrivingProfile.spreader(rate, true));
        leg = e.leg;
        return e;
      }
      case TRANSPORT_SPEEDING -> {
        double speedKmh =
            DrivingProfile.between(
                faultRandom,
                DrivingProfile.TRANSPORT_SPEEDING_MIN_KMH,
                DrivingProfile.TRANSPORT_SPEEDING_MAX_KMH);
        double length = Math.max(45 + faultRandom.nextDouble() * 45, 30 + 2 * fixS + 1);
        if (now + length >= shiftEndS || DrivingProfile.legalLimitKmh(edge) >= speedKmh) {
          return null;
        }
        Episode e = new Episode(type, now, now + length);
        e.leg = new Leg(speedKmh, DrivingProfile.idle(vehicle.type(), true));
        leg = e.leg;
        return e;
      }
      case IDLING -> {
        double length = 17 * 60 + faultRandom.nextDouble() * 8 * 60;
        if (now + length >= shiftEndS || nearDepot(edge.pointAt(metresAlong))) {
          return null;
        }
        Episode e = new Episode(type, now, now + length);
        e.leg = new Leg(0, DrivingProfile.idle(vehicle.type(), true));
        leg = e.leg;
        return e;
      }
      case SENSOR_FLAPPING -> {
        // strictly more than a minute: the first toggle may fall on a fix due right now
        if (lastChannelOn == null || now - lastToggleS <= FLAPPING_QUIET_S + 1e-3) {
          return null;
        }
        // n toggles at n consecutive fixes span (n - 1) intervals <= 60 s
        int most = Math.min(20, (int) Math.floor(60 / fixS + 1e-9) + 1);
        int n = 12 + faultRandom.nextInt(most - 12 + 1);
        // end with the implement working, as the vehicle goes on
        if (lastChannelOn == (n % 2 == 1)) {
          n = n + 1 <= most ? n + 1 : n - 1;
        }
        double length = n * fixS + FLAPPING_QUIET_S + fixS;
        if (now + length >= shiftEndS) {
          return null;
        }
        Episode e = new Episode(type, now, now + length);
        e.leg =
            DrivingProfile.capped(
                DrivingProfile.work(vehicle.type(), faultRandom), DrivingProfile.limitKmh(edge));
        e.togglesLeft = n;
        leg = e.leg;
        return e;
      }
      case CLOCK_SKEW -> {
        int fixes = 3 + faultRandom.nextInt(4);
        if (now + fixes * fixS >= shiftEndS) {
          return null;
        }
        skewLeft = fixes;
        skewMillis = clockSkewMillis();
        return new Episode(type, now, now + fixes * fixS);
      }
      default -> {
        return null;
      }
    }
  }

  /**
   * 5–10 min, and half an interval off the fix grid, so a skewed fix never has the fix time of a
   * genuine fix of the same vehicle (trackers sending whole seconds: with intervals of 2 s and
   * more).
   */
  private long clockSkewMillis() {
    long ms = interval.toMillis();
    long lowest = (long) Math.ceil(300_000.0 / ms - 0.5);
    long highest = (long) Math.floor(600_000.0 / ms - 0.5);
    if (lowest > highest) {
      return 300_000 + faultRandom.nextLong(300_001);
    }
    return (lowest + faultRandom.nextLong(highest - lowest + 1)) * ms + ms / 2;
  }

  private boolean nearDepot(GeoPoint p) {
    for (GeoPoint depot : depots) {
      if (Geo.haversineMetres(depot, p) < IDLE_DEPOT_CLEARANCE_M) {
        return true;
      }
    }
    return false;
  }

  /**
   * Leaves the road at a right angle (or 30° off it) to the side that stays clear of the route, far
   * enough that at least 200 m and 3 fix intervals are driven more than 60 m from the route, and
   * comes back to the same spot.
   */
  private Episode beginDeviation(double now, double fixS) {
    double speedKmh = DrivingProfile.between(faultRandom, 20, 30);
    double speed = speedKmh / 3.6;
    // enough outside the band that the fixes alone (sampled every interval) show 200 m and 3 fixes
    double outside = Math.max(300, 3 * fixS * speed) + 2 * fixS * speed + 60;
    double out = 60 + outside / 2 + 20;
    double length = 2 * out / speed;
    if (now + length >= shiftEndS) {
      return null;
    }
    GeoPoint anchor = edge.pointAt(metresAlong);
    double heading = edge.headingAt(metresAlong);
    double side = faultRandom.nextBoolean() ? 1 : -1;
    double[] offsets = {90, -90, 60, -60, 120, -120};
    for (double offset : offsets) {
      double dir = heading + side * offset;
      dir = ((dir % 360) + 360) % 360;
      if (clearOfRoute(anchor, dir, out)) {
        Episode e = new Episode(FaultType.ROUTE_DEVIATION, now, now + length);
        e.anchor = anchor;
        e.directionDeg = dir;
        e.outMetres = out;
        e.speedMps = speed;
        e.leg = new Leg(speedKmh, DrivingProfile.idle(vehicle.type(), true));
        leg = e.leg;
        return e;
      }
    }
    return null;
  }

  /** True when the ray leaves the 60 m band once and stays out of it up to {@code out} metres. */
  private boolean clearOfRoute(GeoPoint anchor, double dir, double out) {
    boolean left = false;
    for (double d = 10; d <= out; d += 10) {
      double dist = assignment.distanceToRouteMetres(along(anchor, dir, d), graph);
      if (dist > 60) {
        left = true;
      } else if (left || d > 120) {
        return false;
      }
    }
    return left;
  }

  private static GeoPoint along(GeoPoint p, double dirDeg, double metres) {
    double rad = Math.toRadians(dirDeg);
    return Geo.offset(p, metres * Math.cos(rad), metres * Math.sin(rad));
  }

  private void endEpisode(double elapsed) {
    Episode e = episode;
    episode = null;
    coolDownUntilS = elapsed + seconds(FaultPlan.COOL_DOWN);
    switch (e.type) {
      case OVERSPEED_PLOUGH, SPREADING_STANDING -> {
        if (e.first != null && Duration.between(e.first, e.last).getSeconds() >= 60) {
          record(e.type, e.first, e.last);
        }
      }
      case ROUTE_DEVIATION -> {
        if (e.conditionFixes >= 2) {
          record(e.type, e.first, e.last);
        }
      }
      case SWEEPING_FAST -> {
        if (e.first != null && Duration.between(e.first, e.last).getSeconds() >= 120) {
          record(e.type, e.first, e.last);
        }
      }
      case BAD_SPREAD_RATE -> {
        if (e.first != null && e.conditionMetres >= 1000) {
          record(e.type, e.first, e.last);
        }
      }
      case TRANSPORT_SPEEDING -> {
        if (e.first != null && Duration.between(e.first, e.last).getSeconds() >= 30) {
          record(e.type, e.first, e.last);
        }
      }
      case DUMP_OUTSIDE -> {
        if (e.first != null) {
          record(e.type, e.first, e.last);
        }
      }
      case IDLING -> {
        if (e.first != null && Duration.between(e.first, e.last).getSeconds() > 15 * 60) {
          record(e.type, e.first, e.last);
        }
      }
      case SENSOR_FLAPPING -> {
        if (e.conditionFixes > 10 && Duration.between(e.first, e.last).getSeconds() <= 60) {
          record(e.type, e.first, e.last);
        }
      }
      case OFFLINE -> releaseHeld = true;
      default -> {}
    }
    if (e.type != FaultType.TELEMETRY_GAP) {
      gapBefore = null;
    }
    leg = normalLeg();
  }

  private void recordOffence() {
    if (offenceFirst != null && Duration.between(offenceFirst, offenceLast).getSeconds() >= 60) {
      record(FaultType.OFFENDER_CYCLE, offenceFirst, offenceLast);
    }
    offenceFirst = null;
    offenceLast = null;
  }

  private void record(FaultType type, Instant first, Instant last) {
    groundTruth.accept(GroundTruthEntry.of(vehicle.id(), type, first, last));
  }

  private double exponential(double perHour) {
    return -Math.log(1 - faultRandom.nextDouble()) * 3600 / perHour;
  }

  // ---------------------------------------------------------------- fixes

  private void emit(List<TelemetryPoint> out, List<TelemetryPoint> fresh) {
    TelemetryPoint p = fix();
    Episode e = episode;
    boolean toggled = false;
    if (e != null
        && e.type == FaultType.SENSOR_FLAPPING
        && e.togglesLeft > 0
        && lastChannelOn != null) {
      e.togglesLeft--;
      toggled = true;
      p =
          copy(
              p,
              p.fixTime(),
              p.lat(),
              p.lon(),
              lastChannelOn ? DrivingProfile.idle(vehicle.type(), true) : e.leg.equipment());
    }
    if (schedule != null && phase % 2 == 0 && offending(p)) {
      offenceFirst = offenceFirst == null ? p.fixTime() : offenceFirst;
      offenceLast = p.fixTime();
    }
    if (e != null) {
      boolean condition =
          switch (e.type) {
            case OVERSPEED_PLOUGH -> offending(p);
            case SPREADING_STANDING -> p.equipment().isSpreaderOn() && p.speedKmh() < 3;
            case ROUTE_DEVIATION ->
                assignment.distanceToRouteMetres(new GeoPoint(p.lat(), p.lon()), graph) > 50;
            case SWEEPING_FAST ->
                p.equipment().isBrushOn() && p.speedKmh() > DrivingProfile.SWEEPING_LIMIT_KMH;
            case BAD_SPREAD_RATE ->
                p.equipment().isSpreaderOn()
                    && p.equipment().spreadRateGm2() != null
                    && p.equipment().spreadRateGm2() > DrivingProfile.SPREAD_RATE_LIMIT_GM2;
            case TRANSPORT_SPEEDING ->
                !p.equipment().isAnyImplementWorking()
                    && p.speedKmh() > DrivingProfile.legalLimitKmh(edge);
            case IDLING -> standing(p) && !nearDepot(new GeoPoint(p.lat(), p.lon()));
            case SENSOR_FLAPPING -> toggled;
            case DUMP_OUTSIDE -> Boolean.TRUE.equals(p.equipment().bodyTip());
            default -> false;
          };
      if (condition) {
        if (e.first == null) {
          // idling: the standing may have begun before the episode (e.g. a container stop)
          e.first =
              e.type == FaultType.IDLING && standingSince != null ? standingSince : p.fixTime();
        }
        e.last = p.fixTime();
        e.conditionFixes++;
        if (e.lastInCondition != null) {
          e.conditionMetres += metres(e.lastInCondition, p);
        }
        e.lastInCondition = p;
      }
      if (e.type == FaultType.TELEMETRY_GAP) {
        return; // the tracker is silent
      }
    }
    if (gapBefore != null && episode == null) {
      record(FaultType.TELEMETRY_GAP, gapBefore, p.fixTime());
      gapBefore = null;
    }
    if (jumpNext) {
      jumpNext = false;
      double fixS = seconds(interval);
      double metres = Math.max(2000, 3 * 150 / 3.6 * fixS) * (1 + faultRandom.nextDouble() * 0.25);
      GeoPoint moved =
          along(new GeoPoint(p.lat(), p.lon()), faultRandom.nextDouble() * 360, metres);
      p = copy(p, p.fixTime(), round(moved.lat(), 1e7), round(moved.lon(), 1e7), p.equipment());
      record(FaultType.GPS_JUMP, p.fixTime(), p.fixTime());
    }
    lastFixTime = p.fixTime();
    if (skewLeft > 0) {
      skewLeft--;
      p = copy(p, p.fixTime().plusMillis(skewMillis), p.lat(), p.lon(), p.equipment());
      skewFirst = skewFirst == null ? p.fixTime() : skewFirst;
      skewLast = p.fixTime();
      if (skewLeft == 0) {
        record(FaultType.CLOCK_SKEW, skewFirst, skewLast);
        skewFirst = null;
      }
    }
    observe(p);
    if (e != null && e.type == FaultType.OFFLINE) {
      held.add(p);
    } else {
      out.add(p);
      fresh.add(p);
    }
    if (releaseHeld) {
      releaseHeld = false;
      if (!held.isEmpty()) {
        List<TelemetryPoint> late = new ArrayList<>(held);
        held.clear();
        record(FaultType.OFFLINE, late.get(0).fixTime(), late.get(late.size() - 1).fixTime());
        Collections.shuffle(late, new java.util.Random(faultRandom.nextLong()));
        out.addAll(late);
      }
    }
  }

  /** Keeps what the ground truth of idling, flapping and drift needs from each emitted fix. */
  private void observe(TelemetryPoint p) {
    double elapsed = seconds(Duration.between(start, positionTime));
    if (standing(p)) {
      standingSince = standingSince == null ? p.fixTime() : standingSince;
    } else {
      standingSince = null;
    }
    Boolean on = implementOn(vehicle.type(), p.equipment());
    if (on != null) {
      if (lastChannelOn != null && !on.equals(lastChannelOn)) {
        lastToggleS = elapsed;
      }
      lastChannelOn = on;
    }
    if (Boolean.TRUE.equals(p.equipment().ignition())) {
      shiftFirstFix = shiftFirstFix == null ? p.fixTime() : shiftFirstFix;
      shiftLastFix = p.fixTime();
    } else if (mode == Mode.PARKED && shiftLastFix != null && odometerDrifts && !driftRecorded) {
      driftRecorded = true;
      record(FaultType.ODOMETER_DRIFT, shiftFirstFix, shiftLastFix);
    }
  }

  /** Speed 0 with the ignition on (TIM-007's idling, wherever it is). */
  private static boolean standing(TelemetryPoint p) {
    return p.speedKmh() == 0 && Boolean.TRUE.equals(p.equipment().ignition());
  }

  private static double metres(TelemetryPoint a, TelemetryPoint b) {
    return Geo.haversineMetres(new GeoPoint(a.lat(), a.lon()), new GeoPoint(b.lat(), b.lon()));
  }

  private static TelemetryPoint copy(
      TelemetryPoint p, Instant fixTime, double lat, double lon, Equipment equipment) {
    return new TelemetryPoint(
        p.schemaVersion(),
        p.vehicleId(),
        p.deviceId(),
        fixTime,
        p.receivedAt(),
        lat,
        lon,
        p.speedKmh(),
        p.headingDeg(),
        p.odometerKm(),
        equipment,
        p.attributes());
  }

  private static boolean offending(TelemetryPoint p) {
    return p.equipment().isPloughDown() && p.speedKmh() > 45;
  }

  private TelemetryPoint fix() {
    GeoPoint p;
    double heading;
    Episode e = episode;
    double elapsed = seconds(Duration.between(start, positionTime));
    if (e != null && e.type == FaultType.ROUTE_DEVIATION) {
      double travelled = (elapsed - e.startS) * e.speedMps;
      boolean outward = travelled < e.outMetres;
      double distance = outward ? travelled : Math.max(0, 2 * e.outMetres - travelled);
      p = along(e.anchor, e.directionDeg, distance);
      heading = outward ? e.directionDeg : (e.directionDeg + 180) % 360;
    } else {
      p = edge.pointAt(metresAlong);
      heading = edge.headingAt(metresAlong);
    }
    Equipment equipment = leg.equipment();
    return new TelemetryPoint(
        SchemaVersions.TELEMETRY_POINT,
        vehicle.id(),
        vehicle.deviceId(),
        positionTime,
        null,
        round(p.lat(), 1e7),
        round(p.lon(), 1e7),
        movingOnRoad(elapsed) || (e != null && e.type == FaultType.ROUTE_DEVIATION)
            ? leg.speedKmh()
            : 0,
        round(heading, 10) % 360,
        round(odometerStartKm + odometerMetres / 1000, 1e3),
        equipment,
        Map.of());
  }

  private static double round(double value, double scale) {
    return Math.round(value * scale) / scale;
  }

  private static double seconds(Duration d) {
    return d.toNanos() / 1e9;
  }
}

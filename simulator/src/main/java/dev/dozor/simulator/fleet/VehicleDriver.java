package dev.dozor.simulator.fleet;

import dev.dozor.events.Equipment;
import dev.dozor.events.SchemaVersions;
import dev.dozor.events.TelemetryPoint;
import dev.dozor.simulator.city.CityLayout;
import dev.dozor.simulator.city.CityZone;
import dev.dozor.simulator.fault.FaultPlan;
import dev.dozor.simulator.fault.FaultType;
import dev.dozor.simulator.fault.GroundTruthEntry;
import dev.dozor.simulator.grid.Geo;
import dev.dozor.simulator.grid.GeoPoint;
import dev.dozor.simulator.road.RoadEdge;
import dev.dozor.simulator.road.RoadGraph;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

  /** An idling episode (TIM-007: more than 15 min) lasts 17–25 min. */
  private static final double IDLING_MIN_S = 17 * 60;

  private static final double IDLING_MAX_S = 25 * 60;

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

  /** Local time of the time-of-day regulations (TIM-004, TIM-005). */
  static final ZoneId LOCAL = ZoneId.of("Europe/Moscow");

  /** TIM-004: refuse is collected in [07:00, 23:00) local; TIM-005: yards are not worked then. */
  static final int DAY_FROM_S = 7 * 3600;

  static final int DAY_TO_S = 23 * 3600;

  /** TIM-004: a stop this close to a container site serves it. */
  static final double SITE_RADIUS_M = 30;

  /** EQP-001: the work zone's boundary must be at most this far for the excursion to start. */
  static final double OUTSIDE_APPROACH_MAX_M = 300;

  /** EQP-001: the work starts this far beyond the work zone's boundary. */
  static final double OUTSIDE_MARGIN_M = 30;

  /** EQP-001: the working part of the excursion keeps this far from playgrounds and yards. */
  static final double OUTSIDE_ZONE_CLEARANCE_M = 60;

  /** EQP-004 / TIM-005: a zone visit starts only this close to the zone's centre. */
  static final double ZONE_VISIT_REACH_M = 60;

  /** Faults whose arrivals are dropped while one of them is still waiting for its place / hour. */
  private static final Set<FaultType> WAITING_FAULTS =
      EnumSet.of(
          FaultType.WORK_OUTSIDE_ZONE,
          FaultType.NO_MACHINERY,
          FaultType.NIGHT_COLLECTION,
          FaultType.NIGHT_YARD_WORK);

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
    // excursions off the road (outside the work zone, into a playground or yard): straight out
    // from anchor along directionDeg and back, phase by phase
    List<Phase> phases;
    CityZone target;
    // night collection: the container site
    GeoPoint site;
    // outside the work zone: the same excursion leaves the route corridor (GEO-001)
    Instant routeFirst;
    Instant routeLast;
    int routeFixes;
    TelemetryPoint routeLastPoint;
    double routeMetres;

    void phase(double seconds, double fromM, double toM, double kmh, Equipment equipment) {
      if (phases == null) {
        phases = new ArrayList<>();
      }
      double before = phases.isEmpty() ? 0 : phases.get(phases.size() - 1).endS();
      phases.add(new Phase(before, before + seconds, fromM, toM, kmh, equipment));
    }

    boolean excursion() {
      return phases != null;
    }

    /** The phase at {@code elapsed} (seconds since the fleet start). */
    Phase phaseAt(double elapsed) {
      double rel = elapsed - startS;
      for (Phase p : phases) {
        if (rel < p.endS()) {
          return p;
        }
      }
      return phases.get(phases.size() - 1);
    }

    /** Distance from the anchor at {@code elapsed}, metres. */
    double metresAt(double elapsed) {
      Phase p = phaseAt(elapsed);
      double length = p.endS() - p.startS();
      double f =
          length <= 0 ? 1 : Math.min(1, Math.max(0, (elapsed - startS - p.startS()) / length));
      return p.fromM() + (p.toM() - p.fromM()) * f;
    }

    /** Seconds from {@code elapsed} to the next phase change. */
    double toNextPhase(double elapsed) {
      double rel = elapsed - startS;
      for (Phase p : phases) {
        if (p.endS() > rel) {
          return p.endS() - rel;
        }
      }
      return Double.POSITIVE_INFINITY;
    }

    Episode(FaultType type, double startS, double endS) {
      this.type = type;
      this.startS = startS;
      this.endS = endS;
    }
  }

  /**
   * One phase of an excursion: from {@code startS} to {@code endS} (seconds since the episode
   * start) the vehicle moves from {@code fromM} to {@code toM} metres from the anchor at {@code
   * kmh} (0: it stands) with {@code equipment}.
   */
  private record Phase(
      double startS, double endS, double fromM, double toM, double kmh, Equipment equipment) {}

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
  private final CityZone workZone;
  private final CityZone depotZone;
  private final List<CityZone> playgrounds;
  private final List<CityZone> yards;
  private final List<GeoPoint> sites;
  private final double rollOutS;
  private final boolean lateRollOut;
  private Instant lateFirst;
  private boolean lateRecorded;
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
      CityLayout layout,
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
    this.workZone = layout.workZones().get(assignment.depotNode());
    this.depotZone = layout.depots().get(assignment.depotNode());
    this.playgrounds = layout.playgrounds();
    this.yards = layout.yards();
    this.sites = layout.containerSites().stream().map(CityZone::centre).toList();
    this.odometerStartKm = odometerStartKm;
    this.edge = this.tour.get(0);
    this.tourIndex = 0;
    this.metresAlong = 0;
    this.positionTime = start;
    this.nextFix = start;
    this.phase = 0;
    this.mode = Mode.BEFORE_SHIFT;
    this.leg = new Leg(0, DrivingProfile.idle(vehicle.type(), false));
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
    // a late roll-out: at least one arrival of the Poisson process in the shift's first hour;
    // only when the vehicle still rolls out 10 min before its shift ends
    double lateRate = this.faults.rate(FaultType.LATE_ROLL_OUT);
    double late = 0;
    if (lateRate > 0 && faultRandom.nextDouble() < 1 - Math.exp(-lateRate)) {
      late = lateRollOutS(faultRandom.nextDouble(), shiftEndS - shiftStartS);
    }
    this.lateRollOut = late > 0;
    this.rollOutS = shiftStartS + late;
    if (rollOutS <= 0) {
      rollOut();
    }
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
      // GEO-003 is about snow: the ploughs and spreaders that haul it (refuse trucks are exempt)
      case DUMP_OUTSIDE ->
          vehicle.type() == VehicleType.PLOUGH || vehicle.type() == VehicleType.SPREADER;
      case NIGHT_COLLECTION -> vehicle.type() == VehicleType.REFUSE;
      case SENSOR_FLAPPING, WORK_OUTSIDE_ZONE ->
          implementOn(vehicle.type(), Equipment.NONE) != null;
      case NO_MACHINERY, NIGHT_YARD_WORK ->
          vehicle.type() == VehicleType.PLOUGH || vehicle.type() == VehicleType.SWEEPER;
      case OFFENDER_CYCLE, ODOMETER_DRIFT, LATE_ROLL_OUT -> false;
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
      } else if (episode != null && episode.excursion()) {
        odometerMetres += episode.phaseAt(elapsed).kmh() / 3.6 * step * odometerFactor;
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
            && !episode.excursion()
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
      next = Math.min(next, rollOutS - elapsed);
    }
    if (mode == Mode.WORKING && episode == null) {
      next = Math.min(next, shiftEndS - elapsed);
    }
    if (stoppedUntilS > elapsed) {
      next = Math.min(next, stoppedUntilS - elapsed);
    }
    if (episode != null) {
      next = Math.min(next, episode.endS - elapsed);
      if (episode.excursion()) {
        next = Math.min(next, episode.toNextPhase(elapsed));
      }
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
    if (mode == Mode.BEFORE_SHIFT && elapsed >= rollOutS) {
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
          if (!(WAITING_FAULTS.contains(e.getKey()) && pending.contains(e.getKey()))) {
            pending.add(e.getKey());
          }
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
      double stop = 60 + random.nextDouble() * 120;
      double fixS = seconds(interval);
      if (collectionHours(elapsed, elapsed + stop + fixS)) {
        siteServedAt.put(node, elapsed);
        stoppedUntilS = elapsed + stop;
        leg = new Leg(0, DrivingProfile.refuse(true));
      } else if (pending.contains(FaultType.NIGHT_COLLECTION)
          && elapsed >= coolDownUntilS
          && night(elapsed, elapsed + 180 + 3 * fixS)) {
        // TIM-004: served at night (outside the hours no truck stops at a site)
        double length = Math.max(90 + faultRandom.nextDouble() * 90, 60 + 2 * fixS + 1);
        if (elapsed + length < shiftEndS) {
          pending.remove(FaultType.NIGHT_COLLECTION);
          siteServedAt.put(node, elapsed);
          stoppedUntilS = elapsed + length;
          leg = new Leg(0, DrivingProfile.refuse(true));
          Episode e = new Episode(FaultType.NIGHT_COLLECTION, elapsed, elapsed + length);
          e.leg = leg;
          e.site = graph.nodePosition(node);
          episode = e;
        }
      }
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
    if (pending.isEmpty() || elapsed < coolDownUntilS || stoppedUntilS > elapsed) {
      return;
    }
    if (!onWorkStretch()) {
      // idling (standing with the engine on) needs no work segment: on a transport stretch of
      // the shift it may start too, so it still fits in a short shift whose work starts late
      if (mode == Mode.WORKING && pending.contains(FaultType.IDLING)) {
        Episode e = begin(FaultType.IDLING, elapsed);
        if (e != null) {
          pending.remove(FaultType.IDLING);
          episode = e;
        }
      }
      return;
    }
    // the faults waiting for a place first: they can start only where the vehicle is now; then
    // idling, the longest (17-25 min), which must end within the shift; then the others, anywhere
    // on a work stretch (else a busy vehicle passes every playground in an episode)
    for (int pass = 0; pass < 3; pass++) {
      for (java.util.Iterator<FaultType> it = pending.iterator(); it.hasNext(); ) {
        FaultType type = it.next();
        int order = WAITING_FAULTS.contains(type) ? 0 : type == FaultType.IDLING ? 1 : 2;
        if (order != pass) {
          continue;
        }
        Episode e = begin(type, elapsed);
        if (e != null) {
          it.remove();
          episode = e;
          return;
        }
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
        if (now + length >= shiftEndS || standsAtSiteAtNight(now, length)) {
          return null;
        }
        Episode e = new Episode(type, now, now + length);
        e.leg = new Leg(0, DrivingProfile.tipping());
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
        double length = IDLING_MIN_S + faultRandom.nextDouble() * (IDLING_MAX_S - IDLING_MIN_S);
        if (now + length >= shiftEndS
            || nearDepot(edge.pointAt(metresAlong))
            || standsAtSiteAtNight(now, length)) {
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
      case WORK_OUTSIDE_ZONE -> {
        return beginOutsideZone(now, fixS);
      }
      case NO_MACHINERY -> {
        return beginZoneVisit(type, playgrounds, now, fixS);
      }
      case NIGHT_YARD_WORK -> {
        return beginZoneVisit(type, yards, now, fixS);
      }
      default -> {
        return null;
      }
    }
  }

  /**
   * How long after its shift start a late vehicle rolls out, seconds: 40–60 min ({@code u} in [0,
   * 1) picks within), so TIM-006's 30 min pass with a margin, at least 10 min before the shift end.
   * A shift too short for that (under 50 min, e.g. a short demo shift) gets 31 min up to 2 min
   * before its end instead, still past TIM-006's 30 min; 0 (no late roll-out) when even that does
   * not fit.
   */
  static double lateRollOutS(double u, double shiftS) {
    double late = (40 + u * 20) * 60;
    if (late <= shiftS - 600) {
      return late;
    }
    if (shiftS - 600 >= 40 * 60) {
      return 0; // as before: the draw falls too late in this shift
    }
    double from = 31 * 60;
    double to = Math.min(60 * 60, shiftS - 120);
    return to < from ? 0 : from + u * (to - from);
  }

  /** Seconds since midnight, local time, {@code elapsed} seconds after the fleet start. */
  private int localSecondOfDay(double elapsed) {
    return start.plusMillis(Math.round(elapsed * 1000)).atZone(LOCAL).toLocalTime().toSecondOfDay();
  }

  /** Whether {@code [from, to]} (elapsed seconds, under an hour) lies within 07:00–23:00 local. */
  private boolean collectionHours(double from, double to) {
    int a = localSecondOfDay(from);
    int b = localSecondOfDay(to);
    return a >= DAY_FROM_S && b < DAY_TO_S && b >= a;
  }

  /** Whether {@code [from, to]} (elapsed seconds, under an hour) lies within 23:00–07:00 local. */
  private boolean night(double from, double to) {
    int day = 24 * 3600;
    int a = Math.floorMod(localSecondOfDay(from) - DAY_TO_S, day);
    int b = Math.floorMod(localSecondOfDay(to) - DAY_TO_S, day);
    int nightLength = day - (DAY_TO_S - DAY_FROM_S);
    return a < nightLength && b < nightLength && b >= a;
  }

  /** Whether {@code t} (a fix time) is at night, 23:00–07:00 local. */
  private static boolean nightAt(Instant t) {
    int s = t.atZone(LOCAL).toLocalTime().toSecondOfDay();
    return s < DAY_FROM_S || s >= DAY_TO_S;
  }

  /**
   * A refuse truck would stand for {@code length} s from {@code now} near a container site at a
   * forbidden hour: that is TIM-004's condition, so other standing faults do not start there.
   */
  private boolean standsAtSiteAtNight(double now, double length) {
    if (vehicle.type() != VehicleType.REFUSE
        || collectionHours(now, now + length + seconds(interval))) {
      return false;
    }
    GeoPoint here = edge.pointAt(metresAlong);
    return sites.stream().anyMatch(s -> Geo.haversineMetres(s, here) < SITE_RADIUS_M + 20);
  }

  /** The vehicle's main implement working (plough down, brush on, spreader spreading). */
  private Equipment implementWorking() {
    return switch (vehicle.type()) {
      case PLOUGH -> DrivingProfile.plough(true);
      case SWEEPER -> DrivingProfile.brush(true);
      case SPREADER ->
          DrivingProfile.spreader(
              DrivingProfile.between(
                  faultRandom,
                  DrivingProfile.SPREAD_RATE_MIN_GM2,
                  DrivingProfile.SPREAD_RATE_MAX_GM2),
              true);
      default -> DrivingProfile.idle(vehicle.type(), true);
    };
  }

  /**
   * EQP-004 / TIM-005: from a road beside one of {@code zones} (its centre within {@value
   * #ZONE_VISIT_REACH_M} m and within 45 m of the route), the vehicle works its way straight to the
   * centre at 5–8 km/h, stays 20–60 s (at least 2 intervals) working and comes back the same way.
   * Yards only at night, the whole visit before 07:00.
   */
  private Episode beginZoneVisit(FaultType type, List<CityZone> zones, double now, double fixS) {
    if (!onWorkStretch()) {
      return null;
    }
    GeoPoint here = edge.pointAt(metresAlong);
    for (CityZone z : zones) {
      GeoPoint c = z.centre();
      double d = Geo.haversineMetres(here, c);
      if (d > ZONE_VISIT_REACH_M || edge.distanceMetres(c) > 45) {
        continue;
      }
      double kmh = DrivingProfile.between(faultRandom, 5, 8);
      double dwell = Math.max(20 + faultRandom.nextDouble() * 40, 2 * fixS + 1);
      double legS = d / (kmh / 3.6);
      double total = 2 * legS + dwell;
      if (now + total >= shiftEndS
          || (type == FaultType.NIGHT_YARD_WORK && !night(now, now + total + fixS))) {
        return null;
      }
      Equipment on = implementWorking();
      Episode e = new Episode(type, now, now + total);
      e.anchor = here;
      e.directionDeg = Geo.bearingDegrees(here, c);
      e.target = z;
      e.phase(legS, 0, d, kmh, on);
      e.phase(dwell, d, d, 0, on);
      e.phase(legS, d, 0, kmh, on);
      e.leg = new Leg(kmh, on);
      leg = e.leg;
      return e;
    }
    return null;
  }

  /**
   * EQP-001: where the boundary of the group's work zone is at most {@value
   * #OUTSIDE_APPROACH_MAX_M} m away, the vehicle drives straight out to {@value #OUTSIDE_MARGIN_M}
   * m beyond it (20–30 km/h, implements off), works on outwards and back (5–9 km/h) for 150–240 s
   * (at least 120 s + 2 intervals) and returns the same way. The ray must leave the route's 60 m
   * band once and stay out (a clean GEO-001 deviation), and the working part keeps {@value
   * #OUTSIDE_ZONE_CLEARANCE_M} m from playgrounds and yards.
   */
  private Episode beginOutsideZone(double now, double fixS) {
    if (!onWorkStretch() || workZone == null) {
      return null;
    }
    GeoPoint here = edge.pointAt(metresAlong);
    double mLat = Geo.metresPerDegreeLat(here.lat());
    double mLon = Geo.metresPerDegreeLon(here.lat());
    double[] toSide = {
      (workZone.northEast().lat() - here.lat()) * mLat,
      (workZone.northEast().lon() - here.lon()) * mLon,
      (here.lat() - workZone.southWest().lat()) * mLat,
      (here.lon() - workZone.southWest().lon()) * mLon
    };
    int side = 0;
    for (int i = 1; i < 4; i++) {
      if (toSide[i] < toSide[side]) {
        side = i;
      }
    }
    if (toSide[side] > OUTSIDE_APPROACH_MAX_M || toSide[side] < 0) {
      return null;
    }
    double dir = 90.0 * side;
    double out = toSide[side] + OUTSIDE_MARGIN_M;
    double transportKmh = DrivingProfile.between(faultRandom, 20, 30);
    double workKmh = DrivingProfile.between(faultRandom, 5, 9);
    double work = Math.max(150 + faultRandom.nextDouble() * 90, 120 + 2 * fixS + 1);
    double far = out + work / 2 * workKmh / 3.6;
    double transportS = out / (transportKmh / 3.6);
    if (now + 2 * transportS + work >= shiftEndS || !clearOfRoute(here, dir, far)) {
      return null;
    }
    List<CityZone> avoid = new ArrayList<>(playgrounds);
    avoid.addAll(yards);
    for (double d = out; d <= far + 5; d += 5) {
      GeoPoint q = along(here, dir, d);
      for (CityZone z : avoid) {
        if (Geo.haversineMetres(q, z.centre()) < OUTSIDE_ZONE_CLEARANCE_M) {
          return null;
        }
      }
    }
    Equipment off = DrivingProfile.idle(vehicle.type(), true);
    Equipment on = implementWorking();
    Episode e = new Episode(FaultType.WORK_OUTSIDE_ZONE, now, now + 2 * transportS + work);
    e.anchor = here;
    e.directionDeg = dir;
    e.target = workZone;
    e.phase(transportS, 0, out, transportKmh, off);
    e.phase(work / 2, out, far, workKmh, on);
    e.phase(work / 2, far, out, workKmh, on);
    e.phase(transportS, out, 0, transportKmh, off);
    e.leg = new Leg(transportKmh, off);
    leg = e.leg;
    return e;
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
      case WORK_OUTSIDE_ZONE -> {
        if (e.first != null && Duration.between(e.first, e.last).getSeconds() >= 120) {
          record(e.type, e.first, e.last);
        }
        if (e.routeFixes >= 2 && e.routeMetres >= 200) {
          groundTruth.accept(
              new GroundTruthEntry(
                  vehicle.id(), "GEO-001", e.routeFirst, e.routeLast, e.type.wireName()));
        }
      }
      case NO_MACHINERY, NIGHT_YARD_WORK -> {
        if (e.first != null) {
          record(e.type, e.first, e.last);
        }
      }
      case NIGHT_COLLECTION -> {
        if (e.first != null && Duration.between(e.first, e.last).getSeconds() >= 60) {
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
            case WORK_OUTSIDE_ZONE ->
                p.equipment().isAnyImplementWorking() && !e.target.contains(point(p));
            case NO_MACHINERY ->
                p.equipment().isAnyImplementWorking() && e.target.contains(point(p));
            case NIGHT_YARD_WORK ->
                p.equipment().isAnyImplementWorking()
                    && e.target.contains(point(p))
                    && nightAt(p.fixTime());
            case NIGHT_COLLECTION ->
                p.speedKmh() < 1
                    && Geo.haversineMetres(e.site, point(p)) <= SITE_RADIUS_M
                    && !collectionHoursAt(p.fixTime());
            default -> false;
          };
      if (e.type == FaultType.WORK_OUTSIDE_ZONE
          && assignment.distanceToRouteMetres(point(p), graph) > 50) {
        e.routeFirst = e.routeFirst == null ? p.fixTime() : e.routeFirst;
        e.routeLast = p.fixTime();
        e.routeFixes++;
        if (e.routeLastPoint != null) {
          e.routeMetres += metres(e.routeLastPoint, p);
        }
        e.routeLastPoint = p;
      }
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
    if (lateRollOut && !lateRecorded) {
      // TIM-006: from the first fix of the shift to the first fix outside the depot zone
      if (lateFirst == null && elapsed >= shiftStartS - 1e-9) {
        lateFirst = p.fixTime();
      }
      if (lateFirst != null && mode != Mode.BEFORE_SHIFT && !depotZone.contains(point(p))) {
        lateRecorded = true;
        record(FaultType.LATE_ROLL_OUT, lateFirst, p.fixTime());
      }
    }
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

  private static GeoPoint point(TelemetryPoint p) {
    return new GeoPoint(p.lat(), p.lon());
  }

  /** Whether {@code t} is within TIM-004's collection hours, 07:00–23:00 local. */
  private static boolean collectionHoursAt(Instant t) {
    int s = t.atZone(LOCAL).toLocalTime().toSecondOfDay();
    return s >= DAY_FROM_S && s < DAY_TO_S;
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
    Equipment equipment = leg.equipment();
    double speedKmh =
        movingOnRoad(elapsed) || (e != null && e.type == FaultType.ROUTE_DEVIATION)
            ? leg.speedKmh()
            : 0;
    if (e != null && e.excursion()) {
      Phase phase = e.phaseAt(elapsed);
      p = along(e.anchor, e.directionDeg, e.metresAt(elapsed));
      boolean outward = phase.toM() >= phase.fromM();
      heading = outward ? e.directionDeg : (e.directionDeg + 180) % 360;
      equipment = phase.equipment();
      speedKmh = phase.kmh();
    } else if (e != null && e.type == FaultType.ROUTE_DEVIATION) {
      double travelled = (elapsed - e.startS) * e.speedMps;
      boolean outward = travelled < e.outMetres;
      double distance = outward ? travelled : Math.max(0, 2 * e.outMetres - travelled);
      p = along(e.anchor, e.directionDeg, distance);
      heading = outward ? e.directionDeg : (e.directionDeg + 180) % 360;
    } else {
      p = edge.pointAt(metresAlong);
      heading = edge.headingAt(metresAlong);
    }
    return new TelemetryPoint(
        SchemaVersions.TELEMETRY_POINT,
        vehicle.id(),
        vehicle.deviceId(),
        positionTime,
        null,
        round(p.lat(), 1e7),
        round(p.lon(), 1e7),
        speedKmh,
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

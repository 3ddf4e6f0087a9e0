package dev.dozor.rules.engine;

import dev.dozor.events.Equipment;
import dev.dozor.events.EvidencePoint;
import dev.dozor.events.TelemetryPoint;
import dev.dozor.events.VehicleRecord;
import dev.dozor.rules.geo.Geography;
import dev.dozor.rules.regulation.ParameterResolver;
import dev.dozor.rules.regulation.RegulationParameters;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The fact a rule sees for one fix: the point, what the engine derived from the vehicle's previous
 * fixes (gap, distance, GPS jump), and lazy lookups of the registry and geography (district, zones,
 * road segment, active assignment, the parameters in force here). The engine inserts it, fires the
 * rules and deletes it again, so a session holds at most the current point of each vehicle.
 *
 * <p>A plain fact, not a Drools event (no {@code @Role(EVENT)}): no rule uses a temporal operator,
 * and in STREAM mode every insert and delete of an event forces an immediate evaluation of each
 * rule it reaches, where a fact is evaluated lazily when the rules fire (20–40 % more points/s).
 */
public final class VehiclePoint implements java.io.Serializable {
  // 3: the fix is written field by field (writeObject), not as a TelemetryPoint record; 2 carried
  // the track's id instance. An older checkpoint is refused (the replay window restores the state)
  private static final long serialVersionUID = 3L;

  private static final String UNRESOLVED = "\u0000";

  /** The context a point read from a checkpoint gets (set by the engine while it reads one). */
  static final ThreadLocal<PointContext> RESTORING = new ThreadLocal<>();

  // written by writeObject as plain values: a checkpoint capture serializes every kept point on the
  // engine's thread, and the record with its instants, boxed numbers and equipment was 12 objects
  private transient TelemetryPoint point;
  // the track's instance of the id (see VehicleTrack#vehicleId), not the point's own copy
  private final String vehicleId;
  // a restored point (a checkpoint) has no registry or geography: rules only read its own values
  private transient PointContext context;
  private final long gapMs;
  private final double distanceM;
  private final double impliedSpeedKmh;
  private final boolean gpsJump;
  private boolean clockAhead;

  private transient String districtId = UNRESOLVED;
  // the vehicle's registry record (type, contractor, home district, depot), looked up once per
  // point through its track (parameters ask for the type of every regulation with overrides by
  // type); null when unregistered
  private transient VehicleRecord vehicle;
  private transient boolean vehicleResolved;
  private transient SegmentMatch segment;
  private transient boolean segmentResolved;
  private transient Integer roadLimitKmh;
  private transient boolean roadLimitResolved;
  private transient AssignmentFact assignment;
  private transient boolean assignmentResolved;
  private transient double routeDeviationM = Double.NaN;
  // offRoute's last answer and the default corridor it was for (GEO-001's rules ask it twice)
  private transient double offRouteDefaultM = Double.NaN;
  private transient boolean offRoute;
  // the last route asked for (by identity) and the distance to it
  private transient List<String> distanceSegments;
  private transient double distanceToSegmentsM;
  // the parameters this point resolved, by ParameterResolver#indexOf of its context's resolver
  private transient RegulationParameters[] parameters;
  private transient Map<String, List<String>> zonesByKind;
  // what the vehicle held in the session when this point arrived (see holdsEpisodeOf)
  private transient HeldState held = HeldState.UNKNOWN;
  // the vehicle's track while the rules run: it keeps the registry's assignments of the vehicle
  private transient VehicleTrack track;

  VehiclePoint(
      TelemetryPoint point,
      String vehicleId,
      PointContext context,
      long gapMs,
      double distanceM,
      double impliedSpeedKmh,
      boolean gpsJump) {
    this.point = point;
    this.vehicleId = vehicleId;
    this.context = context;
    this.gapMs = gapMs;
    this.distanceM = distanceM;
    this.impliedSpeedKmh = impliedSpeedKmh;
    this.gpsJump = gpsJump;
  }

  /** A point without history, registry or geography (tests of single facts). */
  public VehiclePoint(TelemetryPoint point) {
    this(point, point.vehicleId(), PointContext.EMPTY, -1, 0, 0, false);
  }

  private void writeObject(java.io.ObjectOutputStream out) throws java.io.IOException {
    out.defaultWriteObject();
    FixCodec.write(point, out);
  }

  private void readObject(java.io.ObjectInputStream in)
      throws java.io.IOException, ClassNotFoundException {
    in.defaultReadObject();
    point = FixCodec.read(vehicleId, in);
    PointContext restoring = RESTORING.get();
    context = restoring == null ? PointContext.EMPTY : restoring;
    held = HeldState.UNKNOWN;
    forgetLookups();
  }

  /**
   * Drops what this point looked up (district, zones, segment, assignment, route deviation,
   * parameters): once the rules are done with it, and when it is read from a checkpoint. A state
   * fact may keep the point as its vehicle's last fix until the next one; looked up again only if a
   * rule asks, as after a restore, so the point a young collection copies is the fix alone.
   */
  void forgetLookups() {
    track = null;
    districtId = UNRESOLVED;
    vehicle = null;
    vehicleResolved = false;
    zonesByKind = null;
    segment = null;
    segmentResolved = false;
    roadLimitKmh = null;
    roadLimitResolved = false;
    assignment = null;
    assignmentResolved = false;
    routeDeviationM = Double.NaN;
    offRouteDefaultM = Double.NaN;
    distanceSegments = null;
    parameters = null;
  }

  public TelemetryPoint getPoint() {
    return point;
  }

  public String getVehicleId() {
    return vehicleId;
  }

  public Instant getFixTime() {
    return point.fixTime();
  }

  public long getFixTimeMs() {
    return point.fixTime().toEpochMilli();
  }

  /** When the gateway received it, or the fix time when unknown. */
  public long getReceivedAtMs() {
    return point.receivedAt() == null ? getFixTimeMs() : point.receivedAt().toEpochMilli();
  }

  public double getLat() {
    return point.lat();
  }

  public double getLon() {
    return point.lon();
  }

  public double getSpeedKmh() {
    return point.speedKmh();
  }

  /** The odometer in km, or null when the device does not report it. */
  public Double getOdometerKm() {
    return point.odometerKm();
  }

  public Equipment getEquipment() {
    return point.equipment();
  }

  /** Plough blade down; false when up or not reported. */
  public boolean isPloughDown() {
    return point.equipment().isPloughDown();
  }

  public boolean isBrushOn() {
    return point.equipment().isBrushOn();
  }

  public boolean isSpreaderOn() {
    return point.equipment().isSpreaderOn();
  }

  /** Any implement working: plough down, brush on or spreader on. */
  public boolean isWorking() {
    return point.equipment().isAnyImplementWorking();
  }

  /** Spreading density in g/m², or null when not reported. */
  public Double getSpreadRateGm2() {
    return point.equipment().spreadRateGm2();
  }

  public boolean isBodyTipped() {
    return Boolean.TRUE.equals(point.equipment().bodyTip());
  }

  /** Ignition on; false when off or not reported. */
  public boolean isIgnitionOn() {
    return Boolean.TRUE.equals(point.equipment().ignition());
  }

  /** Whether the device reports the ignition channel at all. */
  public boolean isIgnitionReported() {
    return point.equipment().ignition() != null;
  }

  // ---- derived from the vehicle's previous fixes ----

  /** Fix time since the vehicle's previous processed fix, or -1 for its first fix. */
  public long getGapMs() {
    return gapMs;
  }

  /** Whether this is the first fix the engine sees from the vehicle (since its state began). */
  public boolean isFirstFix() {
    return gapMs < 0;
  }

  /** Metres from the previous valid fix (0 for the first, and for a GPS jump). */
  public double getDistanceM() {
    return distanceM;
  }

  /** Speed implied by the distance and time from the previous valid fix, km/h (0 if none). */
  public double getImpliedSpeedKmh() {
    return impliedSpeedKmh;
  }

  /** INT-002 flagged this fix as a GPS jump: the other regulations ignore it. */
  public boolean isGpsJump() {
    return gpsJump;
  }

  /**
   * The fix time is further ahead of its receive time than the engine trusts ({@code
   * dozor.rules.max-clock-ahead}): only INT-005 uses the fix; it does not move the vehicle's track,
   * its order or any clock.
   */
  public boolean isClockAhead() {
    return clockAhead;
  }

  VehiclePoint markClockAhead() {
    clockAhead = true;
    return this;
  }

  /**
   * Neither a GPS jump nor a fix time from a clock running ahead: the regulations other than
   * INT-002 and INT-005 use only valid points.
   */
  public boolean isValid() {
    return !gpsJump && !clockAhead;
  }

  // ---- registry ----

  /** The vehicle's type from the registry ({@code plough}, {@code sweeper}, …), or null. */
  public String getVehicleType() {
    VehicleRecord v = vehicle();
    return v == null ? null : v.type();
  }

  public String getContractorId() {
    VehicleRecord v = vehicle();
    return v == null ? null : v.contractorId();
  }

  public String getHomeDistrictId() {
    VehicleRecord v = vehicle();
    return v == null ? null : v.homeDistrictId();
  }

  /** The vehicle's registry record, or null: through its track, which keeps it between fixes. */
  private VehicleRecord vehicle() {
    if (!vehicleResolved) {
      vehicle = track != null ? track.vehicle(context.fleet()) : context.fleet().vehicle(vehicleId);
      vehicleResolved = true;
    }
    return vehicle;
  }

  /** The okrug of the vehicle's home district, or null. */
  public String getHomeOkrug() {
    String home = getHomeDistrictId();
    return home == null ? null : context.geography().okrugOf(home);
  }

  /** The vehicle's depot zone, or null. */
  public String getDepotZoneId() {
    VehicleRecord v = vehicle();
    return v == null ? null : v.depotZoneId();
  }

  /** The vehicle's assignment whose shift contains this fix, or null. */
  public AssignmentFact getAssignment() {
    if (!assignmentResolved) {
      assignment =
          track != null
              ? track.activeAssignment(context.fleet(), getFixTimeMs())
              : context.fleet().activeAssignment(vehicleId, getFixTimeMs());
      assignmentResolved = true;
    }
    return assignment;
  }

  /** The id of the assignment whose shift contains this fix, or null (a join key for rules). */
  public String getAssignmentId() {
    AssignmentFact a = getAssignment();
    return a == null ? null : a.getId();
  }

  /** Whether an assignment's shift contains this fix. */
  public boolean isOnShift() {
    return getAssignment() != null;
  }

  // ---- geography ----

  /** The district (OKTMO) containing the fix, or null. */
  public String getDistrictId() {
    if (UNRESOLVED.equals(districtId)) {
      districtId = context.geography().districtAt(point.lat(), point.lon());
    }
    return districtId;
  }

  /** The okrug (abbreviation) containing the fix, or null. */
  public String getOkrug() {
    String district = getDistrictId();
    return district == null ? null : context.geography().okrugOf(district);
  }

  /** Ids of the zones of this kind containing the fix (possibly empty). */
  public List<String> zonesOf(String kind) {
    if (zonesByKind == null) {
      zonesByKind = new HashMap<>(4);
    }
    return zonesByKind.computeIfAbsent(
        kind, k -> context.geography().zonesAt(k, point.lat(), point.lon()));
  }

  /** Whether the fix lies inside a zone of this kind. */
  public boolean inZoneOfKind(String kind) {
    return !zonesOf(kind).isEmpty();
  }

  /** The first zone of this kind containing the fix, or null. */
  public String zoneOfKind(String kind) {
    List<String> zones = zonesOf(kind);
    return zones.isEmpty() ? null : zones.get(0);
  }

  /** Whether the fix lies inside the zone with this id. */
  public boolean inZone(String zoneId) {
    return zoneId != null && context.geography().contains(zoneId, point.lat(), point.lon());
  }

  /**
   * The nearest zone of this kind within {@code metres} of the fix (inside counts as 0), or null.
   */
  public String zoneOfKindWithin(String kind, double metres) {
    return context.geography().nearestZone(kind, point.lat(), point.lon(), metres);
  }

  /** The road segment the fix is on (within the matching radius), or null. */
  public SegmentMatch getSegment() {
    if (!segmentResolved) {
      segment = context.geography().segmentAt(point.lat(), point.lon());
      segmentResolved = true;
    }
    return segment;
  }

  /**
   * The signed speed limit of the road segment the fix is on ({@link #getSegment()}'s maxspeed), or
   * null when it has none or the fix is on no segment: most roads have none, and then the segment
   * itself is not looked for.
   */
  public Integer getRoadLimitKmh() {
    if (segmentResolved) {
      return segment == null ? null : segment.getMaxspeedKmh();
    }
    if (!roadLimitResolved) {
      roadLimitKmh = context.geography().roadLimitKmhAt(point.lat(), point.lon());
      roadLimitResolved = true;
    }
    return roadLimitKmh;
  }

  /** Metres from the fix to the nearest of these road segments (infinite when none is known). */
  public double distanceToSegmentsM(List<String> segmentIds) {
    // GEO-001 (the route deviation) and EQP-002 (its route account) ask for the same route
    if (segmentIds != distanceSegments) {
      distanceSegments = segmentIds;
      AssignmentFact a = getAssignment();
      distanceToSegmentsM =
          a != null && a.getSegmentIds() == segmentIds
              // the assignment's own list: its segments are resolved once, not looked up a fix
              ? context
                  .geography()
                  .distanceToRouteM(a.route(context.geography()), point.lat(), point.lon())
              : context.geography().distanceToSegmentsM(segmentIds, point.lat(), point.lon());
    }
    return distanceToSegmentsM;
  }

  /**
   * Whether the fix is at most {@code limitM} from the nearest of these road segments ({@code
   * distanceToSegmentsM(segmentIds) <= limitM}); for the assignment's own route usually answered by
   * the segment nearest last time, without measuring the others.
   */
  public boolean withinSegmentsM(List<String> segmentIds, double limitM) {
    if (segmentIds != distanceSegments) {
      AssignmentFact a = getAssignment();
      if (a != null && a.getSegmentIds() == segmentIds) {
        Geography geography = context.geography();
        return geography.routeWithinM(a.route(geography), point.lat(), point.lon(), limitM);
      }
    }
    return distanceToSegmentsM(segmentIds) <= limitM;
  }

  /**
   * Metres from the nearest segment of the active assignment's route that the geography knows, or
   * -1 without a shift, without a route or when none of its segments is known. A finite number
   * either way: Drools' compiled constraints do not compare infinities as Java does.
   */
  public double getRouteDeviationM() {
    if (Double.isNaN(routeDeviationM)) {
      AssignmentFact a = getAssignment();
      double d = a == null || !a.hasSegments() ? -1 : distanceToSegmentsM(a.getSegmentIds());
      routeDeviationM = Double.isInfinite(d) ? -1 : d;
    }
    return routeDeviationM;
  }

  /**
   * Whether the fix is outside the corridor of its assignment's route: farther than the
   * assignment's corridor width, else {@code defaultCorridorM}, from every known route segment.
   */
  public boolean offRoute(double defaultCorridorM) {
    if (defaultCorridorM != offRouteDefaultM) {
      offRoute = measureOffRoute(defaultCorridorM);
      offRouteDefaultM = defaultCorridorM;
    }
    return offRoute;
  }

  private boolean measureOffRoute(double defaultCorridorM) {
    if (Double.isNaN(routeDeviationM)) {
      // most fixes are on their route: asking whether it is within the corridor is usually
      // answered by the segment nearest last time, without the deviation itself
      AssignmentFact a = getAssignment();
      if (a == null || !a.hasSegments()) {
        return false;
      }
      if (withinSegmentsM(a.getSegmentIds(), a.corridorOr(defaultCorridorM))) {
        return false;
      }
    }
    double d = getRouteDeviationM();
    return d >= 0 && d > getAssignment().corridorOr(defaultCorridorM);
  }

  /** Minutes since local midnight in the engine's time zone (0..1439). */
  public int getLocalMinuteOfDay() {
    return context.localMinuteOfDay(getFixTimeMs());
  }

  /** Whether the local time of day lies in [fromMinute, toMinute), wrapping over midnight. */
  public boolean localTimeBetween(double fromMinute, double toMinute) {
    int m = getLocalMinuteOfDay();
    return fromMinute <= toMinute
        ? m >= fromMinute && m < toMinute
        : m >= fromMinute || m < toMinute;
  }

  // ---- what the vehicle holds ----

  /** The partition session tells the point what its vehicle holds, before inserting it. */
  VehiclePoint held(HeldState heldNow) {
    this.held = heldNow;
    return this;
  }

  /** The track of the point's vehicle while the rules evaluate it (null after). */
  VehicleTrack track() {
    return track;
  }

  /** The partition session gives the point its vehicle's track (registry look-ups kept there). */
  VehiclePoint track(VehicleTrack vehicleTrack) {
    this.track = vehicleTrack;
    return this;
  }

  /**
   * Whether the vehicle holds an episode of this regulation (candidate, open or ended). As a
   * condition on the point itself it is read once, when the point enters the session: a rule that
   * only acts on an existing episode states it first, and a point of a vehicle without one never
   * reaches the rule's join. Only for a rule whose episode cannot be created while this same point
   * is evaluated (docs/regulations.md, "Conditions that skip a join"). True for a point outside a
   * partition session.
   */
  public boolean holdsEpisodeOf(String regulationId) {
    return held.episodeOf(regulationId);
  }

  /** Whether the vehicle holds an episode of any regulation; as {@link #holdsEpisodeOf}. */
  public boolean holdsAnyEpisode() {
    return held.anyEpisode();
  }

  /**
   * Whether the vehicle holds a state fact of this class (a window, a tally, a watch); as {@link
   * #holdsEpisodeOf}.
   */
  public boolean holdsState(Class<?> kind) {
    return held.state(kind);
  }

  /**
   * Whether the vehicle holds no state fact of this class: the condition of a rule that starts one
   * ({@code not}), only if no rule deletes that kind of fact (a fact deleted while this point is
   * evaluated would let the rule start a new one from it). True for a point outside a partition
   * session.
   */
  public boolean holdsNoState(Class<?> kind) {
    return held.noState(kind);
  }

  /**
   * Whether its vehicle holds a state fact of this class that passes the test: a regulation's own
   * condition that skips a join (docs/regulations.md, "Conditions that skip a join"), read once,
   * when the point enters the session. True for a point outside a partition session.
   */
  public <T extends VehicleState> boolean holdsAny(Class<T> kind, Predicate<? super T> test) {
    return held.any(kind, test);
  }

  /**
   * Whether its vehicle holds no state fact of this class that passes the test; as {@link
   * #holdsAny}, so also true for a point outside a partition session.
   */
  public <T extends VehicleState> boolean holdsNone(Class<T> kind, Predicate<? super T> test) {
    return held.none(kind, test);
  }

  // ---- parameters ----

  /**
   * The parameters of a regulation in force for this fix: defaults, then the overrides for the
   * vehicle's type, the district the fix is in and the vehicle's contractor.
   */
  public RegulationParameters par(String regulationId) {
    ParameterResolver resolver = context.parameters();
    int i = resolver.indexOf(regulationId);
    if (i < 0) {
      return resolver.resolve(regulationId, this); // names the unknown regulation
    }
    // by the regulation's number: most points ask a dozen regulations, a map per point grew twice
    if (parameters == null) {
      parameters = new RegulationParameters[resolver.size()];
    }
    RegulationParameters p = parameters[i];
    if (p == null) {
      p = resolver.resolve(i, this);
      parameters[i] = p;
    }
    return p;
  }

  public EvidencePoint toEvidence() {
    return EvidencePoint.of(point);
  }

  @Override
  public String toString() {
    return "VehiclePoint[" + vehicleId + " " + point.fixTime() + "]";
  }

  // ---- added for the place regulations (EQP-001, GEO-002, TIM-004, TIM-005) ----

  /** Metres from the fix to the zone with this id (0 inside); infinity for an unknown zone. */
  public double distanceToZoneM(String zoneId) {
    return context.geography().distanceToZoneM(zoneId, point.lat(), point.lon());
  }

  /** The kind of the zone with this id ({@code yard}, …), or null for an unknown zone. */
  public String zoneKind(String zoneId) {
    return context.geography().zoneKind(zoneId);
  }

  /** The okrug of the district containing the zone, or null. */
  public String okrugOfZone(String zoneId) {
    return context.geography().okrugOf(context.geography().districtOfZone(zoneId));
  }

  /** The okrug of the road segment's district, or null (unknown segment or district). */
  public String okrugOfSegment(String segmentId) {
    SegmentMatch s = context.geography().segment(segmentId);
    return s == null ? null : context.geography().okrugOf(s.districtId());
  }

  /** The time zone of the "local time" regulations (deadlines at a local hour). */
  public java.time.ZoneId getLocalZone() {
    return context.localZone();
  }

  // ---- added for the deadline regulations (TIM-006) ----

  /**
   * The parameters of a regulation in force for another vehicle of the fleet, by its type and
   * contractor (no district: it has no fix here). For deadlines of a vehicle that sent no fix.
   */
  public RegulationParameters parForVehicle(String regulationId, String vehicleId) {
    return context
        .parameters()
        .resolve(
            regulationId,
            context.fleet().vehicleType(vehicleId),
            null,
            context.fleet().contractorId(vehicleId));
  }

  // ---- added for the coverage deadlines (TIM-001, TIM-002, EQP-002) ----

  /**
   * A road segment of the registry by id (priority, length, district; distance 0), or null when
   * unknown: deadline regulations plan the segments of an assignment with it.
   */
  public SegmentMatch segmentById(String segmentId) {
    return context.geography().segment(segmentId);
  }
}

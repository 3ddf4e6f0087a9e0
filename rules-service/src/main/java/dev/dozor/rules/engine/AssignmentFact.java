package dev.dozor.rules.engine;

import dev.dozor.events.AssignmentRecord;
import dev.dozor.rules.geo.Geography;
import dev.dozor.rules.geo.Route;
import java.util.List;

/**
 * A vehicle's planned shift as rules see it ({@link AssignmentRecord} with epoch-millisecond
 * times). The engine inserts it into the session of the partition that owns the vehicle, so shift
 * and deadline rules can fire even when the vehicle sends nothing.
 */
public final class AssignmentFact implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  private final AssignmentRecord record;
  // the shift's times as plain numbers: every fix asks whether its vehicle's assignments cover it
  // and every clock rule reads them, and the record's Instants are two more objects to load
  private final transient long shiftStartMs;
  private final transient long shiftEndMs;
  // likewise the id (a join key of many rules) and the zone (EQP-001 and TIM-005 ask it of every
  // working fix): read from here, not from the record, one object fewer per fix
  private final transient String id;
  private final transient String zoneId;

  // the route's segments as the geography resolved them: GEO-001 and EQP-002 measure every fix of
  // the shift against them. Immutable; two threads racing to set it resolve the same route twice
  private transient Route route;

  public AssignmentFact(AssignmentRecord record) {
    this.record = withSharedSegmentIds(record);
    this.shiftStartMs = record.shiftStart().toEpochMilli();
    this.shiftEndMs = record.shiftEnd().toEpochMilli();
    this.id = record.id();
    this.zoneId = record.zoneId();
  }

  /** A checkpoint holds the record only: the times are computed again. */
  private Object readResolve() {
    return new AssignmentFact(record);
  }

  /**
   * The record with its segment ids replaced by the one instance the road network has too:
   * EQP-002's state keeps an assignment's list, and a checkpoint writes each distinct string
   * instance in full (about 7,500 copies of 1,400 ids a partition at 20,000 vehicles).
   */
  private static AssignmentRecord withSharedSegmentIds(AssignmentRecord r) {
    return new AssignmentRecord(
        r.schemaVersion(),
        r.id(),
        r.vehicleId(),
        r.shiftStart(),
        r.shiftEnd(),
        r.zoneId(),
        r.segmentIds().stream().map(String::intern).toList(),
        r.corridorM(),
        r.note());
  }

  public AssignmentRecord getRecord() {
    return record;
  }

  public String getId() {
    return id;
  }

  public String getVehicleId() {
    return record.vehicleId();
  }

  public long getShiftStartMs() {
    return shiftStartMs;
  }

  public long getShiftEndMs() {
    return shiftEndMs;
  }

  /** Whether the shift window [start, end) contains this time. */
  public boolean covers(long epochMs) {
    return epochMs >= shiftStartMs && epochMs < shiftEndMs;
  }

  /** The work zone, or null. */
  public String getZoneId() {
    return zoneId;
  }

  public List<String> getSegmentIds() {
    return record.segmentIds();
  }

  /** The route's segments resolved by the geography, kept while the geography's index stays. */
  public Route route(Geography geography) {
    Route had = route;
    Route now = geography.route(record.segmentIds(), had);
    if (now != had) {
      route = now;
    }
    return now;
  }

  /** {@link Route#warm} of the route as resolved last, if any (see {@link BatchWarmUp}). */
  long warmRoute(int depth) {
    Route r = route;
    return r == null ? 0 : r.warm(depth);
  }

  public boolean hasSegments() {
    return !record.segmentIds().isEmpty();
  }

  /** The corridor width of the route in metres, or null for the regulation's default. */
  public Double getCorridorM() {
    return record.corridorM();
  }

  /** The corridor width, or the default when the assignment sets none. */
  public double corridorOr(double defaultM) {
    return record.corridorM() == null ? defaultM : record.corridorM();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AssignmentFact other && other.record.equals(record);
  }

  @Override
  public int hashCode() {
    return record.hashCode();
  }

  @Override
  public String toString() {
    return "AssignmentFact[" + record.id() + " " + record.vehicleId() + "]";
  }
}

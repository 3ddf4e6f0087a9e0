package dev.dozor.rules.engine;

import dev.dozor.events.VehicleRecord;
import dev.dozor.rules.registry.Fleet;
import java.util.List;

/**
 * What the engine remembers of one vehicle between fixes, outside the rules: the last processed fix
 * (re-delivered or older fixes are skipped), the last valid position (GPS jumps are measured from
 * it) and the run of jumps that agree with each other (a vehicle really moved, e.g. on a trailer).
 */
final class VehicleTrack implements java.io.Serializable {
  // 2: the track carries the vehicle's id; an older checkpoint is refused (the replay window
  // restores the state instead) rather than read with a null id
  private static final long serialVersionUID = 2L;

  /**
   * The vehicle's id, one instance for all its facts: the rules join state to points by this id,
   * and two references to one string compare without reading either string.
   */
  final String vehicleId;

  long lastFixMs = Long.MIN_VALUE;
  boolean hasValid;
  double validLat;
  double validLon;
  long validMs;
  boolean hasJump;
  double jumpLat;
  double jumpLon;
  long jumpMs;
  int consistentJumps;
  long lastSeenWallMs;
  // the registry's assignments of the vehicle, kept while its plans version stays (each fix asks
  // for its active assignment; the track is at hand, the registry's map is not)
  private transient List<AssignmentFact> assignments;
  private transient long assignmentsVersion;
  // the last answer of activeAssignment and the span [from, until) of times it holds for (empty
  // until the first scan; 0, 0 after a checkpoint is read, also empty)
  private transient AssignmentFact active;
  // the segment-pass fact the vehicle's last pass on an assigned segment grew (the session's)
  transient PartitionSession.HeldPass lastPass;
  private transient long activeFromMs = Long.MAX_VALUE;
  private transient long activeUntilMs = Long.MIN_VALUE;
  // the registry's record of the vehicle, kept while its vehicles version stays (each fix asks for
  // the type, contractor or home district)
  private transient VehicleRecord vehicle;
  private transient boolean vehicleKnown;
  private transient long vehicleVersion;
  // the road segments of the vehicle's assignments in its partition's session, kept while the
  // session's version of them stays (0: not known; PartitionSession.assigned)
  transient java.util.Set<String> assignedSegments;
  transient long assignedSegmentsVersion;
  // the segment-pass matcher's state of the vehicle, while the matcher holds it (it drops idle
  // ones)
  transient dev.dozor.rules.coverage.SegmentPassMatcher.VehicleState matching;
  // what the vehicle holds in the session, while it holds something (PartitionSession.heldState)
  transient HeldState held;
  // the vehicle's place among the vehicles of the batch being evaluated (see PartitionSession)
  transient int lane = -1;

  VehicleTrack(String vehicleId) {
    this.vehicleId = vehicleId;
  }

  /**
   * The vehicle's assignment whose shift contains the time (the first in the fleet's order), or
   * null, as the fleet has it now. The answer holds from the latest shift start or end at or before
   * the time to the earliest one after it: a fix inside that span gets it again without reading the
   * assignments (every fix asks, and they are cold memory at 20,000 vehicles).
   */
  AssignmentFact activeAssignment(Fleet fleet, long epochMs) {
    long version = fleet.plansVersion();
    if (assignments == null || version != assignmentsVersion) {
      assignmentsVersion = version;
      assignments = fleet.assignmentsOf(vehicleId);
    } else if (epochMs >= activeFromMs && epochMs < activeUntilMs) {
      return active;
    }
    AssignmentFact found = null;
    long from = Long.MIN_VALUE;
    long until = Long.MAX_VALUE;
    // indexed: an iterator is one more object a fix
    for (int i = 0; i < assignments.size(); i++) {
      AssignmentFact a = assignments.get(i);
      if (found == null && a.covers(epochMs)) {
        found = a;
      }
      // whether a shift covers a time changes only at its start and its end
      from = Math.max(from, latestAtOrBefore(epochMs, a.getShiftStartMs(), a.getShiftEndMs()));
      until = Math.min(until, earliestAfter(epochMs, a.getShiftStartMs(), a.getShiftEndMs()));
    }
    active = found;
    activeFromMs = from;
    activeUntilMs = until;
    return found;
  }

  /** The later of the two edges at or before the time, or Long.MIN_VALUE if neither is. */
  private static long latestAtOrBefore(long epochMs, long edgeA, long edgeB) {
    long a = edgeA <= epochMs ? edgeA : Long.MIN_VALUE;
    long b = edgeB <= epochMs ? edgeB : Long.MIN_VALUE;
    return Math.max(a, b);
  }

  /** The earlier of the two edges after the time, or Long.MAX_VALUE if neither is. */
  private static long earliestAfter(long epochMs, long edgeA, long edgeB) {
    long a = edgeA > epochMs ? edgeA : Long.MAX_VALUE;
    long b = edgeB > epochMs ? edgeB : Long.MAX_VALUE;
    return Math.min(a, b);
  }

  /** The vehicle's registry record, or null when not registered, as the fleet has it now. */
  VehicleRecord vehicle(Fleet fleet) {
    long version = fleet.vehiclesVersion();
    if (!vehicleKnown || version != vehicleVersion) {
      vehicleVersion = version;
      vehicle = fleet.vehicle(vehicleId);
      vehicleKnown = true;
    }
    return vehicle;
  }

  /**
   * Reads, at one depth of references below the track, what the rules and the matcher read first
   * for the vehicle's next point, and returns a number made of it (see {@link BatchWarmUp}).
   */
  long warm(int depth) {
    long t = 0;
    if (depth == 0) {
      t += active == null ? 0 : active.getShiftStartMs();
      t += vehicle == null ? 0 : vehicle.schemaVersion();
    } else if (active != null) {
      // the route GEO-001 and EQP-002 measure the fix against, one depth further down
      t += active.warmRoute(depth - 1);
    }
    return t
        + (held == null ? 0 : held.warm(depth))
        + (matching == null ? 0 : matching.warm(depth));
  }

  /** A copy to enrich a fix with without changing this track. */
  VehicleTrack copy() {
    VehicleTrack c = new VehicleTrack(vehicleId);
    c.lastFixMs = lastFixMs;
    c.hasValid = hasValid;
    c.validLat = validLat;
    c.validLon = validLon;
    c.validMs = validMs;
    c.hasJump = hasJump;
    c.jumpLat = jumpLat;
    c.jumpLon = jumpLon;
    c.jumpMs = jumpMs;
    c.consistentJumps = consistentJumps;
    c.lastSeenWallMs = lastSeenWallMs;
    return c;
  }
}

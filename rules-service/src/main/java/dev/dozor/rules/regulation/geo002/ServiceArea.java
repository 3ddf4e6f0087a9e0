package dev.dozor.rules.regulation.geo002;

import dev.dozor.rules.engine.AssignmentFact;
import dev.dozor.rules.engine.VehiclePoint;

/** GEO-002's test of the assignment exception: work planned in the okrug the vehicle is in. */
public final class ServiceArea {
  private ServiceArea() {}

  /**
   * Whether the vehicle's assignment active at this fix has its zone, or one of its road segments,
   * in this okrug (false without an assignment, or for a null okrug: outside every district).
   */
  public static boolean assignmentLiesIn(VehiclePoint pt, String okrug) {
    AssignmentFact a = pt.getAssignment();
    if (a == null || okrug == null) {
      return false;
    }
    if (a.getZoneId() != null && okrug.equals(pt.okrugOfZone(a.getZoneId()))) {
      return true;
    }
    for (String segmentId : a.getSegmentIds()) {
      if (okrug.equals(pt.okrugOfSegment(segmentId))) {
        return true;
      }
    }
    return false;
  }
}

package dev.dozor.rules.regulation.eqp002;

import dev.dozor.rules.engine.AssignmentFact;
import dev.dozor.rules.engine.Episode;
import dev.dozor.rules.engine.RunningTally;
import dev.dozor.rules.engine.VehiclePoint;
import dev.dozor.rules.regulation.RegulationParameters;
import java.util.List;
import org.kie.api.definition.type.ClassReactive;

/**
 * EQP-002's account of one assignment's shift: metres the vehicle drove on its assigned segments,
 * split into driven with an implement working and driven with none. A step between two consecutive
 * valid fixes counts when both fixes are within {@code routeToleranceM} of an assigned segment and
 * no more than {@code maxStepS} apart; it counts as work when the later fix has an implement on.
 * Constant size (three sums and the last fix); deleted once judged at the shift end.
 */
@ClassReactive
public final class RouteWork implements RunningTally {
  private static final long serialVersionUID = 1L;

  /** Sums of metres carry rounding: a share this close to the limit counts as at the limit. */
  private static final double SHARE_EPSILON_PCT = 1e-9;

  private final String regulationId;
  private final String vehicleId;
  private final String assignmentId;
  private final long shiftStartMs;
  private final long shiftEndMs;
  private final List<String> segmentIds;
  private final RegulationParameters parameters;
  private double drivenM;
  private double idleM;
  private boolean lastOnRoute;
  private long lastFixMs = Long.MIN_VALUE;
  private boolean judged;

  @Override
  public Phase phase() {
    // an account the point's own rule opened counts the point too
    return Phase.AFTER_RULES;
  }

  /**
   * Counts the step to a fix of the shift: metres and last fix, which no rule's condition reads.
   */
  @Override
  public boolean take(VehiclePoint point, long eventNowMs) {
    if (!judged && lastFixMs < point.getFixTimeMs() && covers(point.getFixTimeMs())) {
      step(point);
    }
    return false;
  }

  /**
   * Whether the vehicle holds no account of the fix's assignment yet, so the fix may start one. An
   * account is dropped only once judged, when the clock has passed its shift end, after which the
   * starting rule does not hold for that assignment. A condition on the point that spares the rest
   * the join.
   */
  public static boolean mayStart(VehiclePoint p, String regulationId) {
    String assignmentId = p.getAssignmentId();
    return p.holdsNone(
        RouteWork.class,
        r -> r.regulationId.equals(regulationId) && r.assignmentId.equals(assignmentId));
  }

  public RouteWork(String regulationId, AssignmentFact a, RegulationParameters parameters) {
    this.regulationId = regulationId;
    this.vehicleId = a.getVehicleId();
    this.assignmentId = a.getId();
    this.shiftStartMs = a.getShiftStartMs();
    this.shiftEndMs = a.getShiftEndMs();
    this.segmentIds = a.getSegmentIds();
    this.parameters = parameters;
  }

  /** Whether the shift window [start, end) contains this time. */
  public boolean covers(long epochMs) {
    return epochMs >= shiftStartMs && epochMs < shiftEndMs;
  }

  /** Counts the step from the previous fix to this one. */
  public void step(VehiclePoint pt) {
    boolean onRoute = pt.withinSegmentsM(segmentIds, parameters.value("routeToleranceM"));
    if (onRoute && lastOnRoute && pt.getFixTimeMs() - lastFixMs <= parameters.millis("maxStepS")) {
      drivenM += pt.getDistanceM();
      if (!pt.isWorking()) {
        idleM += pt.getDistanceM();
      }
    }
    lastOnRoute = onRoute;
    lastFixMs = pt.getFixTimeMs();
  }

  /** The shift was judged (its episode, if any, is reported). */
  public void judge() {
    judged = true;
  }

  /** More than the allowed share of the route driven with no implement working. */
  public boolean isViolated() {
    return drivenM >= parameters.value("minDrivenM")
        && getIdleSharePct() > parameters.value("maxIdleSharePct") + SHARE_EPSILON_PCT;
  }

  public void describe(Episode e) {
    e.measure("drivenM", drivenM);
    e.measure("idleM", idleM);
    e.measure("workM", drivenM - idleM);
    e.measure("idleSharePct", getIdleSharePct());
  }

  public double getIdleSharePct() {
    return drivenM <= 0 ? 0 : idleM / drivenM * 100.0;
  }

  public String getRegulationId() {
    return regulationId;
  }

  @Override
  public String getVehicleId() {
    return vehicleId;
  }

  public String getAssignmentId() {
    return assignmentId;
  }

  public long getShiftStartMs() {
    return shiftStartMs;
  }

  public long getShiftEndMs() {
    return shiftEndMs;
  }

  public RegulationParameters getParameters() {
    return parameters;
  }

  public double getDrivenM() {
    return drivenM;
  }

  public double getIdleM() {
    return idleM;
  }

  public long getLastFixMs() {
    return lastFixMs;
  }

  public boolean isJudged() {
    return judged;
  }

  @Override
  public String toString() {
    return "RouteWork["
        + vehicleId
        + "/"
        + assignmentId
        + " driven "
        + Math.round(drivenM)
        + " m, idle "
        + Math.round(idleM)
        + " m]";
  }
}

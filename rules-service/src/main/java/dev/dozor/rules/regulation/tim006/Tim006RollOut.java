package dev.dozor.rules.regulation.tim006;

import dev.dozor.rules.engine.AssignmentFact;
import dev.dozor.rules.engine.VehiclePoint;
import dev.dozor.rules.engine.VehicleState;
import dev.dozor.rules.regulation.RegulationParameters;
import dev.dozor.rules.regulation.int001.Int001Watch;
import org.kie.api.definition.type.ClassReactive;

/**
 * TIM-006's watch over one shift of one vehicle: when the roll-out is due, whether the vehicle has
 * left its depot, whether the late roll-out was reported. Constant size; one per shift under way
 * (created when the shift starts, deleted when it ends), so a vehicle holds at most as many as it
 * has overlapping shifts.
 */
@ClassReactive
public final class Tim006RollOut implements VehicleState {
  private static final long serialVersionUID = 1L;

  public static final String REGULATION = "TIM-006";

  private final String vehicleId;
  private final String assignmentId;
  private final long shiftStartMs;
  private final long shiftEndMs;
  private final long deadlineMs;
  private final RegulationParameters par;
  private VehiclePoint rollOutFix;
  private boolean reported;
  private boolean over;

  /**
   * Whether this fix may be the roll-out or show the roll-out late (the condition of both rules is
   * a watch not rolled out yet): the vehicle holds such a watch, or one may start on this fix (on
   * shift with no watch of its assignment; or no INT-001 watch at all, when the clock's rule may
   * start watches as the partition's first INT-001 watch appears). Rolling out and reporting only
   * ever make a watch stop matching. A condition on the point that spares the rest the joins.
   */
  public static boolean mayRollOut(VehiclePoint p) {
    return p.holdsNoState(Int001Watch.class)
        || p.holdsAny(Tim006RollOut.class, w -> !w.isRolledOut())
        || mayStart(p) && p.isOnShift();
  }

  /**
   * Whether the vehicle holds no watch of the fix's assignment, so the fix may start one. A watch
   * is forgotten only once the clock passed its shift end, when the starting rule does not hold for
   * that assignment. A condition on the point that spares the rest the join.
   */
  public static boolean mayStart(VehiclePoint p) {
    String assignmentId = p.getAssignmentId();
    if (assignmentId == null) {
      return true; // off shift: no watch is of its assignment
    }
    // by hash first: the ids' characters are rarely in the caches, and a vehicle's watches of other
    // shifts are told apart by it
    int hash = assignmentId.hashCode();
    return p.holdsNone(
        Tim006RollOut.class,
        w -> w.assignmentId.hashCode() == hash && w.assignmentId.equals(assignmentId));
  }

  /**
   * Whether this fix may end a watch (past the shift end of one not over yet). A watch started on
   * this fix has its shift still running. A condition on the point that spares the rest the join.
   */
  public static boolean mayEndWatch(VehiclePoint p) {
    long fix = p.getFixTimeMs();
    return p.holdsAny(Tim006RollOut.class, w -> !w.over && w.shiftEndMs <= fix);
  }

  public Tim006RollOut(AssignmentFact shift, RegulationParameters par) {
    this.vehicleId = shift.getVehicleId();
    this.assignmentId = shift.getId();
    this.shiftStartMs = shift.getShiftStartMs();
    this.shiftEndMs = shift.getShiftEndMs();
    this.par = par;
    this.deadlineMs = shiftStartMs + Math.round(par.value("maxRollOutDelayMin") * 60_000);
  }

  /** Whether the fix lies outside the vehicle's depot (or the vehicle has none). */
  public boolean outsideDepot(VehiclePoint p) {
    return p.getDepotZoneId() == null || !p.inZone(p.getDepotZoneId());
  }

  /** The first fix outside the depot during the shift. */
  public void rolledOut(VehiclePoint p) {
    rollOutFix = p;
  }

  public void markReported() {
    reported = true;
  }

  /** The shift ended (by the event clock or by a later fix of the vehicle). */
  public void markOver() {
    over = true;
  }

  /** Minutes from the shift start to the roll-out fix. */
  public double getDelayMin() {
    return rollOutFix == null ? 0 : (rollOutFix.getFixTimeMs() - shiftStartMs) / 60_000.0;
  }

  public boolean isRolledOut() {
    return rollOutFix != null;
  }

  public VehiclePoint getRollOutFix() {
    return rollOutFix;
  }

  public long getRollOutMs() {
    return rollOutFix == null ? Long.MAX_VALUE : rollOutFix.getFixTimeMs();
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

  /** Shift start + maxRollOutDelayMin. */
  public long getDeadlineMs() {
    return deadlineMs;
  }

  public RegulationParameters getPar() {
    return par;
  }

  public boolean isReported() {
    return reported;
  }

  public boolean isOver() {
    return over;
  }

  @Override
  public String getVehicleId() {
    return vehicleId;
  }

  @Override
  public String getRegulationId() {
    return REGULATION;
  }

  @Override
  public String toString() {
    return "Tim006RollOut[" + vehicleId + " " + assignmentId + (isRolledOut() ? " out" : "") + "]";
  }
}

package dev.dozor.rules.regulation.int004;

import dev.dozor.rules.engine.AssignmentFact;
import dev.dozor.rules.engine.RunningTally;
import dev.dozor.rules.engine.VehiclePoint;
import dev.dozor.rules.regulation.RegulationParameters;
import org.kie.api.definition.type.ClassReactive;

/**
 * INT-004 (b): how the plough channel behaved over one shift of a vehicle (counts only). Constant
 * size; one per vehicle on shift, deleted when the shift is over.
 */
@ClassReactive
public final class Int004Shift implements RunningTally {
  private static final long serialVersionUID = 1L;

  private final String vehicleId;
  private final String assignmentId;
  private final long shiftStartMs;
  private final long shiftEndMs;
  private final String homeDistrictId;
  private final VehiclePoint firstFix;
  private VehiclePoint lastFix;
  // the last fix's time, read on every fix without loading the point (a restored tally asks the
  // point until its next fix)
  private transient boolean lastRead;
  private transient long lastFixMs;
  private int fixes;
  private int ploughReported;
  private int ploughDown;
  private boolean over;
  private boolean reported;

  @Override
  public Phase phase() {
    // after a fix past the shift end closed the shift
    return Phase.AFTER_RULES;
  }

  /** Counts a fix of the shift; no rule reads the counts before the shift is over (a modify). */
  @Override
  public boolean take(VehiclePoint point, long eventNowMs) {
    if (!over
        && getLastFixTimeMs() < point.getFixTimeMs()
        && point.isOnShift()
        && assignmentId.equals(point.getAssignmentId())) {
      add(point);
    }
    return false;
  }

  /**
   * Whether this fix may close a shift (past the end of one not over yet). A shift started on this
   * fix is running. A condition on the point that spares the rest the join.
   */
  public static boolean mayClose(VehiclePoint p) {
    long fix = p.getFixTimeMs();
    return p.holdsAny(Int004Shift.class, t -> !t.over && t.shiftEndMs <= fix);
  }

  /**
   * Whether a shift may start on this fix: the vehicle holds none, or one that is over or that this
   * fix closes (and that may be forgotten while the fix is evaluated). A running shift this fix
   * does not close stays, so the rule's {@code not Int004Shift} cannot hold.
   */
  public static boolean mayStart(VehiclePoint p) {
    long fix = p.getFixTimeMs();
    return p.holdsNoState(Int004Shift.class)
        || p.holdsAny(Int004Shift.class, t -> t.over || t.shiftEndMs <= fix);
  }

  public Int004Shift(VehiclePoint first) {
    AssignmentFact shift = first.getAssignment();
    this.vehicleId = first.getVehicleId();
    this.assignmentId = shift.getId();
    this.shiftStartMs = shift.getShiftStartMs();
    this.shiftEndMs = shift.getShiftEndMs();
    this.homeDistrictId = first.getHomeDistrictId();
    this.firstFix = first;
    add(first);
  }

  /** Counts the next valid fix of the shift. */
  public void add(VehiclePoint p) {
    fixes++;
    Boolean plough = p.getEquipment().plough();
    if (plough != null) {
      ploughReported++;
      if (plough) {
        ploughDown++;
      }
    }
    lastFix = p;
    lastFixMs = p.getFixTimeMs();
    lastRead = true;
  }

  public void markOver() {
    over = true;
  }

  public void markReported() {
    reported = true;
  }

  /**
   * Whether every fix of the shift reported the plough with the same value, on at least
   * minShiftFixes fixes.
   */
  public boolean isStuck() {
    return fixes >= getPar().value("minShiftFixes")
        && ploughReported == fixes
        && (ploughDown == 0 || ploughDown == fixes);
  }

  public RegulationParameters getPar() {
    return lastFix.par(Int004Sensor.REGULATION);
  }

  /** The episode's subject: the stuck plough channel in this shift. */
  public String getSubjectId() {
    return "plough@" + assignmentId;
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

  public String getHomeDistrictId() {
    return homeDistrictId;
  }

  public VehiclePoint getFirstFix() {
    return firstFix;
  }

  public VehiclePoint getLastFix() {
    return lastFix;
  }

  public long getLastFixTimeMs() {
    return lastRead ? lastFixMs : lastFix.getFixTimeMs();
  }

  public int getFixes() {
    return fixes;
  }

  public int getPloughDown() {
    return ploughDown;
  }

  public boolean isOver() {
    return over;
  }

  public boolean isReported() {
    return reported;
  }

  @Override
  public String getVehicleId() {
    return vehicleId;
  }

  @Override
  public String getRegulationId() {
    return Int004Sensor.REGULATION;
  }

  @Override
  public String toString() {
    return "Int004Shift[" + vehicleId + " " + assignmentId + "]";
  }
}

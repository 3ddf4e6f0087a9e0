package dev.dozor.rules.regulation.tim007;

import dev.dozor.rules.engine.AssignmentFact;
import dev.dozor.rules.engine.VehiclePoint;
import dev.dozor.rules.engine.VehicleState;
import dev.dozor.rules.regulation.RegulationParameters;
import org.kie.api.definition.type.ClassReactive;

/**
 * TIM-007's running total of one vehicle's idle time in the current period: the shift of the
 * assignment the fix falls in, or else the local calendar day. Each pair of consecutive idle fixes
 * at most {@code maxGapS} apart adds its gap; a fix that is not idle breaks the stretch; the first
 * idle fix of another period starts the total afresh.
 *
 * <p>Bound: constant size (two times, a total and the period key), one per vehicle.
 */
@ClassReactive
public final class IdleTotal implements VehicleState {
  private static final long serialVersionUID = 1L;

  public static final String REGULATION_ID = "TIM-007";
  private static final long NONE = Long.MIN_VALUE;
  private static final long MINUTE_MS = 60_000;

  private final String vehicleId;
  private final long maxGapMs;
  private String periodKey;
  private long totalMs;
  private long lastIdleFixMs = NONE;
  private long lastFixTimeMs = NONE;

  /** Starts the total at a vehicle's first idle fix. */
  public IdleTotal(VehiclePoint first, RegulationParameters par) {
    this.vehicleId = first.getVehicleId();
    this.maxGapMs = par.millis("maxGapS");
    idleFix(first);
  }

  /** An idle fix: adds the time since the previous idle fix of the same stretch. */
  public void idleFix(VehiclePoint p) {
    String key = periodOf(p);
    if (!key.equals(periodKey)) {
      periodKey = key;
      totalMs = 0;
      lastIdleFixMs = NONE;
    }
    long t = p.getFixTimeMs();
    if (lastIdleFixMs != NONE && t - lastIdleFixMs <= maxGapMs) {
      totalMs += t - lastIdleFixMs;
    }
    lastIdleFixMs = t;
    lastFixTimeMs = t;
  }

  /** A fix that is not idle (moving, ignition off, in the depot): the stretch is over. */
  public void movingFix(VehiclePoint p) {
    lastIdleFixMs = NONE;
    lastFixTimeMs = p.getFixTimeMs();
  }

  /** Whether an idle stretch is being counted (its last fix was idle). */
  public boolean isCounting() {
    return lastIdleFixMs != NONE;
  }

  /** Idle seconds of the period so far. */
  public double getTotalS() {
    return totalMs / 1000.0;
  }

  /** The fix time of the latest fix observed (the rules read the total after it). */
  public long getLastFixTimeMs() {
    return lastFixTimeMs;
  }

  /** The shift or the local day the total belongs to. */
  public String getPeriodKey() {
    return periodKey;
  }

  /**
   * The fix's shift (its assignment), else its local calendar day, named by the epoch millisecond
   * of local midnight (time zones with whole-minute offsets, as every zone in use has).
   */
  static String periodOf(VehiclePoint p) {
    AssignmentFact shift = p.getAssignment();
    if (shift != null) {
      return "shift " + shift.getId();
    }
    long t = p.getFixTimeMs();
    long midnight = t - Math.floorMod(t, MINUTE_MS) - p.getLocalMinuteOfDay() * MINUTE_MS;
    return "day " + midnight;
  }

  @Override
  public String getVehicleId() {
    return vehicleId;
  }

  @Override
  public String getRegulationId() {
    return REGULATION_ID;
  }

  @Override
  public String toString() {
    return "IdleTotal[" + vehicleId + " " + periodKey + " " + getTotalS() + " s]";
  }
}

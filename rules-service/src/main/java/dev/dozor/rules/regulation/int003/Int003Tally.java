package dev.dozor.rules.regulation.int003;

import dev.dozor.rules.engine.AssignmentFact;
import dev.dozor.rules.engine.RunningTally;
import dev.dozor.rules.engine.VehiclePoint;
import dev.dozor.rules.regulation.RegulationParameters;
import org.kie.api.definition.type.ClassReactive;

/**
 * INT-003's running totals of one vehicle for its current period (the assignment's shift, or the
 * local calendar day without one), from its first fix with an odometer reading: GPS distance of the
 * valid fixes and the first and last odometer readings. Constant size, one per vehicle that reports
 * an odometer: replaced when the period is over.
 */
@ClassReactive
public final class Int003Tally implements RunningTally {
  private static final long serialVersionUID = 1L;

  public static final String REGULATION = "INT-003";
  private static final long DAY_MS = 86_400_000L;
  private static final String ASSIGNMENT_PREFIX = "assignment:";
  private static final String DAY_PREFIX = "day:";

  private final String vehicleId;
  private final String periodId;
  private final long periodEndMs;
  private final long clockAtStartMs;
  private final VehiclePoint firstFix;
  private VehiclePoint lastFix;
  // the last fix's time, read on every fix without loading the point (a restored tally asks the
  // point until its next fix)
  private transient boolean lastRead;
  private transient long lastFixMs;
  private double gpsM;
  private double gpsAtLastReadingM;
  private Double firstOdometerKm;
  private Double lastOdometerKm;
  private int odometerReadings;
  private boolean over;
  private boolean reported;

  @Override
  public Phase phase() {
    // after a fix of another period closed this one
    return Phase.AFTER_RULES;
  }

  /** Adds a fix of the period; no rule reads the sums before the period is over (a modify). */
  @Override
  public boolean take(VehiclePoint point, long eventNowMs) {
    if (!over && getLastFixTimeMs() < point.getFixTimeMs() && covers(point)) {
      add(point);
    }
    return false;
  }

  /**
   * Whether this fix may close the vehicle's running tally (it belongs to another period). A tally
   * started on this fix covers it. A condition on the point that spares the rest the join.
   */
  public static boolean mayClose(VehiclePoint p) {
    return p.holdsAny(Int003Tally.class, t -> !t.over && !t.covers(p));
  }

  /**
   * Whether a tally may start on this fix: the vehicle holds none, or one that is over or that this
   * fix closes (and that may be forgotten while the fix is evaluated). A running tally of the fix's
   * period stays, so the rule's {@code not Int003Tally} cannot hold.
   */
  public static boolean mayStart(VehiclePoint p) {
    return p.holdsNoState(Int003Tally.class)
        || p.holdsAny(Int003Tally.class, t -> t.over || !t.covers(p));
  }

  public Int003Tally(VehiclePoint first) {
    this(first, Long.MIN_VALUE);
  }

  /**
   * @param clockNowMs the event clock when the period's first fix arrived: a period that ended
   *     before it (a black box read out late) is closed by the vehicle's own fixes, not the clock
   */
  public Int003Tally(VehiclePoint first, long clockNowMs) {
    this.clockAtStartMs = clockNowMs;
    this.vehicleId = first.getVehicleId();
    this.periodId = periodOf(first);
    AssignmentFact shift = first.getAssignment();
    this.periodEndMs = shift != null ? shift.getShiftEndMs() : localDayStartMs(first) + DAY_MS;
    this.firstFix = first;
    remember(first);
    readOdometer(first);
  }

  /** The period a fix belongs to: {@code assignment:<id>} or {@code day:<local date start ms>}. */
  public static String periodOf(VehiclePoint p) {
    AssignmentFact shift = p.getAssignment();
    return shift != null ? ASSIGNMENT_PREFIX + shift.getId() : DAY_PREFIX + localDayStartMs(p);
  }

  /** Whether the fix belongs to this tally's period. */
  public boolean covers(VehiclePoint p) {
    // periodId.equals(periodOf(p)), without building the fix's id for a fix on shift (every fix)
    AssignmentFact shift = p.getAssignment();
    if (shift == null) {
      return periodId.equals(DAY_PREFIX + localDayStartMs(p));
    }
    String id = shift.getId();
    return periodId.length() == ASSIGNMENT_PREFIX.length() + id.length()
        && periodId.startsWith(ASSIGNMENT_PREFIX)
        && periodId.endsWith(id);
  }

  /**
   * Adds the next valid fix of the period: its distance from the previous valid fix, its reading.
   */
  public void add(VehiclePoint p) {
    gpsM += p.getDistanceM();
    remember(p);
    readOdometer(p);
  }

  private void remember(VehiclePoint p) {
    lastFix = p;
    lastFixMs = p.getFixTimeMs();
    lastRead = true;
  }

  /** The disagreement of this period was reported. */
  public void markReported() {
    reported = true;
  }

  public boolean isReported() {
    return reported;
  }

  /** The period ended (the event clock passed its end, or a fix of another period came). */
  public void markOver() {
    over = true;
  }

  private void readOdometer(VehiclePoint p) {
    Double km = p.getOdometerKm();
    if (km == null) {
      return;
    }
    if (firstOdometerKm == null) {
      firstOdometerKm = km;
    }
    lastOdometerKm = km;
    gpsAtLastReadingM = gpsM;
    odometerReadings++;
  }

  // midnight of the fix's local day: the offset of the engine's zone is whole minutes
  private static long localDayStartMs(VehiclePoint p) {
    long fix = p.getFixTimeMs();
    return fix - Math.floorMod(fix, 60_000L) - p.getLocalMinuteOfDay() * 60_000L;
  }

  // ---- the test at the period end ----

  /** GPS distance from the first to the last odometer reading of the period, km. */
  public double getGpsKm() {
    return gpsAtLastReadingM / 1000.0;
  }

  /** Odometer distance of the period (last − first reading), km; 0 with fewer than two. */
  public double getOdometerKm() {
    return odometerReadings < 2 ? 0 : lastOdometerKm - firstOdometerKm;
  }

  /** |odometer − GPS| / GPS in percent (0 without GPS distance). */
  public double getDeviationPct() {
    return gpsAtLastReadingM <= 0 ? 0 : Math.abs(getOdometerKm() - getGpsKm()) / getGpsKm() * 100.0;
  }

  /** Whether the period allows the comparison and the odometer disagrees beyond the parameter. */
  public boolean isDisagreeing() {
    RegulationParameters par = getPar();
    return getGpsKm() >= par.value("minGpsKm")
        && odometerReadings >= par.value("minOdometerReadings")
        && getDeviationPct() > par.value("maxDeviationPct");
  }

  public RegulationParameters getPar() {
    return lastFix.par(REGULATION);
  }

  public int getOdometerReadings() {
    return odometerReadings;
  }

  public String getPeriodId() {
    return periodId;
  }

  public long getPeriodEndMs() {
    return periodEndMs;
  }

  /**
   * Whether the period was still running (event clock) when its first fix arrived: only then may
   * the clock passing its end close it. A late-uploaded period is closed by the vehicle's next fix
   * of another period or by the end of its data.
   */
  public boolean isLive() {
    return periodEndMs > clockAtStartMs;
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
    return "Int003Tally[" + vehicleId + " " + periodId + "]";
  }
}

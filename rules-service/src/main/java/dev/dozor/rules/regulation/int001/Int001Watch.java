package dev.dozor.rules.regulation.int001;

import dev.dozor.rules.engine.AssignmentFact;
import dev.dozor.rules.engine.RunningTally;
import dev.dozor.rules.engine.VehiclePoint;
import dev.dozor.rules.regulation.RegulationParameters;
import org.kie.api.definition.type.ClassReactive;

/**
 * INT-001's memory of one vehicle: its latest valid fix, and how much of the silence after it has
 * already been reported. Constant size: one per vehicle, replaced in place by each fix.
 *
 * <p>A fix is <em>live</em> when it was at most {@code maxSilenceS} behind the partition's event
 * clock when the engine processed it. Only a live fix lets the event clock open a gap: the trailing
 * silence of a late (black-box) upload is judged by the vehicle's next fix instead.
 *
 * <p>{@link #getDueMs() dueMs} is when the clock must look at the watch next: never later than the
 * earliest time a silence could be too long ({@link #nextDueMs()}), often earlier, because a fix
 * moves the silence on without telling the engine. It is the one value of the watch the engine
 * indexes (a range index joins the clock with the due watches only), so it changes only with an
 * {@code update}: lowered by {@link #remember} when a fix brings the earliest time forward, raised
 * by {@link #moveDue} when the clock reached a watch whose vehicle reported since. A checkpoint
 * from before the due time existed reads it as 0: due at once, then moved.
 */
@ClassReactive
public final class Int001Watch implements RunningTally {
  private static final long serialVersionUID = 1L;

  public static final String REGULATION = "INT-001";

  private final String vehicleId;
  private VehiclePoint lastFix;
  // the last fix's time, read on every fix and tick without loading the point (a restored watch
  // asks the point until its next fix)
  private transient boolean lastRead;
  private transient long lastFixMs;
  private long maxSilenceMs;
  private boolean live;
  private long reportedUntilMs = Long.MIN_VALUE;
  private long dueMs = Long.MAX_VALUE;

  @Override
  public Phase phase() {
    // after the rules that read the silence before this fix
    return Phase.AFTER_RULES;
  }

  @Override
  public boolean take(VehiclePoint point, long eventNowMs) {
    return getLastFixTimeMs() < point.getFixTimeMs() && remember(point, eventNowMs);
  }

  /**
   * Whether this fix may end a silence longer than {@code maxSilenceS} of its vehicle (the reveal
   * rules' first condition, on the watch as the fix found it): a condition on the point that spares
   * every other fix the join. A watch that appears or changes while the fix is evaluated cannot
   * make it true (a new watch starts at this fix; reporting a gap only shortens the silence).
   */
  public static boolean mayEndSilence(VehiclePoint p) {
    long fix = p.getFixTimeMs();
    return p.holdsAny(
        Int001Watch.class, w -> w.getLastFixTimeMs() < fix && w.silentMs(fix) > w.maxSilenceMs);
  }

  public Int001Watch(VehiclePoint first, long clockNowMs) {
    this.vehicleId = first.getVehicleId();
    remember(first, clockNowMs);
  }

  /**
   * The vehicle's latest valid fix, processed while the partition's clock stood at clockNowMs.
   *
   * @return whether the due time moved earlier: then the caller must {@code update} the watch
   */
  public boolean remember(VehiclePoint p, long clockNowMs) {
    lastFix = p;
    lastFixMs = p.getFixTimeMs();
    lastRead = true;
    maxSilenceMs = p.par(REGULATION).millis("maxSilenceS");
    live = clockNowMs == Long.MIN_VALUE || clockNowMs - p.getFixTimeMs() <= maxSilenceMs;
    reportedUntilMs = Long.MIN_VALUE;
    long next = nextDueMs();
    if (next < dueMs) {
      dueMs = next;
      return true;
    }
    return false;
  }

  /**
   * The earliest time the event clock could find a silence longer than {@code maxSilenceS}: the
   * last fix or the end of what was reported, whichever is later, plus {@code maxSilenceS}; never
   * for a fix that was not live. Changes with every fix, silently: read it only joined with the
   * clock.
   */
  public long nextDueMs() {
    if (!live || reportedUntilMs == Long.MAX_VALUE) {
      return Long.MAX_VALUE;
    }
    long from = Math.max(getLastFixTimeMs(), reportedUntilMs);
    return from > Long.MAX_VALUE - maxSilenceMs ? Long.MAX_VALUE : from + maxSilenceMs;
  }

  /** The clock looks at the watch again at {@link #nextDueMs()} (with {@code modify}). */
  public void moveDue() {
    dueMs = nextDueMs();
  }

  /** When the event clock must look at this watch next (see the class comment). */
  public long getDueMs() {
    return dueMs;
  }

  /** The silence up to this time is reported (an episode covers it); do not report it again. */
  public void reportedUntil(long epochMs) {
    reportedUntilMs = Math.max(reportedUntilMs, epochMs);
  }

  /** Silence after the last fix up to {@code untilMs} not yet reported, ms (≤ 0 when none). */
  public long silentMs(long untilMs) {
    if (untilMs == Long.MIN_VALUE) {
      return 0;
    }
    return untilMs - Math.max(getLastFixTimeMs(), reportedUntilMs);
  }

  /** Like {@link #silentMs} but only the part inside the assignment's shift. */
  public long silentOnShiftMs(AssignmentFact shift, long untilMs) {
    if (untilMs == Long.MIN_VALUE || reportedUntilMs == Long.MAX_VALUE) {
      return 0;
    }
    long from = Math.max(Math.max(getLastFixTimeMs(), reportedUntilMs), shift.getShiftStartMs());
    return Math.min(untilMs, shift.getShiftEndMs()) - from;
  }

  /** Where the silence of a shift starts: the last fix, or the shift start when that is later. */
  /**
   * {@link #silentOnShiftMs} for the event clock: 0 unless the last fix was live. The watch is a
   * running tally (its fix is remembered without telling the engine), so what changes with a fix is
   * read here, in a constraint joined with the clock, and never in a constraint of its own.
   */
  public long liveSilentOnShiftMs(AssignmentFact shift, long clockMs) {
    return live ? silentOnShiftMs(shift, clockMs) : 0;
  }

  /**
   * {@link #silentMs} for the event clock: 0 unless the last fix was live, ignition on or unknown.
   */
  public long liveSilentMs(long clockMs) {
    return live ? silentWithIgnitionMs(clockMs) : 0;
  }

  /** {@link #silentMs}, or 0 when the last fix reported the ignition off (no shift: parked). */
  public long silentWithIgnitionMs(long untilMs) {
    return isIgnitionOnOrUnknown() ? silentMs(untilMs) : 0;
  }

  public long gapStartMs(AssignmentFact shift) {
    return Math.max(getLastFixTimeMs(), shift.getShiftStartMs());
  }

  /** Whether the last fix had the ignition on or did not report it. */
  public boolean isIgnitionOnOrUnknown() {
    return !lastFix.isIgnitionReported() || lastFix.isIgnitionOn();
  }

  public VehiclePoint getLastFix() {
    return lastFix;
  }

  public long getLastFixTimeMs() {
    return lastRead ? lastFixMs : lastFix.getFixTimeMs();
  }

  public long getMaxSilenceMs() {
    return maxSilenceMs;
  }

  public boolean isLive() {
    return live;
  }

  /** The parameters in force at the last fix. */
  public RegulationParameters par() {
    return lastFix.par(REGULATION);
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
    return "Int001Watch["
        + vehicleId
        + " last "
        + lastFix.getFixTime()
        + (live ? " live" : "")
        + "]";
  }
}

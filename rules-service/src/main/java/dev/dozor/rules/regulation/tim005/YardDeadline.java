package dev.dozor.rules.regulation.tim005;

import dev.dozor.rules.engine.AssignmentFact;
import dev.dozor.rules.engine.Episode;
import dev.dozor.rules.engine.VehiclePoint;
import dev.dozor.rules.engine.VehicleState;
import dev.dozor.rules.regulation.RegulationParameters;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.kie.api.definition.type.ClassReactive;

/**
 * TIM-005 (b): the deadline of one yard assigned to a vehicle for one shift. The deadline is the
 * first local {@code deadlineH} at or after the shift start; it applies only when it falls before
 * the shift end. Constant size; one per assignment with a yard zone, deleted once the shift is over
 * and the deadline is settled (met, missed and closed, or not applicable).
 */
@ClassReactive
public final class YardDeadline implements VehicleState {
  private static final long serialVersionUID = 1L;

  /** No work inside the yard seen yet. */
  public static final long NONE = Long.MIN_VALUE;

  private final String vehicleId;
  private final String assignmentId;
  private final String zoneId;
  private final long shiftStartMs;
  private final long shiftEndMs;
  private final long deadlineMs;
  private final long reportAfterMs;
  private final RegulationParameters parameters;
  private long firstWorkMs = NONE;
  private boolean missed;
  private long seenAtClockMs;

  private YardDeadline(
      AssignmentFact a, long deadlineMs, RegulationParameters par, long eventClockMs) {
    this.seenAtClockMs = eventClockMs;
    this.vehicleId = a.getVehicleId();
    this.assignmentId = a.getId();
    this.zoneId = a.getZoneId();
    this.shiftStartMs = a.getShiftStartMs();
    this.shiftEndMs = a.getShiftEndMs();
    this.deadlineMs = deadlineMs;
    this.reportAfterMs = deadlineMs + par.millis("graceS");
    // the deadline episode has no fixes of its own, so no data gap may end it
    Map<String, Double> values = new LinkedHashMap<>(par.getValues());
    values.remove("maxGapS");
    this.parameters = new RegulationParameters(par.getRegulationId(), values);
  }

  /**
   * The deadline of the assignment active at this fix, with the parameters in force there.
   *
   * @param eventClockMs the partition's event time when the fix is processed
   */
  public static YardDeadline plan(AssignmentFact a, VehiclePoint pt, long eventClockMs) {
    RegulationParameters par = pt.par("TIM-005");
    ZonedDateTime start = Instant.ofEpochMilli(a.getShiftStartMs()).atZone(pt.getLocalZone());
    LocalTime at = LocalTime.MIDNIGHT.plusMinutes(Math.round(par.value("deadlineH") * 60));
    ZonedDateTime deadline = start.with(at);
    if (deadline.isBefore(start)) {
      deadline = deadline.plusDays(1);
    }
    return new YardDeadline(a, deadline.toInstant().toEpochMilli(), par, eventClockMs);
  }

  /** Work inside the yard began at this fix time (the first such fix is kept). */
  public void workSeen(long fixTimeMs) {
    if (firstWorkMs == NONE) {
      firstWorkMs = fixTimeMs;
    }
  }

  /** The deadline passed without work: the violation episode, starting at the deadline. */
  public Episode missedEpisode() {
    return new Episode("TIM-005", vehicleId, assignmentId, deadlineMs, parameters);
  }

  /**
   * A fix of the vehicle was processed while the partition's event time was this. A miss is
   * reported only once the event time has moved on since, so a black-box upload of older fixes is
   * evaluated whole before its deadline is judged.
   */
  public void seenAt(long eventClockMs) {
    seenAtClockMs = eventClockMs;
  }

  public long getSeenAtClockMs() {
    return seenAtClockMs;
  }

  /** The miss has been reported (its episode inserted). */
  public void markMissed() {
    missed = true;
  }

  /** Whether the deadline falls inside the shift (else the assignment has none). */
  public boolean isApplicable() {
    return deadlineMs < shiftEndMs;
  }

  /** Whether work inside the yard began by the deadline. */
  public boolean isMetInTime() {
    return firstWorkMs != NONE && firstWorkMs <= deadlineMs;
  }

  /** Nothing more to report: not applicable, met in time, or the missed episode was raised. */
  public boolean isSettled() {
    return !isApplicable() || isMetInTime() || missed;
  }

  /**
   * How far a missed episode runs at this event time: now, but not past the shift end or the first
   * (late) work inside the yard.
   */
  public long openUntilMs(long nowMs) {
    long until = Math.min(nowMs, shiftEndMs);
    return firstWorkMs == NONE ? until : Math.min(until, firstWorkMs);
  }

  /** Minutes from the deadline to this time. */
  public double delayMinAt(long epochMs) {
    return (epochMs - deadlineMs) / 60_000.0;
  }

  @Override
  public String getVehicleId() {
    return vehicleId;
  }

  @Override
  public String getRegulationId() {
    return "TIM-005";
  }

  public String getAssignmentId() {
    return assignmentId;
  }

  public String getZoneId() {
    return zoneId;
  }

  public long getShiftStartMs() {
    return shiftStartMs;
  }

  public long getShiftEndMs() {
    return shiftEndMs;
  }

  public long getDeadlineMs() {
    return deadlineMs;
  }

  /** The deadline plus the grace for late fixes: the event time at which a miss is reported. */
  public long getReportAfterMs() {
    return reportAfterMs;
  }

  /** Fix time of the first work inside the yard in the shift, or {@link #NONE}. */
  public long getFirstWorkMs() {
    return firstWorkMs;
  }

  public boolean isWorkSeen() {
    return firstWorkMs != NONE;
  }

  public boolean isMissed() {
    return missed;
  }

  @Override
  public String toString() {
    return "YardDeadline["
        + vehicleId
        + " "
        + assignmentId
        + " yard "
        + zoneId
        + " by "
        + Instant.ofEpochMilli(deadlineMs)
        + "]";
  }
}

package dev.dozor.rules.regulation.tim001;

import dev.dozor.rules.engine.AssignmentFact;
import dev.dozor.rules.engine.Episode;
import dev.dozor.rules.engine.SegmentMatch;
import dev.dozor.rules.engine.VehiclePoint;
import dev.dozor.rules.engine.VehicleState;
import dev.dozor.rules.engine.WeatherFact;
import dev.dozor.rules.regulation.RegulationParameters;
import java.util.ArrayList;
import java.util.List;
import org.kie.api.definition.type.ClassReactive;

/**
 * The coverage deadlines one assignment owes after one weather event (TIM-001: plough every
 * assigned segment of the district within 4–12 h of the snowfall's end; TIM-002: spread within 1–3
 * h of its start). One per (assignment, weather event): the assigned segments that lie in the
 * event's district and whose deadline falls after the shift start and before the shift end, each
 * with its deadline by road priority and the fix time a pass cleared it.
 *
 * <p>Event time, whatever the batches: the DRL {@link #step steps} a timeline up to the event clock
 * one moment at a time — a deadline passing with its segment not cleared by then (overdue), an
 * overdue segment being cleared, the shift end — so the lifecycle rules report the same OPENED /
 * UPDATED / CLOSED whether the passes arrived before or after the clock passed the deadline.
 *
 * <p>Bound: the arrays hold the assignment's segments in the district (at most the assignment's
 * segment count); the fact is deleted once the timeline reached the shift end and no episode is
 * open. A segment whose deadline falls at or after the shift end is not checked for this
 * assignment.
 */
@ClassReactive
public final class SegmentDeadlines implements VehicleState {
  private static final long serialVersionUID = 1L;

  private static final long HOUR_MS = 3_600_000L;
  private static final long NONE = Long.MIN_VALUE;

  private final String regulationId;
  private final String vehicleId;
  private final String assignmentId;
  private final String weatherId;
  private final long clockStartMs;
  private final long shiftEndMs;
  private final RegulationParameters parameters;
  private final String[] segmentIds;
  private final double[] lengthsM;
  private final long[] deadlinesMs;
  private final long[] clearedAtMs;
  private final boolean[] overdue;
  private final boolean[] clearSeen;
  private long lastChangeMs;
  private boolean finished;

  private SegmentDeadlines(
      String regulationId,
      AssignmentFact a,
      WeatherFact w,
      RegulationParameters parameters,
      List<String> ids,
      List<Double> lengths,
      List<Long> deadlines) {
    this.regulationId = regulationId;
    this.vehicleId = a.getVehicleId();
    this.assignmentId = a.getId();
    this.weatherId = w.getId();
    this.clockStartMs = w.getAtMs();
    this.shiftEndMs = a.getShiftEndMs();
    this.parameters = parameters;
    int n = ids.size();
    this.segmentIds = ids.toArray(new String[0]);
    this.lengthsM = new double[n];
    this.deadlinesMs = new long[n];
    this.clearedAtMs = new long[n];
    this.overdue = new boolean[n];
    this.clearSeen = new boolean[n];
    for (int i = 0; i < n; i++) {
      lengthsM[i] = lengths.get(i);
      deadlinesMs[i] = deadlines.get(i);
      clearedAtMs[i] = NONE;
    }
    this.lastChangeMs = clockStartMs;
  }

  /**
   * Plans the deadlines of an assignment after a weather event, with the vehicle's parameters in
   * force at {@code pt}.
   *
   * @param hoursByPriority the names of the deadline parameters (hours) for road priorities 1, 2, 3
   *     and 4, in that order
   */
  public static SegmentDeadlines plan(
      String regulationId,
      AssignmentFact a,
      WeatherFact w,
      VehiclePoint pt,
      RegulationParameters par,
      String... hoursByPriority) {
    List<String> ids = new ArrayList<>();
    List<Double> lengths = new ArrayList<>();
    List<Long> deadlines = new ArrayList<>();
    for (String id : a.getSegmentIds()) {
      SegmentMatch s = pt.segmentById(id);
      if (s == null || !w.getDistrictId().equals(s.districtId()) || ids.contains(id)) {
        continue;
      }
      int p = Math.max(1, Math.min(hoursByPriority.length, s.priority()));
      long deadline = w.getAtMs() + Math.round(par.value(hoursByPriority[p - 1]) * HOUR_MS);
      if (a.getShiftStartMs() < deadline && deadline < a.getShiftEndMs()) {
        ids.add(id);
        lengths.add(s.lengthM());
        deadlines.add(deadline);
      }
    }
    return new SegmentDeadlines(regulationId, a, w, par, ids, lengths, deadlines);
  }

  // ---- changes ----

  /** Whether the segment is planned here and not cleared yet. */
  public boolean isPending(String segmentId) {
    int i = indexOf(segmentId);
    return i >= 0 && clearedAtMs[i] == NONE;
  }

  /** A pass counted at {@code atMs} cleared the segment (the timeline applies it in its turn). */
  public void cleared(String segmentId, long atMs) {
    int i = indexOf(segmentId);
    if (i >= 0 && clearedAtMs[i] == NONE) {
      clearedAtMs[i] = atMs;
    }
  }

  /**
   * The next moment of the timeline: a deadline of a segment not cleared by it, the clearing of an
   * overdue segment, or the shift end; Long.MAX_VALUE once the shift end was reached.
   */
  public long getNextStepMs() {
    if (finished) {
      return Long.MAX_VALUE;
    }
    long next = shiftEndMs;
    for (int i = 0; i < segmentIds.length; i++) {
      if (!overdue[i] && !clearedInTime(i)) {
        next = Math.min(next, deadlinesMs[i]);
      } else if (overdue[i] && !clearSeen[i] && clearedAtMs[i] != NONE) {
        next = Math.min(next, Math.max(clearedAtMs[i], deadlinesMs[i]));
      }
    }
    return next;
  }

  /** Applies every change of the timeline's next moment. */
  public void step() {
    long t = getNextStepMs();
    if (t == Long.MAX_VALUE) {
      return;
    }
    for (int i = 0; i < segmentIds.length; i++) {
      if (!overdue[i] && !clearedInTime(i) && deadlinesMs[i] == t) {
        overdue[i] = true;
      }
      if (overdue[i]
          && !clearSeen[i]
          && clearedAtMs[i] != NONE
          && Math.max(clearedAtMs[i], deadlinesMs[i]) == t) {
        clearSeen[i] = true;
      }
    }
    if (t == shiftEndMs) {
      finished = true;
    }
    lastChangeMs = t;
  }

  /** Whether the timeline reached the shift end. */
  public boolean isFinished() {
    return finished;
  }

  /** Writes the uncovered count and length into the episode. */
  public void describe(Episode e) {
    e.measure("uncoveredSegments", getUncoveredCount());
    e.measure("uncoveredM", getUncoveredM());
    e.measure("overdueSegments", getOverdueCount());
    e.measure("plannedSegments", segmentIds.length);
  }

  // ---- getters for the DRL ----

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

  public String getWeatherId() {
    return weatherId;
  }

  /** The episode's subject: assignment and weather event. */
  public String getSubjectId() {
    return assignmentId + "/" + weatherId;
  }

  /** The weather event's time: passes counted before it do not clear anything. */
  public long getClockStartMs() {
    return clockStartMs;
  }

  public long getShiftEndMs() {
    return shiftEndMs;
  }

  public RegulationParameters getParameters() {
    return parameters;
  }

  public int getPlannedCount() {
    return segmentIds.length;
  }

  /** Overdue segments not cleared yet. */
  public int getUncoveredCount() {
    int n = 0;
    for (int i = 0; i < segmentIds.length; i++) {
      if (overdue[i] && !clearSeen[i]) {
        n++;
      }
    }
    return n;
  }

  /** Their length, metres. */
  public double getUncoveredM() {
    double m = 0;
    for (int i = 0; i < segmentIds.length; i++) {
      if (overdue[i] && !clearSeen[i]) {
        m += lengthsM[i];
      }
    }
    return m;
  }

  /** Segments that went overdue (cleared since or not). */
  public int getOverdueCount() {
    int n = 0;
    for (boolean o : overdue) {
      n += o ? 1 : 0;
    }
    return n;
  }

  /** The earliest deadline among the overdue segments not cleared yet (the episode's start). */
  public long getFirstUncoveredDeadlineMs() {
    long first = Long.MAX_VALUE;
    for (int i = 0; i < segmentIds.length; i++) {
      if (overdue[i] && !clearSeen[i]) {
        first = Math.min(first, deadlinesMs[i]);
      }
    }
    return first;
  }

  /** The time of the timeline's latest moment (a segment went overdue or was cleared). */
  public long getLastChangeMs() {
    return lastChangeMs;
  }

  /** The longest lateness of an overdue segment cleared since, minutes (0 when none). */
  public double getLateMin() {
    long late = 0;
    for (int i = 0; i < segmentIds.length; i++) {
      if (overdue[i] && clearSeen[i]) {
        late = Math.max(late, clearedAtMs[i] - deadlinesMs[i]);
      }
    }
    return late / 60_000.0;
  }

  /** Overdue segment ids not cleared yet (for logs and tests). */
  public List<String> uncoveredSegmentIds() {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < segmentIds.length; i++) {
      if (overdue[i] && !clearSeen[i]) {
        out.add(segmentIds[i]);
      }
    }
    return out;
  }

  private boolean clearedInTime(int i) {
    return clearedAtMs[i] != NONE && clearedAtMs[i] <= deadlinesMs[i];
  }

  private int indexOf(String segmentId) {
    for (int i = 0; i < segmentIds.length; i++) {
      if (segmentIds[i].equals(segmentId)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public String toString() {
    return "SegmentDeadlines["
        + regulationId
        + " "
        + vehicleId
        + "/"
        + getSubjectId()
        + " planned "
        + segmentIds.length
        + " uncovered "
        + uncoveredSegmentIds()
        + "]";
  }
}

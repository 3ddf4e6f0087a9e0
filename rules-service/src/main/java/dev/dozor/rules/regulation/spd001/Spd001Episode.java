package dev.dozor.rules.regulation.spd001;

import dev.dozor.events.ViolationStatus;
import dev.dozor.rules.engine.EpisodeChange;
import dev.dozor.rules.engine.EpisodeStats;
import dev.dozor.rules.engine.VehiclePoint;
import java.time.Instant;
import org.kie.api.definition.type.ClassReactive;

/**
 * The time-based state of SPD-001 for one vehicle: a candidate while the plough-down overspeed has
 * not yet lasted {@code minDurationS}, an open episode afterwards. At most one exists per session;
 * it lives only while the condition holds without a data gap.
 */
@ClassReactive
public final class Spd001Episode {
  /** The regulation this state belongs to. */
  public static final String REGULATION_ID = "SPD-001";

  private final String vehicleId;
  private final EpisodeStats stats;
  private boolean opened;
  private boolean ended;
  private long lastReportedMs;
  private long endObservedMs;

  public Spd001Episode(VehiclePoint first) {
    this.vehicleId = first.getVehicleId();
    this.stats = new EpisodeStats(first);
  }

  /** Extends the episode by the next violating fix. */
  public void extend(VehiclePoint p) {
    stats.add(p);
  }

  /** Marks the latest fix as reported (OPENED or UPDATED). */
  public void markReported() {
    opened = true;
    lastReportedMs = getLastFixTimeMs();
  }

  /** The condition stopped (or data ran out) at the fix with this time. */
  public void end(long observedAtMs) {
    ended = true;
    endObservedMs = observedAtMs;
  }

  /** The change to report, with the measurements as they stand. */
  public EpisodeChange change(ViolationStatus status) {
    boolean closed = status == ViolationStatus.CLOSED;
    return new EpisodeChange(
        REGULATION_ID,
        vehicleId,
        status,
        stats.startedAt(),
        closed ? stats.lastFixTime() : null,
        closed ? Instant.ofEpochMilli(endObservedMs) : stats.lastFixTime(),
        stats.measurements(),
        stats.evidence());
  }

  public String getVehicleId() {
    return vehicleId;
  }

  public long getStartedMs() {
    return stats.startedAt().toEpochMilli();
  }

  public long getLastFixTimeMs() {
    return stats.lastFixTime().toEpochMilli();
  }

  public long getDurationMs() {
    return stats.durationMs();
  }

  public boolean isOpened() {
    return opened;
  }

  public boolean isEnded() {
    return ended;
  }

  public long getLastReportedMs() {
    return lastReportedMs;
  }

  @Override
  public String toString() {
    return "Spd001Episode["
        + vehicleId
        + " from "
        + stats.startedAt()
        + " to "
        + stats.lastFixTime()
        + (opened ? " open" : " candidate")
        + (ended ? " ended" : "")
        + "]";
  }
}

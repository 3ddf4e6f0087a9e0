package dev.dozor.rules.regulation.tim003;

import dev.dozor.events.EvidencePoint;
import dev.dozor.rules.engine.VehiclePoint;
import dev.dozor.rules.engine.VehicleState;
import dev.dozor.rules.sites.SiteVisit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.kie.api.definition.type.ClassReactive;

/**
 * TIM-003's state in a vehicle session: the current stop of a refuse truck within {@code radiusM}
 * of a container site. At most one per vehicle (the current stop); constant size (three evidence
 * fixes); deleted when the stop ends.
 */
@ClassReactive
public final class SiteStop implements VehicleState {
  private static final long serialVersionUID = 1L;

  public static final String REGULATION_ID = "TIM-003";

  private final String vehicleId;
  private final String siteId;
  private final long startedAtMs;
  private final EvidencePoint first;
  private EvidencePoint qualifiedAt;
  private EvidencePoint last;
  private long lastFixTimeMs;
  private boolean reported;
  private long reportedEndMs = Long.MIN_VALUE;
  private boolean ended;

  /** A stop begins at this fix near this site. */
  public SiteStop(VehiclePoint first, String siteId) {
    this.vehicleId = first.getVehicleId();
    this.siteId = siteId;
    this.startedAtMs = first.getFixTimeMs();
    this.first = first.toEvidence();
    this.last = this.first;
    this.lastFixTimeMs = startedAtMs;
  }

  /** The vehicle still stands at the site at this fix. */
  public void extend(VehiclePoint p) {
    last = p.toEvidence();
    lastFixTimeMs = p.getFixTimeMs();
  }

  /** The visit as it stands now: from the first fix of the stop to its latest. */
  public SiteVisit visit() {
    List<EvidencePoint> evidence = new ArrayList<>(3);
    evidence.add(first);
    if (qualifiedAt != null && !qualifiedAt.equals(first)) {
      evidence.add(qualifiedAt);
    }
    if (!evidence.contains(last)) {
      evidence.add(last);
    }
    return SiteVisit.visit(
        siteId,
        vehicleId,
        Instant.ofEpochMilli(startedAtMs),
        Instant.ofEpochMilli(lastFixTimeMs),
        evidence);
  }

  /** The visit was reported up to the stop's latest fix. */
  public void markReported() {
    if (!reported) {
      qualifiedAt = last;
    }
    reported = true;
    reportedEndMs = lastFixTimeMs;
  }

  /** The vehicle moved off or away, its data paused for longer than maxGapS, or ended. */
  public void end() {
    ended = true;
  }

  /** Whether the stop lasted long enough and was reported as a visit. */
  public boolean isReported() {
    return reported;
  }

  /** Whether the stop went on after it was last reported (the final visit has a later end). */
  public boolean isGrownSinceReport() {
    return reported && lastFixTimeMs > reportedEndMs;
  }

  public boolean isEnded() {
    return ended;
  }

  @Override
  public String getVehicleId() {
    return vehicleId;
  }

  @Override
  public String getRegulationId() {
    return REGULATION_ID;
  }

  public String getSiteId() {
    return siteId;
  }

  public long getStartedAtMs() {
    return startedAtMs;
  }

  public long getLastFixTimeMs() {
    return lastFixTimeMs;
  }

  public long getDurationMs() {
    return lastFixTimeMs - startedAtMs;
  }

  @Override
  public String toString() {
    return "SiteStop["
        + vehicleId
        + " at "
        + siteId
        + " from "
        + Instant.ofEpochMilli(startedAtMs)
        + " to "
        + Instant.ofEpochMilli(lastFixTimeMs)
        + (reported ? " visit" : "")
        + (ended ? " ended" : "")
        + "]";
  }
}

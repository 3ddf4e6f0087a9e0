package dev.dozor.rules.engine;

import dev.dozor.events.SegmentPass;
import java.util.Arrays;

/**
 * A segment pass as the rules see it: vehicle {@code vehicleId} worked road segment {@code
 * segmentId} with {@code equipment} from {@code startedAtMs} to {@code endedAtMs} (fix times),
 * covering {@code coveredFraction} of it. The engine inserts it into the session of the vehicle's
 * partition when the pass first counts (covers the minimal fraction) and replaces it as it grows;
 * {@code countedAtMs}, the fix time it first counted, never changes, so a deadline compared with it
 * does not flip when the pass goes on past the deadline. Dropped when the event clock is the pass
 * retention ({@code dozor.rules.coverage.pass-fact-retention}, 24 h) past its end.
 */
public final class SegmentPassFact implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  private final String passId;
  private final String segmentId;
  private final String vehicleId;
  private final long startedAtMs;
  private final long endedAtMs;
  private final String equipment;
  private final double coveredFraction;
  private final long countedAtMs;

  public SegmentPassFact(
      String passId,
      String segmentId,
      String vehicleId,
      long startedAtMs,
      long endedAtMs,
      String equipment,
      double coveredFraction,
      long countedAtMs) {
    this.passId = passId;
    this.segmentId = segmentId;
    this.vehicleId = vehicleId;
    this.startedAtMs = startedAtMs;
    this.endedAtMs = endedAtMs;
    this.equipment = equipment;
    this.coveredFraction = coveredFraction;
    this.countedAtMs = countedAtMs;
  }

  /** The first emission of a pass: it counts from its end. */
  public static SegmentPassFact of(SegmentPass p) {
    return new SegmentPassFact(
        p.passId(),
        p.segmentId(),
        p.vehicleId(),
        p.startedAt().toEpochMilli(),
        p.endedAt().toEpochMilli(),
        p.equipment(),
        p.coveredFraction(),
        p.endedAt().toEpochMilli());
  }

  /** This pass grown to a later emission of it (keeps the time it first counted). */
  public SegmentPassFact grownTo(SegmentPass p) {
    return new SegmentPassFact(
        passId,
        segmentId,
        vehicleId,
        startedAtMs,
        Math.max(endedAtMs, p.endedAt().toEpochMilli()),
        equipment,
        Math.max(coveredFraction, p.coveredFraction()),
        countedAtMs);
  }

  public String getPassId() {
    return passId;
  }

  public String getSegmentId() {
    return segmentId;
  }

  public String getVehicleId() {
    return vehicleId;
  }

  public long getStartedAtMs() {
    return startedAtMs;
  }

  public long getEndedAtMs() {
    return endedAtMs;
  }

  /** {@code plough}, {@code brush}, {@code spreader}, or several joined by {@code +}. */
  public String getEquipment() {
    return equipment;
  }

  public double getCoveredFraction() {
    return coveredFraction;
  }

  /** The fix time the pass first covered the minimal fraction of its segment. */
  public long getCountedAtMs() {
    return countedAtMs;
  }

  /** Whether this channel ({@code plough}, {@code brush}, {@code spreader}) worked the pass. */
  public boolean uses(String channel) {
    return Arrays.asList(equipment.split("\\+")).contains(channel);
  }

  public boolean isPlough() {
    return uses("plough");
  }

  public boolean isSpreader() {
    return uses("spreader");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SegmentPassFact f
        && f.passId.equals(passId)
        && f.endedAtMs == endedAtMs
        && f.coveredFraction == coveredFraction
        && f.countedAtMs == countedAtMs;
  }

  @Override
  public int hashCode() {
    return passId.hashCode();
  }

  @Override
  public String toString() {
    return "SegmentPassFact["
        + segmentId
        + " "
        + vehicleId
        + " "
        + equipment
        + " "
        + java.time.Instant.ofEpochMilli(startedAtMs)
        + ".."
        + java.time.Instant.ofEpochMilli(endedAtMs)
        + " "
        + Math.round(coveredFraction * 100)
        + "%]";
  }
}

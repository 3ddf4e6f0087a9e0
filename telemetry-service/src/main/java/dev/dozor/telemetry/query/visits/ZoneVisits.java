package dev.dozor.telemetry.query.visits;

import java.time.Instant;
import java.util.List;

/**
 * The answer of {@code GET /api/v1/zone-visits}.
 *
 * @param maxGapS a gap between fixes longer than this ended a visit
 */
public record ZoneVisits(
    String zoneId, Instant from, Instant to, long maxGapS, List<VehicleVisits> vehicles) {

  /**
   * @param points fixes inside the zone
   * @param firstFix first fix inside
   * @param lastFix last fix inside
   */
  public record VehicleVisits(
      String vehicleId,
      String plate,
      int points,
      Instant firstFix,
      Instant lastFix,
      List<Visit> visits) {}

  /**
   * @param enteredAt first inside fix of the visit
   * @param leftAt last inside fix of the visit
   */
  public record Visit(Instant enteredAt, Instant leftAt, int points) {}
}

package dev.dozor.telemetry.query.snapshot;

import dev.dozor.events.Equipment;
import java.time.Instant;
import java.util.List;

/**
 * The answer of {@code GET /api/v1/fleet/snapshot}: a GeoJSON FeatureCollection of one Point per
 * vehicle with a fix, plus a {@code summary} member.
 */
public record FleetSnapshot(String type, Summary summary, List<Feature> features) {
  public FleetSnapshot(Summary summary, List<Feature> features) {
    this("FeatureCollection", summary, List.copyOf(features));
  }

  /**
   * @param at the snapshot time
   * @param maxAge oldest fix shown, as an ISO-8601 duration before {@code at}
   * @param vehicles registered vehicles
   * @param withPosition vehicles shown (a fix within maxAge)
   * @param source {@code positions} (a past time) or {@code vehicle_state} (now)
   */
  public record Summary(
      Instant at, String maxAge, long vehicles, int withPosition, String source) {}

  public record Feature(String type, Point geometry, Properties properties) {
    public Feature(Point geometry, Properties properties) {
      this("Feature", geometry, properties);
    }
  }

  public record Point(String type, double[] coordinates) {
    public Point(double lon, double lat) {
      this("Point", new double[] {lon, lat});
    }
  }

  /**
   * @param ageS seconds between the fix and the snapshot time
   */
  public record Properties(
      String vehicleId,
      String plate,
      String type,
      Instant fixTime,
      double ageS,
      Double speedKmh,
      Double headingDeg,
      Equipment equipment) {}
}

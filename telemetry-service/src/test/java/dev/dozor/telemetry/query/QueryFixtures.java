package dev.dozor.telemetry.query;

import static io.restassured.RestAssured.given;

import dev.dozor.telemetry.TestDb;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

/** Fixtures for the query tests: vehicles through the REST API, positions and zones by SQL. */
public final class QueryFixtures {
  /** 100 m along a meridian, in degrees of latitude (haversine on the mean radius). */
  public static final double D100 = Math.toDegrees(100 / Haversine.EARTH_RADIUS_M);

  private QueryFixtures() {}

  /** A new vehicle registered through the API, with a unique id starting with {@code prefix}. */
  public static String vehicle(String prefix, String plate) {
    String id = prefix + "-" + UUID.randomUUID();
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("plate", plate, "type", "plough"))
        .put("/api/v1/vehicles/{id}", id)
        .then()
        .statusCode(201);
    return id;
  }

  /**
   * Stores one fix directly (after making sure the day's partition exists).
   *
   * @param equipment jsonb text or null
   * @param odometerKm null when not reported
   */
  public static void fix(
      Pool pool,
      String vehicle,
      Instant at,
      double lat,
      double lon,
      String equipment,
      Double odometerKm) {
    TestDb.query(
        pool,
        "SELECT telemetry.ensure_position_partition($1)",
        LocalDate.ofInstant(at, ZoneOffset.UTC));
    TestDb.query(
        pool,
        "INSERT INTO telemetry.positions"
            + " (vehicle_id, fix_time, geom, speed_kmh, heading_deg, odometer_km, equipment)"
            + " VALUES ($1, $2, ST_SetSRID(ST_MakePoint($3, $4), 4326), 10, 0, $5, $6::text::jsonb)",
        vehicle,
        at.atOffset(ZoneOffset.UTC),
        lon,
        lat,
        odometerKm,
        equipment);
  }

  /** A work zone with a unique id: the rectangle between the corners, in degrees. */
  public static String zone(Pool pool, double lat1, double lon1, double lat2, double lon2) {
    String id = "zone-" + UUID.randomUUID();
    String wkt =
        String.format(
            java.util.Locale.ROOT,
            "POLYGON((%s %s, %s %s, %s %s, %s %s, %s %s))",
            lon1,
            lat1,
            lon2,
            lat1,
            lon2,
            lat2,
            lon1,
            lat2,
            lon1,
            lat1);
    TestDb.query(
        pool,
        "INSERT INTO telemetry.zones (id, name, kind, geom)"
            + " VALUES ($1, 'test zone', 'work-zone', ST_Multi(ST_GeomFromText($2, 4326)))",
        id,
        wkt);
    return id;
  }
}

package dev.dozor.telemetry.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dozor.telemetry.TestDb;
import dev.dozor.telemetry.query.QueryFixtures;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * A day at 1 Hz (86,400 fixes) through the real endpoint. The ≤ 300 ms goal is measured by the
 * benchmark, not asserted here; the times seen are logged.
 */
@QuarkusTest
class TrackDayTest {
  private static final Logger LOG = Logger.getLogger(TrackDayTest.class);

  /**
   * A winding drive around Moscow (≈ 3 m/s), the plough down in even hours (24 runs), parked for
   * 400 s every 2 h from second 1000 of the period (12 stops of ≥ 5 min).
   */
  private static final String DAY =
      """
      INSERT INTO telemetry.positions (vehicle_id, fix_time, geom, speed_kmh, heading_deg, equipment)
      SELECT $1, $2::timestamptz + make_interval(secs => i),
             ST_SetSRID(ST_MakePoint(37.5 + 0.08 * cos(j / 5000.0) + 0.0005 * cos(j / 53.0),
                                     55.7 + 0.05 * sin(j / 5000.0) + 0.0005 * sin(j / 37.0)), 4326),
             10, 0,
             jsonb_build_object('plough', (i / 3600) % 2 = 0, 'ignition', true)
      FROM generate_series(0, 86399) AS i,
           LATERAL (SELECT CASE WHEN i % 7200 BETWEEN 1000 AND 1400
                                THEN i - i % 7200 + 1000 ELSE i END AS j) AS parked
      """;

  @Inject Pool pool;

  @TestHTTPResource("/")
  URL base;

  @Test
  void aDayAt1HzGives24RunsAnd12StopsSimplifiedByDefault() throws Exception {
    String vehicle = QueryFixtures.vehicle("day", "D1");
    LocalDate day = LocalDate.parse("2025-01-20");
    TestDb.query(pool, "SELECT telemetry.ensure_position_partition($1)", day);
    TestDb.query(pool, DAY, vehicle, day.atStartOfDay().atOffset(ZoneOffset.UTC));
    TestDb.query(pool, "ANALYZE telemetry.positions_20250120");

    URI uri =
        URI.create(
            base
                + "api/v1/vehicles/"
                + vehicle
                + "/track?from=2025-01-20T00:00:00Z&to=2025-01-21T00:00:00Z");
    String body = timed(uri, "default tolerance (5 m)");
    JsonNode summary = new ObjectMapper().readTree(body).get("summary");
    assertEquals(86_400, summary.get("points").asInt());
    assertEquals(24, summary.get("runs").asInt());
    assertEquals(12, summary.get("stops").asInt());
    assertEquals(5, summary.get("toleranceM").asInt());
    int kept = summary.get("keptPoints").asInt();
    assertTrue(kept > 24 && kept < 86_400 / 2, "kept " + kept);

    // tolerance 0: every fix is written (about 2 MB)
    JsonNode all =
        new ObjectMapper().readTree(timed(URI.create(uri + "&tolerance=0"), "tolerance 0"));
    assertEquals(86_400, all.at("/summary/keptPoints").asInt());
  }

  /** GETs the URI ten times, logs the times, and returns the last body. */
  private static String timed(URI uri, String what) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest request = HttpRequest.newBuilder(uri).GET().build();
    long[] ms = new long[10];
    String body = null;
    for (int i = 0; i < ms.length; i++) {
      long t0 = System.nanoTime();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      ms[i] = (System.nanoTime() - t0) / 1_000_000;
      assertEquals(200, response.statusCode());
      body = response.body();
    }
    LOG.infof(
        "day track, 86400 fixes, %s, %d bytes: %s ms per request (the first ones warm up)",
        what, body.length(), Arrays.toString(ms));
    return body;
  }
}

package dev.dozor.telemetry.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dozor.telemetry.common.ApiException;
import dev.dozor.telemetry.query.EquipmentBits;
import dev.dozor.telemetry.query.Haversine;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TrackGeoJsonTest {
  private static final Duration WEEK = Duration.ofDays(7);
  private static final TrackInterval DAY =
      new TrackInterval(
          Instant.parse("2026-01-10T00:00:00Z"), Instant.parse("2026-01-11T00:00:00Z"));
  private static final long T0 = Instant.parse("2026-01-10T06:00:00Z").toEpochMilli();

  /** 100 m along a meridian, in degrees of latitude. */
  private static final double D100 = Math.toDegrees(100 / Haversine.EARTH_RADIUS_M);

  private static final int PLOUGH_UP = EquipmentBits.of(false);
  private static final int PLOUGH_DOWN = EquipmentBits.of(true, null, null, null, true);

  private static JsonNode write(TrackPoints points, double tolerance, int stopMinutes)
      throws Exception {
    String json =
        TrackGeoJson.write(
            "v\"1", DAY, points, new TrackGeoJson.Options(tolerance, stopMinutes, 30));
    return new ObjectMapper().readTree(json);
  }

  /** Northwards 100 m every 10 s: 3 fixes plough up, 3 fixes plough down, then still 60 s. */
  private static TrackPoints fixture() {
    TrackPoints p = new TrackPoints();
    for (int i = 0; i < 6; i++) {
      p.add(T0 + i * 10_000L, 55.0 + i * D100, 37.0, i < 3 ? PLOUGH_UP : PLOUGH_DOWN);
    }
    p.add(T0 + 80_000, 55.0 + 5 * D100, 37.0, PLOUGH_DOWN);
    p.add(T0 + 110_000, 55.0 + 5 * D100, 37.0, PLOUGH_DOWN);
    return p;
  }

  @Test
  void oneLineStringPerRunOfEqualEquipmentJoinedAtTheNextRunsFirstFix() throws Exception {
    JsonNode fc = write(fixture(), 0, 1);

    assertEquals("FeatureCollection", fc.get("type").asText());
    assertEquals(3, fc.get("features").size()); // 2 runs + 1 stop
    JsonNode up = fc.get("features").get(0);
    assertEquals("LineString", up.at("/geometry/type").asText());
    // 3 own fixes + the first fix of the next run
    assertEquals(4, up.at("/geometry/coordinates").size());
    assertEquals(37.0, up.at("/geometry/coordinates/0/0").asDouble());
    assertEquals(55.0, up.at("/geometry/coordinates/0/1").asDouble());
    assertEquals("run", up.at("/properties/kind").asText());
    assertEquals("2026-01-10T06:00:00Z", up.at("/properties/from").asText());
    assertEquals("2026-01-10T06:00:20Z", up.at("/properties/to").asText());
    assertEquals(false, up.at("/properties/equipment/plough").asBoolean());
    assertTrue(up.at("/properties/equipment/brush").isMissingNode());
    assertEquals(false, up.at("/properties/working").asBoolean());
    assertEquals(3, up.at("/properties/points").asInt());
    assertEquals(4, up.at("/properties/keptPoints").asInt());
    // 0 → 100 → 200 → 300 m: 0.3 km
    assertEquals(0.3, up.at("/properties/distanceKm").asDouble());

    JsonNode down = fc.get("features").get(1);
    assertEquals(true, down.at("/properties/working").asBoolean());
    assertEquals(true, down.at("/properties/equipment/ignition").asBoolean());
    assertEquals(5, down.at("/properties/points").asInt());
    assertEquals("2026-01-10T06:01:50Z", down.at("/properties/to").asText());
    // 300 → 400 → 500 m, then still: 0.2 km
    assertEquals(0.2, down.at("/properties/distanceKm").asDouble());

    JsonNode summary = fc.get("summary");
    assertEquals("v\"1", summary.get("vehicleId").asText());
    assertEquals(8, summary.get("points").asInt());
    assertEquals(8, summary.get("keptPoints").asInt());
    assertEquals(2, summary.get("runs").asInt());
    assertEquals(1, summary.get("stops").asInt());
    assertEquals(0.5, summary.get("distanceKm").asDouble());
  }

  @Test
  void stopIsAPointWithItsPeriod() throws Exception {
    JsonNode stop = write(fixture(), 0, 1).get("features").get(2);

    assertEquals("Point", stop.at("/geometry/type").asText());
    assertEquals(55.0 + 5 * D100, stop.at("/geometry/coordinates/1").asDouble(), 1e-7);
    assertEquals("stop", stop.at("/properties/kind").asText());
    // still at 500 m from 06:00:50 to 06:01:50
    assertEquals("2026-01-10T06:00:50Z", stop.at("/properties/from").asText());
    assertEquals("2026-01-10T06:01:50Z", stop.at("/properties/to").asText());
    assertEquals(60, stop.at("/properties/durationS").asInt());
    // 61 s is longer than the stop
    assertEquals(0, write(fixture(), 0, 2).at("/summary/stops").asInt());
  }

  @Test
  void toleranceDropsCollinearFixesButKeepsEveryRunsEnds() throws Exception {
    JsonNode fc = write(fixture(), 5, 0);

    assertEquals(2, fc.at("/features/0/properties/keptPoints").asInt());
    assertEquals(2, fc.at("/features/1/properties/keptPoints").asInt());
    // fixes 0, 3 (end of run 1 = start of run 2) and 7
    assertEquals(3, fc.at("/summary/keptPoints").asInt());
    // distances stay those of all fixes
    assertEquals(0.5, fc.at("/summary/distanceKm").asDouble());
    assertEquals(2, fc.get("features").size()); // stopMinutes 0: no stops
  }

  @Test
  void aLastRunOfOneFixIsAPoint() throws Exception {
    TrackPoints p = new TrackPoints();
    p.add(T0, 55.0, 37.0, PLOUGH_UP);
    p.add(T0 + 10_000, 55.0 + D100, 37.0, PLOUGH_DOWN);
    JsonNode fc = write(p, 0, 5);

    assertEquals("LineString", fc.at("/features/0/geometry/type").asText());
    assertEquals("Point", fc.at("/features/1/geometry/type").asText());
    assertEquals(1, fc.at("/features/1/properties/keptPoints").asInt());
    assertEquals(0.0, fc.at("/features/1/properties/distanceKm").asDouble());
  }

  @Test
  void noFixesGiveAnEmptyCollection() throws Exception {
    JsonNode fc = write(new TrackPoints(), 0, 5);
    assertEquals(0, fc.get("features").size());
    assertEquals(0, fc.at("/summary/runs").asInt());
  }

  @Test
  void intervalMustBeOrderedParseableAndWithinTheLimit() {
    assertEquals(
        "from",
        assertThrows(
                ApiException.class, () -> TrackInterval.parse(null, "2026-01-11T00:00:00Z", WEEK))
            .toError()
            .field());
    assertEquals(
        "to",
        assertThrows(
                ApiException.class,
                () -> TrackInterval.parse("2026-01-11T00:00:00Z", "yesterday", WEEK))
            .toError()
            .field());
    assertThrows(
        ApiException.class,
        () -> TrackInterval.parse("2026-01-11T00:00:00Z", "2026-01-11T00:00:00Z", WEEK));
    assertThrows(
        ApiException.class,
        () -> TrackInterval.parse("2026-01-01T00:00:00Z", "2026-01-08T00:00:01Z", WEEK));
    assertEquals(
        Instant.parse("2026-01-08T00:00:00Z"),
        TrackInterval.parse("2026-01-01T00:00:00Z", "2026-01-08T00:00:00Z", WEEK).to());
  }
}

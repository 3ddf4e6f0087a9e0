package dev.dozor.telemetry.track;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dozor.events.Equipment;
import dev.dozor.telemetry.common.ApiException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrackGeoJsonTest {
  private static final Duration WEEK = Duration.ofDays(7);
  private static final TrackInterval DAY =
      new TrackInterval(
          Instant.parse("2026-01-10T00:00:00Z"), Instant.parse("2026-01-11T00:00:00Z"));

  @Test
  void buildsOneLineStringInOrderThenOnePointPerFix() {
    var fixes =
        List.of(
            new TrackFix(Instant.parse("2026-01-10T06:00:00Z"), 55.0, 37.0, 10.0, 90.0, null),
            new TrackFix(
                Instant.parse("2026-01-10T06:00:10Z"),
                55.1,
                37.1,
                20.0,
                null,
                Equipment.plough(true)));

    var fc = TrackGeoJson.build("v1", DAY, fixes);

    assertEquals("FeatureCollection", fc.type());
    assertEquals(3, fc.features().size());
    var line = fc.features().get(0);
    assertEquals("LineString", line.geometry().type());
    assertArrayEquals(
        new double[][] {{37.0, 55.0}, {37.1, 55.1}}, (double[][]) line.geometry().coordinates());
    assertEquals(2, line.properties().get("points"));
    assertEquals("v1", line.properties().get("vehicleId"));
    var second = fc.features().get(2);
    assertEquals("Point", second.geometry().type());
    assertEquals(Equipment.plough(true), second.properties().get("equipment"));
  }

  @Test
  void noFixesGiveAnEmptyCollection() {
    assertTrue(TrackGeoJson.build("v1", DAY, List.of()).features().isEmpty());
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

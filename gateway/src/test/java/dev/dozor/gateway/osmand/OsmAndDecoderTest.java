package dev.dozor.gateway.osmand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dozor.protocol.RawFix;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The OsmAnd decoder on requests as Traccar Client and OsmAnd-compatible trackers send them. */
class OsmAndDecoderTest {

  private static OsmAndMessage query(String query) {
    return OsmAndDecoder.fromParams(new QueryStringDecoder("/?" + query).parameters());
  }

  private static OsmAndFormatException refusedQuery(String query) {
    return assertThrows(OsmAndFormatException.class, () -> query(query));
  }

  private static OsmAndMessage json(String body) {
    return OsmAndJsonDecoder.fromJson(body.getBytes(StandardCharsets.UTF_8));
  }

  private static OsmAndFormatException refusedJson(String body) {
    return assertThrows(OsmAndFormatException.class, () -> json(body));
  }

  @Test
  void decodesTraccarClientQueryWithSpeedInKnots() {
    // Traccar Client 7.x (Android), timestamp in milliseconds
    OsmAndMessage m =
        query(
            "id=82879256&lat=-35.5555277&lon=145.5555733&timestamp=1693222306574"
                + "&speed=10.0&bearing=26.21394&altitude=103.5&accuracy=22.975999&batt=88.0");

    assertEquals("82879256", m.terminalId());
    RawFix f = m.fixes().get(0);
    assertEquals(Instant.ofEpochMilli(1693222306574L), f.fixTime());
    assertEquals(-35.5555277, f.lat());
    assertEquals(145.5555733, f.lon());
    assertEquals(18.52, f.speedKmh(), 1e-9);
    assertEquals(26.21394, f.headingDeg());
    assertEquals(103.5, f.altitudeM());
    assertEquals(Map.of("accuracy", 22.975999, "batt", 88.0), f.inputs());
    assertEquals(true, f.valid());
  }

  @Test
  void readsTimestampAsSecondsMillisecondsOrIso() {
    Instant t = Instant.parse("2026-11-28T10:00:00Z");
    assertEquals(t, fixTime("1795860000"));
    assertEquals(t.plusMillis(500), fixTime("1795860000.5"));
    assertEquals(t, fixTime("1795860000000"));
    assertEquals(t, fixTime("2026-11-28T10:00:00Z"));
    assertEquals(t, fixTime("2026-11-28T13:00:00%2B03:00"));
    assertEquals(t, fixTime("2026-11-28T10:00:00"));
    assertEquals(t.plusMillis(250), fixTime("2026-11-28%2010:00:00.250"));
  }

  @Test
  void secondsAndMillisecondsSplitAtTenToTheTwelfth() {
    assertEquals(Instant.ofEpochSecond(1_000_000_000_000L), fixTime("1000000000000"));
    assertEquals(Instant.ofEpochMilli(1_000_000_000_001L), fixTime("1000000000001"));
  }

  @Test
  void hugeOrTinyExponentsAreRefusedNotComputed() {
    // found by OsmAndDecoderFuzzTest: setScale on these ran for minutes per request; the timeout
    // only turns a regression into a failure instead of a hung build
    for (String t : new String[] {"1e99999999", "1e-99999999", "1000000000000001", "0.5"}) {
      OsmAndFormatException e =
          assertTimeoutPreemptively(
              Duration.ofSeconds(30),
              () -> assertThrows(OsmAndFormatException.class, () -> fixTime(t), "timestamp " + t));
      assertTrue(e.getMessage().contains("timestamp"), e.getMessage());
    }
    assertEquals(Instant.EPOCH, fixTime("0"));
  }

  private static Instant fixTime(String timestamp) {
    return query("id=1&lat=55&lon=37&timestamp=" + timestamp).fixes().get(0).fixTime();
  }

  @Test
  void acceptsDeviceidAndLocationPair() {
    OsmAndMessage m = query("deviceid=abc&location=55.1,37.2&timestamp=1795860000");
    assertEquals("abc", m.terminalId());
    assertEquals(55.1, m.fixes().get(0).lat());
    assertEquals(37.2, m.fixes().get(0).lon());
  }

  @Test
  void keepsOtherParametersAsInputsOrText() {
    RawFix f =
        query(
                "id=1&lat=55&lon=37&timestamp=1795860000&din1=1&ain2=12.5&ignition=true"
                    + "&driverUniqueId=A17&hdop=0.9&sat=9&odometer=1234.5&valid=1")
            .fixes()
            .get(0);
    assertEquals(Map.of("din1", 1.0, "ain2", 12.5, "ignition", 1.0, "hdop", 0.9), f.inputs());
    assertEquals(Map.of("driverUniqueId", "A17"), f.text());
    assertEquals(9, f.satellites());
    assertEquals(1234.5, f.odometerKm());
  }

  @Test
  void validFalseMarksTheFixInvalidAndNegativeSpeedIsUnknown() {
    RawFix f =
        query("id=1&lat=55&lon=37&timestamp=1795860000&valid=false&speed=-1&heading=-1")
            .fixes()
            .get(0);
    assertFalse(f.valid());
    assertNull(f.speedKmh());
    assertNull(f.headingDeg());
  }

  @Test
  void refusalsNameTheParameter() {
    assertEquals("id", refusedQuery("lat=55&lon=37&timestamp=1795860000").parameter());
    assertEquals(
        "parameter id (or deviceid) is required",
        refusedQuery("lat=55&lon=37&timestamp=1").getMessage());
    assertEquals("lat", refusedQuery("id=1&lon=37&timestamp=1795860000").parameter());
    assertEquals(
        "parameter lat must be a number, got \"north\"",
        refusedQuery("id=1&lat=north&lon=37&timestamp=1795860000").getMessage());
    assertEquals("lon", refusedQuery("id=1&lat=55&lon=0x1p3&timestamp=1795860000").parameter());
    assertEquals("timestamp", refusedQuery("id=1&lat=55&lon=37").parameter());
    assertEquals("timestamp", refusedQuery("id=1&lat=55&lon=37&timestamp=yesterday").parameter());
    assertEquals("timestamp", refusedQuery("id=1&lat=55&lon=37&timestamp=-5").parameter());
    assertEquals("speed", refusedQuery("id=1&lat=55&lon=37&timestamp=1&speed=fast").parameter());
    assertEquals("batt", refusedQuery("id=1&lat=55&lon=37&timestamp=1&batt=full").parameter());
    assertEquals("valid", refusedQuery("id=1&lat=55&lon=37&timestamp=1&valid=maybe").parameter());
    assertEquals("lat", refusedQuery("id=1&lat=NaN&lon=37&timestamp=1").parameter());
  }

  /** Exactly what Traccar Client 9.5 posts (application/json), with its form-fallback "_" key. */
  private static final String TRACCAR_CLIENT_9 =
      "{\"location\":{\"timestamp\":\"2026-11-28T09:59:46.587Z\",\"coords\":{\"latitude\":55.7558,"
          + "\"longitude\":37.6173,\"accuracy\":4.32,\"speed\":10,\"heading\":158.44,"
          + "\"altitude\":103},\"is_moving\":true,\"odometer\":15250,\"event\":\"motionchange\","
          + "\"battery\":{\"level\":0.88,\"is_charging\":false},\"activity\":{\"type\":\"in_vehicle\"},"
          + "\"extras\":{\"din1\":1,\"note\":\"ok\"},"
          + "\"_\":\"&id=82879256&lat=55.7558&lon=37.6173&timestamp=2026-11-28T09:59:46.587Z&\"},"
          + "\"device_id\":\"82879256\"}";

  @Test
  void decodesTraccarClient9JsonWithSpeedInMetresPerSecond() {
    OsmAndMessage m = json(TRACCAR_CLIENT_9);

    assertEquals("82879256", m.terminalId());
    RawFix f = m.fixes().get(0);
    assertEquals(Instant.parse("2026-11-28T09:59:46.587Z"), f.fixTime());
    assertEquals(55.7558, f.lat());
    assertEquals(37.6173, f.lon());
    assertEquals(36.0, f.speedKmh(), 1e-9);
    assertEquals(158.44, f.headingDeg());
    assertEquals(103.0, f.altitudeM());
    assertEquals(15.25, f.odometerKm());
    assertEquals(
        Map.of("accuracy", 4.32, "is_moving", 1.0, "batt", 88.0, "charge", 0.0, "din1", 1.0),
        f.inputs());
    assertEquals(Map.of("event", "motionchange", "activity", "in_vehicle", "note", "ok"), f.text());
  }

  @Test
  void unknownSpeedAndHeadingOfThePhoneAreDropped() {
    RawFix f =
        json("{\"device_id\":\"1\",\"location\":{\"timestamp\":\"2026-11-28T10:00:00Z\","
                + "\"coords\":{\"latitude\":55,\"longitude\":37,\"speed\":-1,\"heading\":-1,"
                + "\"accuracy\":-1},\"battery\":{\"level\":-1,\"is_charging\":false}}}")
            .fixes()
            .get(0);
    assertNull(f.speedKmh());
    assertNull(f.headingDeg());
    assertEquals(Map.of("charge", 0.0), f.inputs());
  }

  @Test
  void decodesABatchOfLocations() {
    String loc =
        "{\"timestamp\":\"2026-11-28T10:00:0%dZ\",\"coords\":{\"latitude\":55,\"longitude\":37}}";
    OsmAndMessage m =
        json(
            "{\"device_id\":77,\"locations\":["
                + String.format(loc, 1)
                + ","
                + String.format(loc, 2)
                + "]}");
    assertEquals("77", m.terminalId());
    assertEquals(
        List.of(Instant.parse("2026-11-28T10:00:01Z"), Instant.parse("2026-11-28T10:00:02Z")),
        m.fixes().stream().map(RawFix::fixTime).toList());
  }

  @Test
  void jsonRefusalsNameThePath() {
    assertEquals("body", refusedJson("{\"device_id\":").parameter());
    assertEquals("body", refusedJson("[1,2]").parameter());
    assertEquals("device_id", refusedJson("{\"location\":{}}").parameter());
    assertEquals("location", refusedJson("{\"device_id\":\"1\"}").parameter());
    assertEquals("locations", refusedJson("{\"device_id\":\"1\",\"locations\":[]}").parameter());
    assertEquals(
        "location.timestamp",
        refusedJson("{\"device_id\":\"1\",\"location\":{\"coords\":{}}}").parameter());
    assertEquals(
        "location.coords",
        refusedJson("{\"device_id\":\"1\",\"location\":{\"timestamp\":\"2026-11-28T10:00:00Z\"}}")
            .parameter());
    OsmAndFormatException e =
        refusedJson(
            "{\"device_id\":\"1\",\"locations\":[{\"timestamp\":\"2026-11-28T10:00:00Z\","
                + "\"coords\":{\"latitude\":\"55\",\"longitude\":37}}]}");
    assertEquals("locations[0].coords.latitude", e.parameter());
    assertEquals("locations[0].coords.latitude must be a number, got \"\"55\"\"", e.getMessage());
  }
}

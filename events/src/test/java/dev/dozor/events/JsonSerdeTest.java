package dev.dozor.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dozor.events.kafka.TelemetryPointDeserializer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonSerdeTest {

  private static final Instant FIX = Instant.parse("2026-11-28T10:15:30.123456Z");

  @Test
  void telemetryPointRoundTripsWithMillisecondInstants() {
    TelemetryPoint point =
        new TelemetryPoint(
            SchemaVersions.TELEMETRY_POINT,
            "veh-1",
            "dev-1",
            FIX,
            FIX.plusSeconds(1),
            55.85,
            37.64,
            48.5,
            90.0,
            1234.5,
            new Equipment(true, false, null, 12.0, null, true, null),
            Map.of("din3", "1"));

    String json = JsonSerde.toJson(point);
    TelemetryPoint back = JsonSerde.fromJson(json, TelemetryPoint.class);

    assertEquals(point, back);
    assertEquals(Instant.parse("2026-11-28T10:15:30.123Z"), back.fixTime());
    assertTrue(json.contains("\"fixTime\":\"2026-11-28T10:15:30.123Z\""), json);
    assertTrue(json.contains("\"schemaVersion\":1"), json);
    assertTrue(back.equipment().isPloughDown());
  }

  @Test
  void violationEventRoundTrips() {
    Instant start = Instant.parse("2026-11-28T10:00:00Z");
    ViolationEvent event =
        new ViolationEvent(
            SchemaVersions.VIOLATION_EVENT,
            ViolationEvent.episodeId("SPD-001", "veh-1", start),
            "SPD-001",
            1,
            "Ploughing too fast",
            "HIGH",
            "veh-1",
            ViolationStatus.OPENED,
            start,
            null,
            start.plusSeconds(60),
            Map.of("speedLimitKmh", 45.0),
            Map.of("maxSpeedKmh", 52.0),
            List.of(new EvidencePoint(start, 55.85, 37.64, 50.0)));

    assertEquals(event, JsonSerde.fromBytes(JsonSerde.toBytes(event), ViolationEvent.class));
  }

  @Test
  void missingEquipmentAndAttributesBecomeEmptyNotNull() {
    String json =
        "{\"schemaVersion\":1,\"vehicleId\":\"v\",\"fixTime\":\"2026-11-28T10:00:00Z\","
            + "\"lat\":55.0,\"lon\":37.0,\"speedKmh\":10}";
    TelemetryPoint p = JsonSerde.fromJson(json, TelemetryPoint.class);
    assertEquals(Equipment.NONE, p.equipment());
    assertEquals(Map.of(), p.attributes());
  }

  @Test
  void unknownFieldsAreIgnoredForForwardCompatibility() {
    String json =
        "{\"schemaVersion\":1,\"vehicleId\":\"v\",\"fixTime\":\"2026-11-28T10:00:00Z\","
            + "\"lat\":55.0,\"lon\":37.0,\"speedKmh\":10,\"futureField\":42}";
    assertEquals("v", JsonSerde.fromJson(json, TelemetryPoint.class).vehicleId());
  }

  @Test
  void refusesNewerSchemaVersion() {
    String json =
        "{\"schemaVersion\":99,\"vehicleId\":\"v\",\"fixTime\":\"2026-11-28T10:00:00Z\","
            + "\"lat\":55.0,\"lon\":37.0,\"speedKmh\":10}";
    var e =
        assertThrows(
            JsonSerde.MalformedMessageException.class,
            () -> JsonSerde.fromJson(json, TelemetryPoint.class));
    assertTrue(e.getMessage().contains("schemaVersion 99"), e.getMessage());
  }

  @Test
  void refusesGarbageWithTypedException() {
    assertThrows(
        JsonSerde.MalformedMessageException.class,
        () -> new TelemetryPointDeserializer().deserialize("t", "{not json".getBytes()));
    assertThrows(
        JsonSerde.MalformedMessageException.class,
        () ->
            new TelemetryPointDeserializer()
                .deserialize("t", "{\"schemaVersion\":1}".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void tombstoneDeserializesToNull() {
    assertNull(new TelemetryPointDeserializer().deserialize("t", null));
  }

  @Test
  void episodeIdIsDeterministicAndDistinguishesStarts() {
    Instant start = Instant.parse("2026-11-28T10:00:00.000Z");
    assertEquals(
        ViolationEvent.episodeId("SPD-001", "veh-1", start),
        ViolationEvent.episodeId("SPD-001", "veh-1", Instant.parse("2026-11-28T10:00:00.000400Z")));
    assertNotEquals(
        ViolationEvent.episodeId("SPD-001", "veh-1", start),
        ViolationEvent.episodeId("SPD-001", "veh-1", start.plusMillis(1)));
    assertNotEquals(
        ViolationEvent.episodeId("SPD-001", "veh-1", start),
        ViolationEvent.episodeId("SPD-001", "veh-2", start));
  }

  @Test
  void tokenHashIsHexSha256() {
    assertEquals(
        "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824",
        TokenHash.sha256Hex("hello"));
  }

  @Test
  void registryKeysSplitKindAndId() {
    assertEquals("device", RegistryKeys.kind(RegistryKeys.device("d:1")));
    assertEquals("d:1", RegistryKeys.id(RegistryKeys.device("d:1")));
  }
}

package dev.dozor.gateway.point;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.dozor.events.DeviceRecord;
import dev.dozor.events.Equipment;
import dev.dozor.events.SchemaVersions;
import dev.dozor.events.TelemetryPoint;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TelemetryPointMapperTest {
  private static final DeviceRecord DEVICE = DeviceRecord.of("dev-1", "veh-7", "http-json", "ab");
  private static final Instant RECEIVED = Instant.parse("2026-11-28T10:00:05.123456Z");

  @Test
  void copiesEveryFieldAndTakesVehicleFromDeviceBinding() {
    Equipment equipment = new Equipment(true, false, false, 12.0, false, true, false);
    TelemetryPointRequest request =
        new TelemetryPointRequest(
            Instant.parse("2026-11-28T10:00:00.000Z"),
            55.85,
            37.64,
            42.5,
            90.0,
            1234.5,
            equipment,
            Map.of("din3", "1"));

    TelemetryPoint p = TelemetryPointMapper.toPoint(request, DEVICE, RECEIVED);

    assertEquals(SchemaVersions.TELEMETRY_POINT, p.schemaVersion());
    assertEquals("veh-7", p.vehicleId());
    assertEquals("dev-1", p.deviceId());
    assertEquals(Instant.parse("2026-11-28T10:00:00Z"), p.fixTime());
    assertEquals(Instant.parse("2026-11-28T10:00:05.123Z"), p.receivedAt());
    assertEquals(55.85, p.lat());
    assertEquals(37.64, p.lon());
    assertEquals(42.5, p.speedKmh());
    assertEquals(90.0, p.headingDeg());
    assertEquals(1234.5, p.odometerKm());
    assertEquals(equipment, p.equipment());
    assertEquals(Map.of("din3", "1"), p.attributes());
  }

  @Test
  void defaultsSpeedToZeroAndOptionalPartsToEmpty() {
    TelemetryPointRequest request =
        new TelemetryPointRequest(
            Instant.parse("2026-11-28T10:00:00Z"), 1.0, 2.0, null, null, null, null, null);

    TelemetryPoint p = TelemetryPointMapper.toPoint(request, DEVICE, RECEIVED);

    assertEquals(0.0, p.speedKmh());
    assertNull(p.headingDeg());
    assertNull(p.odometerKm());
    assertEquals(Equipment.NONE, p.equipment());
    assertEquals(Map.of(), p.attributes());
  }

  @Test
  void dropsNullAttributeValues() {
    Map<String, String> attributes = new HashMap<>();
    attributes.put("din3", null);
    attributes.put("ain1", "12.7");
    TelemetryPointRequest request =
        new TelemetryPointRequest(
            Instant.parse("2026-11-28T10:00:00Z"), 1.0, 2.0, null, null, null, null, attributes);

    assertEquals(
        Map.of("ain1", "12.7"),
        TelemetryPointMapper.toPoint(request, DEVICE, RECEIVED).attributes());
  }
}

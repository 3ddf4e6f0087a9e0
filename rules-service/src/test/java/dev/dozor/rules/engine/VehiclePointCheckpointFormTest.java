package dev.dozor.rules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dozor.events.Equipment;
import dev.dozor.events.TelemetryPoint;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A kept point survives a checkpoint field for field, in its compact form. */
class VehiclePointCheckpointFormTest {
  private static final TelemetryPoint FULLY_REPORTED =
      new TelemetryPoint(
          dev.dozor.events.SchemaVersions.TELEMETRY_POINT,
          "plough-7",
          "egts-860001",
          Instant.parse("2026-01-15T05:06:44.608Z"),
          Instant.parse("2026-01-15T05:06:45.001Z"),
          55.86,
          37.61,
          42.5,
          271.0,
          12_345.6,
          new Equipment(true, false, null, 14.5, null, true, false),
          Map.of("hdop", "0.9", "sats", "11"));

  private static byte[] bytes(Object o) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(b)) {
      out.writeObject(o);
    }
    return b.toByteArray();
  }

  private static VehiclePoint roundTrip(VehiclePoint p) throws Exception {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes(p)))) {
      return (VehiclePoint) in.readObject();
    }
  }

  @Test
  void everyFieldOfAFullyReportedFixAndWhatTheEngineDerivedComeBack() throws Exception {
    TelemetryPoint fix = FULLY_REPORTED;
    VehiclePoint p = new VehiclePoint(fix, "plough-7", PointContext.EMPTY, 4_000, 47.2, 42.4, true);
    p.markClockAhead();

    VehiclePoint back = roundTrip(p);

    assertEquals(fix, back.getPoint());
    assertEquals(4_000, back.getGapMs());
    assertEquals(47.2, back.getDistanceM());
    assertEquals(42.4, back.getImpliedSpeedKmh());
    assertTrue(back.isGpsJump());
    assertTrue(back.isClockAhead());
    assertEquals("plough-7", back.getVehicleId());
  }

  @Test
  void absentValuesStayAbsentAndTimesBefore1970ComeBackExactly() throws Exception {
    TelemetryPoint fix =
        TelemetryPoint.of(
            "sweeper-1",
            null,
            Instant.parse("1969-12-31T23:59:59.999Z"),
            null,
            -33.9,
            151.2,
            0,
            null,
            Equipment.NONE);

    TelemetryPoint back = roundTrip(new VehiclePoint(fix)).getPoint();

    assertEquals(fix, back);
    assertSame(Equipment.NONE, back.equipment(), "no channel reported: the shared NONE again");
  }

  @Test
  void aKeptPointIsWrittenInLessThanHalfTheBytesOfItsRecord() throws Exception {
    TelemetryPoint fix = FULLY_REPORTED;
    int record = bytes(fix).length;
    int kept = bytes(new VehiclePoint(fix)).length;
    assertTrue(kept * 2 < record, "kept point " + kept + " bytes, its record alone " + record);
  }
}

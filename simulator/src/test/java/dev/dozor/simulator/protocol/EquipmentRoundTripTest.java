package dev.dozor.simulator.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dozor.events.ChannelMapping;
import dev.dozor.events.DeviceProfileRecord;
import dev.dozor.events.Equipment;
import dev.dozor.events.TelemetryPoint;
import dev.dozor.protocol.RawFix;
import dev.dozor.protocol.egts.EgtsDeviceEncoder;
import dev.dozor.protocol.egts.EgtsFix;
import dev.dozor.protocol.egts.EgtsPacketDecoder;
import dev.dozor.protocol.egts.EgtsTeledataDecoder;
import dev.dozor.protocol.wialon.WialonDecodeResult;
import dev.dozor.protocol.wialon.WialonDeviceEncoder;
import dev.dozor.protocol.wialon.WialonFixMapper;
import dev.dozor.protocol.wialon.WialonPacket;
import dev.dozor.protocol.wialon.WialonPacketDecoder;
import dev.dozor.protocol.wialon.WialonVersion;
import dev.dozor.simulator.fleet.Fleet;
import dev.dozor.simulator.fleet.FleetConfig;
import dev.dozor.simulator.fleet.VehicleType;
import dev.dozor.simulator.protocol.egts.EgtsFixEncoder;
import dev.dozor.simulator.protocol.osmand.OsmAndClient;
import dev.dozor.simulator.protocol.osmand.OsmAndFixEncoder;
import dev.dozor.simulator.protocol.wialon.WialonFixEncoder;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Equipment → raw inputs (per protocol, through the real wire codecs) → the device profile's
 * mapping rule → the same Equipment. The rule is written here on purpose, from ChannelMapping's
 * contract, so the test does not trust the gateway's implementation of it.
 */
class EquipmentRoundTripTest {
  private static final Instant START = Instant.parse("2026-01-15T06:00:00Z");
  private static final double RATE_TOLERANCE = 1e-9;

  /** Every kind of equipment the fleet emits in 40 minutes, plus hand-made edge cases. */
  private static List<TelemetryPoint> samples() {
    Fleet fleet =
        Fleet.create(
            FleetConfig.defaults()
                .withVehicles(10)
                .withInterval(Duration.ofSeconds(5))
                .withTypes(List.of(VehicleType.values())),
            START);
    List<TelemetryPoint> all = fleet.step(START.plus(Duration.ofMinutes(40)));
    Set<Equipment> seen = new HashSet<>();
    List<TelemetryPoint> out = new ArrayList<>();
    for (TelemetryPoint p : all) {
      if (seen.add(p.equipment()) || p.equipment().spreadRateGm2() != null) {
        out.add(p);
      }
    }
    TelemetryPoint first = all.get(0);
    for (Equipment e :
        List.of(
            Equipment.NONE,
            new Equipment(true, true, true, 0.0, true, true, true),
            new Equipment(false, false, false, 35.0, false, false, false),
            new Equipment(null, null, true, 15.1, null, false, null))) {
      out.add(withEquipment(first, e));
    }
    return out;
  }

  @Test
  void theSamplesCoverEveryChannelOnAndOff() {
    List<Equipment> eq = samples().stream().map(TelemetryPoint::equipment).toList();
    assertTrue(eq.stream().anyMatch(e -> Boolean.TRUE.equals(e.plough())));
    assertTrue(eq.stream().anyMatch(e -> Boolean.FALSE.equals(e.brush())));
    assertTrue(eq.stream().anyMatch(e -> Boolean.TRUE.equals(e.brush())));
    assertTrue(eq.stream().anyMatch(e -> Boolean.TRUE.equals(e.spreader())));
    assertTrue(eq.stream().filter(e -> e.spreadRateGm2() != null).count() > 20);
    assertTrue(eq.stream().anyMatch(e -> Boolean.TRUE.equals(e.pto())));
    assertTrue(eq.stream().anyMatch(e -> Boolean.FALSE.equals(e.bodyTip())));
  }

  @Test
  void egtsInputsMapBackToTheSameEquipmentWithUnwiredInputsReadingOff() throws Exception {
    for (TelemetryPoint p : samples()) {
      byte[] frame =
          EgtsDeviceEncoder.teledata(7, 100, 810000001L, List.of(EgtsFixEncoder.toRawFix(p)));
      List<EgtsFix> fixes = EgtsTeledataDecoder.fixes(EgtsPacketDecoder.decode(frame));
      assertEquals(1, fixes.size());
      RawFix raw = fixes.get(0).fix();

      assertEquipment(offWhereAbsent(p.equipment()), map(EgtsFixEncoder.PROFILE, raw.inputs()), p);
      assertEquals(p.fixTime(), raw.fixTime());
      assertEquals(p.speedKmh(), raw.speedKmh(), 0.05);
      assertEquals(p.lat(), raw.lat(), 1e-6);
      assertEquals(p.lon(), raw.lon(), 1e-6);
    }
  }

  @Test
  void wialonParamsMapBackToExactlyTheSameEquipment() {
    for (TelemetryPoint p : samples()) {
      String line = WialonDeviceEncoder.data(WialonVersion.V2_0, WialonFixEncoder.toData(p));
      WialonDecodeResult.Decoded decoded =
          assertInstanceOf(
              WialonDecodeResult.Decoded.class,
              WialonPacketDecoder.decode(line, WialonVersion.V2_0),
              line);
      RawFix raw = WialonFixMapper.toFix((WialonPacket.Data) decoded.packet(), Instant.EPOCH);

      assertEquipment(p.equipment(), map(WialonFixEncoder.PROFILE, raw.inputs()), p);
      assertEquals(p.fixTime(), raw.fixTime());
      assertEquals(p.speedKmh(), raw.speedKmh(), 1e-9);
      assertTrue(raw.valid(), line);
    }
  }

  @Test
  void osmandParamsMapBackToExactlyTheSameEquipment() {
    for (TelemetryPoint p : samples()) {
      String query = OsmAndClient.query(OsmAndFixEncoder.params("sim-osm-x", p));
      Map<String, String> params = parseQuery(query);
      Map<String, Double> inputs = new HashMap<>();
      params.forEach(
          (k, v) -> {
            if (k.equals("id")) {
              return;
            }
            if (v.equals("true") || v.equals("false")) {
              inputs.put(k, v.equals("true") ? 1.0 : 0.0);
            } else {
              inputs.put(k, Double.parseDouble(v));
            }
          });

      assertEquipment(p.equipment(), map(OsmAndFixEncoder.PROFILE, inputs), p);
      assertEquals(p.speedKmh(), Double.parseDouble(params.get("speed")) * 1.852, 1e-9);
      assertEquals(
          p.fixTime(),
          Instant.ofEpochMilli(
              new java.math.BigDecimal(params.get("timestamp"))
                  .movePointRight(3)
                  .longValueExact()));
      assertEquals(p.lat(), Double.parseDouble(params.get("lat")));
    }
  }

  @Test
  void theOffenderStillBreaksSpd001OnEveryProtocol() throws Exception {
    TelemetryPoint fast =
        withEquipment(
            TelemetryPoint.of(
                "sim-plough-01",
                "dev-sim-plough-01",
                START,
                null,
                55.85,
                37.64,
                57.3,
                90.0,
                Equipment.NONE),
            new Equipment(true, false, null, null, null, true, null));
    RawFix egts =
        EgtsTeledataDecoder.fixes(
                EgtsPacketDecoder.decode(
                    EgtsDeviceEncoder.teledata(
                        1, 1, 810000001L, List.of(EgtsFixEncoder.toRawFix(fast)))))
            .get(0)
            .fix();
    assertTrue(map(EgtsFixEncoder.PROFILE, egts.inputs()).isPloughDown());
    assertEquals(57.3, egts.speedKmh(), 0.05);
    RawFix wialon =
        WialonFixMapper.toFix(
            (WialonPacket.Data)
                ((WialonDecodeResult.Decoded)
                        WialonPacketDecoder.decode(
                            WialonDeviceEncoder.data(
                                WialonVersion.V2_0, WialonFixEncoder.toData(fast)),
                            WialonVersion.V2_0))
                    .packet(),
            Instant.EPOCH);
    assertTrue(map(WialonFixEncoder.PROFILE, wialon.inputs()).isPloughDown());
    assertEquals(57.3, wialon.speedKmh(), 1e-9);
  }

  /** The profile rule of ChannelMapping, applied to raw inputs; an absent input gives null. */
  static Equipment map(DeviceProfileRecord profile, Map<String, Double> inputs) {
    Map<String, Object> channels = new HashMap<>();
    for (ChannelMapping m : profile.mappings()) {
      Double raw = inputs.get(m.input());
      if (raw == null) {
        continue;
      }
      double value =
          raw * (m.scale() == null ? 1 : m.scale()) + (m.offset() == null ? 0 : m.offset());
      if (m.channel().equals("spreadRateGm2")) {
        channels.put(m.channel(), value);
      } else {
        boolean on = m.threshold() == null ? value != 0 : value >= m.threshold();
        channels.put(m.channel(), on != m.inverted());
      }
    }
    return new Equipment(
        (Boolean) channels.get("plough"),
        (Boolean) channels.get("brush"),
        (Boolean) channels.get("spreader"),
        (Double) channels.get("spreadRateGm2"),
        (Boolean) channels.get("bodyTip"),
        (Boolean) channels.get("ignition"),
        (Boolean) channels.get("pto"));
  }

  /** EGTS always reports its 8 main inputs: an absent on/off channel comes back false. */
  private static Equipment offWhereAbsent(Equipment e) {
    return new Equipment(
        off(e.plough()),
        off(e.brush()),
        off(e.spreader()),
        e.spreadRateGm2(),
        off(e.bodyTip()),
        off(e.ignition()),
        off(e.pto()));
  }

  private static Boolean off(Boolean b) {
    return b == null ? Boolean.FALSE : b;
  }

  private static void assertEquipment(Equipment expected, Equipment actual, TelemetryPoint p) {
    String where = p.vehicleId() + " " + p.fixTime() + " " + expected;
    assertEquals(expected.plough(), actual.plough(), where);
    assertEquals(expected.brush(), actual.brush(), where);
    assertEquals(expected.spreader(), actual.spreader(), where);
    assertEquals(expected.bodyTip(), actual.bodyTip(), where);
    assertEquals(expected.ignition(), actual.ignition(), where);
    assertEquals(expected.pto(), actual.pto(), where);
    if (expected.spreadRateGm2() == null) {
      assertEquals(null, actual.spreadRateGm2(), where);
    } else {
      assertNotNull(actual.spreadRateGm2(), where);
      assertEquals(expected.spreadRateGm2(), actual.spreadRateGm2(), RATE_TOLERANCE, where);
    }
  }

  private static TelemetryPoint withEquipment(TelemetryPoint p, Equipment e) {
    return new TelemetryPoint(
        p.schemaVersion(),
        p.vehicleId(),
        p.deviceId(),
        p.fixTime(),
        p.receivedAt(),
        p.lat(),
        p.lon(),
        p.speedKmh(),
        p.headingDeg(),
        p.odometerKm(),
        e,
        p.attributes());
  }

  private static Map<String, String> parseQuery(String query) {
    Map<String, String> out = new HashMap<>();
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      out.put(
          URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return out;
  }
}

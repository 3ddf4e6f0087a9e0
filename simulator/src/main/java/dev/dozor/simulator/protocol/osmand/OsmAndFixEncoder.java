package dev.dozor.simulator.protocol.osmand;

import dev.dozor.events.ChannelMapping;
import dev.dozor.events.DeviceProfileRecord;
import dev.dozor.events.Equipment;
import dev.dozor.events.TelemetryPoint;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The query parameters a Traccar-Client-like tracker sends for one fix ({@code
 * ?id=..&timestamp=..&lat=..&lon=..&speed=..&bearing=..}), plus one parameter per reported
 * equipment channel ({@code plough=true}, {@code spread_rate=23.5}), and the device profile that
 * maps them. Speed goes in knots, as Traccar Client sends it; the time in Unix seconds with
 * milliseconds.
 */
public final class OsmAndFixEncoder {
  public static final String PROFILE_ID = "sim-osmand";

  static final String PLOUGH = "plough";
  static final String BRUSH = "brush";
  static final String SPREADER = "spreader";
  static final String SPREAD_RATE = "spread_rate";
  static final String BODY_TIP = "body_tip";
  static final String IGNITION = "ignition";
  static final String PTO = "pto";

  /** km/h per knot. */
  static final double KMH_PER_KNOT = 1.852;

  /** The profile the simulator registers for its OsmAnd trackers. */
  public static final DeviceProfileRecord PROFILE =
      DeviceProfileRecord.of(
          PROFILE_ID,
          "Simulator OsmAnd tracker: one query parameter per channel, density in g/m²",
          List.of(
              ChannelMapping.digital("plough", PLOUGH, false),
              ChannelMapping.digital("brush", BRUSH, false),
              ChannelMapping.digital("spreader", SPREADER, false),
              new ChannelMapping("spreadRateGm2", SPREAD_RATE, false, null, null, null),
              ChannelMapping.digital("bodyTip", BODY_TIP, false),
              ChannelMapping.digital("ignition", IGNITION, false),
              ChannelMapping.digital("pto", PTO, false)));

  private OsmAndFixEncoder() {}

  /** The query parameters of {@code p} for the tracker {@code id}, in a stable order. */
  public static Map<String, String> params(String id, TelemetryPoint p) {
    Map<String, String> q = new LinkedHashMap<>();
    q.put("id", id);
    q.put("timestamp", unixSeconds(p.fixTime()));
    q.put("lat", number(p.lat()));
    q.put("lon", number(p.lon()));
    q.put("speed", number(p.speedKmh() / KMH_PER_KNOT));
    if (p.headingDeg() != null) {
      q.put("bearing", number(p.headingDeg()));
    }
    if (p.odometerKm() != null) {
      q.put("odometer", number(p.odometerKm()));
    }
    q.putAll(equipment(p.equipment()));
    return q;
  }

  /** One parameter per reported channel: {@code true}/{@code false}, the density as a number. */
  public static Map<String, String> equipment(Equipment e) {
    Map<String, String> q = new LinkedHashMap<>();
    flag(q, PLOUGH, e.plough());
    flag(q, BRUSH, e.brush());
    flag(q, SPREADER, e.spreader());
    if (e.spreadRateGm2() != null) {
      q.put(SPREAD_RATE, number(e.spreadRateGm2()));
    }
    flag(q, BODY_TIP, e.bodyTip());
    flag(q, IGNITION, e.ignition());
    flag(q, PTO, e.pto());
    return q;
  }

  /** Seconds since the epoch, with milliseconds when they are not zero: {@code 1768456802.5}. */
  static String unixSeconds(Instant t) {
    return BigDecimal.valueOf(t.toEpochMilli())
        .movePointLeft(3)
        .stripTrailingZeros()
        .toPlainString();
  }

  /** The shortest decimal that reads back as the same double, never in exponent form. */
  static String number(double v) {
    return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }

  private static void flag(Map<String, String> q, String name, Boolean on) {
    if (on != null) {
      q.put(name, Boolean.toString(on));
    }
  }
}

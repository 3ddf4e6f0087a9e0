package dev.dozor.simulator.protocol.wialon;

import dev.dozor.events.ChannelMapping;
import dev.dozor.events.DeviceProfileRecord;
import dev.dozor.events.Equipment;
import dev.dozor.events.TelemetryPoint;
import dev.dozor.protocol.wialon.WialonData;
import dev.dozor.protocol.wialon.WialonParam;
import java.util.ArrayList;
import java.util.List;

/**
 * How the simulated Wialon IPS trackers are wired, and the device profile that undoes it. Every
 * channel travels as a named param of the D message, sent only when the vehicle reports it (so
 * absent channels stay absent; the inputs bitmask is not used because it always decodes to 32
 * inputs). Three calibrations are on show:
 *
 * <ul>
 *   <li>{@code brush_idle}: an inverted switch, 1 while the brush is idle;
 *   <li>{@code spread_adc}: a density sensor reading 500 counts at 0 g/m² and 20 counts per g/m²
 *       (profile scale 0.05, offset -25);
 *   <li>{@code pump_bar}: the flusher's pump pressure in bar, on from 1.5 bar (profile threshold).
 * </ul>
 */
public final class WialonFixEncoder {
  public static final String PROFILE_ID = "sim-wialon";

  static final String PLOUGH = "plough";
  static final String BRUSH_IDLE = "brush_idle";
  static final String SPREADER = "spreader";
  static final String SPREAD_ADC = "spread_adc";
  static final String BODY_TIP = "body_tip";
  static final String IGNITION = "ign";
  static final String PUMP_BAR = "pump_bar";

  /** ADC counts of the density sensor at 0 g/m². */
  static final long SPREAD_ADC_ZERO = 500;

  /** ADC counts per g/m². */
  static final double SPREAD_ADC_PER_GM2 = 20;

  /** Pump pressure while flushing and while idle, bar; the profile switches at 1.5 bar. */
  static final double PUMP_ON_BAR = 3.5;

  static final double PUMP_IDLE_BAR = 0.3;
  static final double PUMP_THRESHOLD_BAR = 1.5;

  /** The profile the simulator registers for its Wialon IPS trackers. */
  public static final DeviceProfileRecord PROFILE =
      DeviceProfileRecord.of(
          PROFILE_ID,
          "Simulator Wialon IPS tracker: implements as params, inverted brush switch,"
              + " density ADC (500 + 20 per g/m²), pump pressure on from 1.5 bar",
          List.of(
              ChannelMapping.digital("plough", PLOUGH, false),
              ChannelMapping.digital("brush", BRUSH_IDLE, true),
              ChannelMapping.digital("spreader", SPREADER, false),
              ChannelMapping.linear(
                  "spreadRateGm2",
                  SPREAD_ADC,
                  1 / SPREAD_ADC_PER_GM2,
                  -SPREAD_ADC_ZERO / SPREAD_ADC_PER_GM2),
              ChannelMapping.digital("bodyTip", BODY_TIP, false),
              ChannelMapping.digital("ignition", IGNITION, false),
              new ChannelMapping("pto", PUMP_BAR, false, null, null, PUMP_THRESHOLD_BAR)));

  private static final double FULL_CIRCLE = 360;

  private WialonFixEncoder() {}

  /** The body of the D message for {@code p}; altitude, satellites, HDOP and the masks are NA. */
  public static WialonData toData(TelemetryPoint p) {
    Double course = p.headingDeg() == null ? null : p.headingDeg() % FULL_CIRCLE;
    return WialonData.position(p.fixTime(), p.lat(), p.lon(), p.speedKmh(), course, null, null)
        .withExtended(null, null, null, List.of(), null, params(p.equipment()));
  }

  /** The params of {@code e}, one per reported channel. */
  public static List<WialonParam> params(Equipment e) {
    List<WialonParam> out = new ArrayList<>();
    flag(out, PLOUGH, e.plough());
    if (e.brush() != null) {
      out.add(new WialonParam.IntParam(BRUSH_IDLE, e.brush() ? 0 : 1));
    }
    flag(out, SPREADER, e.spreader());
    if (e.spreadRateGm2() != null) {
      out.add(
          new WialonParam.IntParam(
              SPREAD_ADC, SPREAD_ADC_ZERO + Math.round(e.spreadRateGm2() * SPREAD_ADC_PER_GM2)));
    }
    flag(out, BODY_TIP, e.bodyTip());
    flag(out, IGNITION, e.ignition());
    if (e.pto() != null) {
      out.add(new WialonParam.DoubleParam(PUMP_BAR, e.pto() ? PUMP_ON_BAR : PUMP_IDLE_BAR));
    }
    return out;
  }

  private static void flag(List<WialonParam> out, String name, Boolean on) {
    if (on != null) {
      out.add(new WialonParam.IntParam(name, on ? 1 : 0));
    }
  }
}

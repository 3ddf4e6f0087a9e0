package dev.dozor.simulator.protocol.egts;

import dev.dozor.events.ChannelMapping;
import dev.dozor.events.DeviceProfileRecord;
import dev.dozor.events.Equipment;
import dev.dozor.events.TelemetryPoint;
import dev.dozor.protocol.InputNames;
import dev.dozor.protocol.RawFix;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the simulated EGTS terminals are wired, and the device profile that undoes it: implements on
 * the discrete inputs din1..din6 of POS_DATA, the spreading density on analog input ain1
 * (AD_SENSORS) as a sensor that reports decigrams per m² (profile scale 0.1).
 *
 * <p>EGTS always reports the 8 main inputs, so a channel the vehicle does not have reads off
 * (false) at the gateway rather than unreported (null); the density is sent only while spreading.
 */
public final class EgtsFixEncoder {
  public static final String PROFILE_ID = "sim-egts";

  static final String PLOUGH = InputNames.digitalInput(1);
  static final String BRUSH = InputNames.digitalInput(2);
  static final String SPREADER = InputNames.digitalInput(3);
  static final String BODY_TIP = InputNames.digitalInput(4);
  static final String IGNITION = InputNames.digitalInput(5);
  static final String PTO = InputNames.digitalInput(6);
  static final String SPREAD_RATE = InputNames.analogInput(1);

  /** ADC counts per g/m² of the simulated density sensor. */
  static final double RATE_COUNTS_PER_GM2 = 10;

  /** The profile the simulator registers for its EGTS terminals. */
  public static final DeviceProfileRecord PROFILE =
      DeviceProfileRecord.of(
          PROFILE_ID,
          "Simulator EGTS terminal: implements on din1..din6, spreading density on ain1 (0.1 g/m²)",
          List.of(
              ChannelMapping.digital("plough", PLOUGH, false),
              ChannelMapping.digital("brush", BRUSH, false),
              ChannelMapping.digital("spreader", SPREADER, false),
              ChannelMapping.linear("spreadRateGm2", SPREAD_RATE, 1 / RATE_COUNTS_PER_GM2, 0),
              ChannelMapping.digital("bodyTip", BODY_TIP, false),
              ChannelMapping.digital("ignition", IGNITION, false),
              ChannelMapping.digital("pto", PTO, false)));

  private EgtsFixEncoder() {}

  /** The fix as the terminal reports it: position, speed, course, odometer, raw inputs. */
  public static RawFix toRawFix(TelemetryPoint p) {
    return new RawFix(
        p.fixTime(),
        p.lat(),
        p.lon(),
        true,
        p.speedKmh(),
        p.headingDeg(),
        null,
        null,
        p.odometerKm(),
        inputs(p.equipment()),
        Map.of());
  }

  /**
   * The raw inputs of {@code e}: din1..din6 always (0 when off or absent), ain1 while spreading.
   */
  public static Map<String, Double> inputs(Equipment e) {
    Map<String, Double> in = new LinkedHashMap<>();
    in.put(PLOUGH, bit(e.plough()));
    in.put(BRUSH, bit(e.brush()));
    in.put(SPREADER, bit(e.spreader()));
    in.put(BODY_TIP, bit(e.bodyTip()));
    in.put(IGNITION, bit(e.ignition()));
    in.put(PTO, bit(e.pto()));
    if (e.spreadRateGm2() != null) {
      in.put(SPREAD_RATE, (double) Math.round(e.spreadRateGm2() * RATE_COUNTS_PER_GM2));
    }
    return in;
  }

  private static double bit(Boolean on) {
    return Boolean.TRUE.equals(on) ? 1 : 0;
  }
}

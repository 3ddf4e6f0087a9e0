package dev.dozor.protocol.egts;

import dev.dozor.protocol.RawFix;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Device side: builds the TELEDATA record a terminal would send for a {@link RawFix}, the inverse
 * of {@link EgtsTeledataDecoder} with the same input numbering: din1..8 go to POS_DATA DIN,
 * din9..72 to AD_SENSORS octets, dout1..8 to DOUT, ain1..8 to ANS, other ain to ABS_AN_SENS, other
 * din (up to 4095) to ABS_DIG_SENS, cnt1..8 to COUNTERS, other cnt to ABS_CNTR, lls0..7 to
 * LIQUID_LEVEL_SENSOR, satellites to EXT_POS_DATA. Other names are not sent. Used by the simulator,
 * the benchmark and tests; values that do not fit throw IllegalArgumentException.
 */
public final class EgtsTeledataEncoder {
  private static final Pattern NAME = Pattern.compile("(din|dout|ain|cnt|lls)(\\d{1,4})");
  private static final int MAIN_INPUTS = 8;
  private static final int LAST_OCTET_INPUT = 72;
  private static final int LAST_DSN = 0xFFF;
  private static final int FULL_CIRCLE = 360;

  private EgtsTeledataEncoder() {}

  /** A TELEDATA record (SSOD = 1, OID when not null) carrying {@code fix}. */
  public static EgtsRecord record(int recordNumber, Long objectId, RawFix fix) {
    return EgtsRecord.fromDevice(recordNumber, EgtsServiceType.TELEDATA, objectId, subrecords(fix));
  }

  /** POS_DATA for {@code fix}, then the optional subrecords its values need. */
  public static List<EgtsSubrecord> subrecords(RawFix fix) {
    int din = 0;
    int dout = 0;
    boolean anyDout = false;
    TreeMap<Integer, Integer> octets = new TreeMap<>();
    TreeMap<Integer, Integer> analog = new TreeMap<>();
    TreeMap<Integer, Integer> counters = new TreeMap<>();
    List<EgtsSubrecord> absolute = new ArrayList<>();
    List<EgtsSubrecord> levels = new ArrayList<>();
    for (Map.Entry<String, Double> e : new TreeMap<>(fix.inputs()).entrySet()) {
      Matcher m = NAME.matcher(e.getKey());
      if (!m.matches()) {
        continue;
      }
      int n = Integer.parseInt(m.group(2));
      double v = e.getValue();
      boolean on = v != 0;
      switch (m.group(1)) {
        case "din" -> {
          if (n >= 1 && n <= MAIN_INPUTS) {
            din |= on ? 1 << (n - 1) : 0;
          } else if (n > MAIN_INPUTS && n <= LAST_OCTET_INPUT) {
            int k = (n - 1) / 8;
            octets.merge(k, on ? 1 << ((n - 1) % 8) : 0, (a, b) -> a | b);
          } else if (n > LAST_OCTET_INPUT && n <= LAST_DSN) {
            absolute.add(new EgtsSubrecord.AbsDigitalSensor(n, on ? 1 : 0));
          }
        }
        case "dout" -> {
          if (n >= 1 && n <= 8) {
            anyDout = true;
            dout |= on ? 1 << (n - 1) : 0;
          }
        }
        case "ain" -> {
          if (n >= 1 && n <= 8) {
            analog.put(n, raw24(v, e.getKey()));
          } else if (n <= 0xFF) {
            absolute.add(new EgtsSubrecord.AbsAnalogSensor(n, raw24(v, e.getKey())));
          }
        }
        case "cnt" -> {
          if (n >= 1 && n <= 8) {
            counters.put(n, raw24(v, e.getKey()));
          } else if (n <= 0xFF) {
            absolute.add(new EgtsSubrecord.AbsCounter(n, raw24(v, e.getKey())));
          }
        }
        default -> {
          if (n <= 7) {
            levels.add(new EgtsSubrecord.LiquidLevelSensor(n, false, 0, 0, Math.round(v), null));
          }
        }
      }
    }
    List<EgtsSubrecord> out = new ArrayList<>();
    out.add(posData(fix, din));
    if (fix.satellites() != null) {
      out.add(new EgtsSubrecord.ExtPosData(null, null, null, fix.satellites(), null));
    }
    if (!octets.isEmpty() || !analog.isEmpty() || anyDout) {
      out.add(new EgtsSubrecord.AdSensorsData(octets, dout, analog));
    }
    if (!counters.isEmpty()) {
      out.add(new EgtsSubrecord.CountersData(counters));
    }
    out.addAll(absolute);
    out.addAll(levels);
    return out;
  }

  private static EgtsSubrecord.PosData posData(RawFix fix, int din) {
    Double speed = fix.speedKmh();
    Double heading = fix.headingDeg();
    int direction = heading == null ? 0 : (int) Math.round(heading) % FULL_CIRCLE;
    Double odometer = fix.odometerKm();
    Double altitude = fix.altitudeM();
    return new EgtsSubrecord.PosData(
        fix.fixTime(),
        fix.lat(),
        fix.lon(),
        fix.valid(),
        altitude != null,
        false,
        false,
        speed != null && speed > 0,
        speed == null ? 0 : speed,
        direction,
        odometer == null ? 0 : odometer,
        din,
        0,
        altitude == null ? null : (int) Math.round(altitude),
        null);
  }

  private static int raw24(double v, String name) {
    long r = Math.round(v);
    if (!(v >= 0) || r > 0xFF_FFFF) {
      throw new IllegalArgumentException(name + " = " + v + " does not fit 24 unsigned bits");
    }
    return (int) r;
  }
}

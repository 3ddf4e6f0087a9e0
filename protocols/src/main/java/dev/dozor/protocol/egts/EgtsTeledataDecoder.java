package dev.dozor.protocol.egts;

import dev.dozor.protocol.InputNames;
import dev.dozor.protocol.RawFix;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns TELEDATA records into {@link RawFix}es. Each EGTS_SR_POS_DATA starts a fix; the sensor
 * subrecords that follow it in the same record attach to it (those before the first POS_DATA attach
 * to the first fix). A record without POS_DATA yields no fix. Input numbering:
 *
 * <ul>
 *   <li>POS_DATA DIN bit b (0 = least significant) is {@code din(b+1)}: din1..din8;
 *   <li>AD_SENSORS octet ADIOk (k = 1..8) bit b is {@code din(8k+b+1)}: ADIO1 is din9..din16, ADIO8
 *       is din65..din72 (the additional inputs continue after the 8 main ones);
 *   <li>AD_SENSORS DOUT bit b is {@code dout(b+1)}: dout1..dout8;
 *   <li>AD_SENSORS ANSk is {@code ain(k)}: ain1..ain8; ABS_AN_SENS number ASN is {@code ain(ASN)};
 *   <li>ABS_DIG_SENS number DSN is {@code din(DSN)}, 1 when DSST is not 0;
 *   <li>COUNTERS CNk is {@code cnt(k)}; ABS_CNTR number CN is {@code cnt(CN)};
 *   <li>LIQUID_LEVEL_SENSOR LLSN is {@code lls(LLSN)} (LLSD value); a sensor reporting an error or
 *       raw data has no number but a text entry {@code lls<n>} = "error" or the raw hex.
 * </ul>
 *
 * A later subrecord overwrites an earlier value of the same name. Speed km/h, heading degrees (DIR
 * 360 is read as 0, larger values as unknown), odometer km, altitude m, satellites from
 * EXT_POS_DATA, valid = VLD. PZ-90.02 coordinates (CS = 1) are taken as WGS-84: they differ by less
 * than a metre.
 */
public final class EgtsTeledataDecoder {
  private static final int FULL_CIRCLE = 360;

  private EgtsTeledataDecoder() {}

  /** The fixes of every TELEDATA record of {@code packet}, with their record number and OID. */
  public static List<EgtsFix> fixes(EgtsPacket packet) {
    List<EgtsFix> out = new ArrayList<>();
    for (EgtsRecord r : packet.records()) {
      for (RawFix fix : fixes(r)) {
        out.add(new EgtsFix(r.recordNumber(), r.objectId(), fix));
      }
    }
    return out;
  }

  /** The fixes of one record; empty unless it is a TELEDATA record with POS_DATA. */
  public static List<RawFix> fixes(EgtsRecord record) {
    if (record.recipientService() != EgtsServiceType.TELEDATA) {
      return List.of();
    }
    List<Draft> drafts = new ArrayList<>();
    Draft pending = new Draft(null);
    Draft current = null;
    for (EgtsSubrecord s : record.subrecords()) {
      if (s instanceof EgtsSubrecord.PosData p) {
        current = new Draft(p);
        if (drafts.isEmpty()) {
          current.takeFrom(pending);
        }
        drafts.add(current);
      } else {
        apply(s, current != null ? current : pending);
      }
    }
    List<RawFix> fixes = new ArrayList<>(drafts.size());
    for (Draft d : drafts) {
      fixes.add(d.build());
    }
    return fixes;
  }

  private static void apply(EgtsSubrecord s, Draft d) {
    if (s instanceof EgtsSubrecord.ExtPosData e) {
      if (e.satellites() != null) {
        d.satellites = e.satellites();
      }
    } else if (s instanceof EgtsSubrecord.AdSensorsData a) {
      a.additionalInputOctets().forEach((k, octet) -> bits(d, octet, 8 * k + 1, false));
      bits(d, a.digitalOutputs(), 1, true);
      a.analogInputs().forEach((k, v) -> d.inputs.put(InputNames.analogInput(k), (double) v));
    } else if (s instanceof EgtsSubrecord.CountersData c) {
      c.counters().forEach((k, v) -> d.inputs.put(InputNames.counter(k), (double) v));
    } else if (s instanceof EgtsSubrecord.AbsAnalogSensor a) {
      d.inputs.put(InputNames.analogInput(a.number()), (double) a.value());
    } else if (s instanceof EgtsSubrecord.AbsDigitalSensor dig) {
      d.inputs.put(InputNames.digitalInput(dig.number()), dig.state() != 0 ? 1.0 : 0.0);
    } else if (s instanceof EgtsSubrecord.AbsCounter c) {
      d.inputs.put(InputNames.counter(c.number()), (double) c.value());
    } else if (s instanceof EgtsSubrecord.LiquidLevelSensor l) {
      String name = InputNames.liquidLevel(l.number());
      if (l.error()) {
        d.inputs.remove(name);
        d.text.put(name, "error");
      } else if (l.value() == null) {
        d.inputs.remove(name);
        d.text.put(name, l.rawDataHex());
      } else {
        d.text.remove(name);
        d.inputs.put(name, (double) l.value());
      }
    }
  }

  /** Puts the 8 bits of {@code octet} as inputs (or outputs) numbered from {@code first}. */
  private static void bits(Draft d, int octet, int first, boolean outputs) {
    for (int b = 0; b < 8; b++) {
      int n = first + b;
      String name = outputs ? InputNames.digitalOutput(n) : InputNames.digitalInput(n);
      d.inputs.put(name, (octet >> b & 1) == 1 ? 1.0 : 0.0);
    }
  }

  /** A fix being assembled from its POS_DATA and the sensor subrecords after it. */
  private static final class Draft {
    private final EgtsSubrecord.PosData pos;
    private final Map<String, Double> inputs = new HashMap<>();
    private final Map<String, String> text = new HashMap<>();
    private Integer satellites;

    Draft(EgtsSubrecord.PosData pos) {
      this.pos = pos;
      if (pos != null) {
        bits(this, pos.digitalInputs(), 1, false);
      }
    }

    void takeFrom(Draft earlier) {
      earlier.inputs.forEach(inputs::putIfAbsent);
      earlier.text.forEach(text::putIfAbsent);
      if (satellites == null) {
        satellites = earlier.satellites;
      }
    }

    RawFix build() {
      return new RawFix(
          pos.navigationTime(),
          pos.latitude(),
          pos.longitude(),
          pos.valid(),
          pos.speedKmh(),
          heading(pos.direction()),
          pos.altitudeM() == null ? null : pos.altitudeM().doubleValue(),
          satellites,
          pos.odometerKm(),
          inputs,
          text);
    }
  }

  /** DIR in [0, 360), 360 read as north, anything larger as unknown. */
  private static Double heading(int direction) {
    if (direction < FULL_CIRCLE) {
      return Double.valueOf(direction);
    }
    return direction == FULL_CIRCLE ? Double.valueOf(0) : null;
  }
}

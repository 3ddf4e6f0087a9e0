package dev.dozor.protocol.egts;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;

/**
 * Writes subrecords (SRT, SRL, SRD) in the layouts pinned on {@link EgtsSubrecord}; the inverse of
 * {@link EgtsSubrecordDecoder}. Values that do not fit their field are a caller error
 * (IllegalArgumentException).
 */
final class EgtsSubrecordEncoder {
  private static final long LAT_LON_SCALE = 0xFFFF_FFFFL;

  private EgtsSubrecordEncoder() {}

  static void write(EgtsWriter w, EgtsSubrecord s) {
    w.u8(s.type(), "SRT");
    int lengthAt = w.size();
    w.u16(0, "SRL");
    int start = w.size();
    if (s instanceof EgtsSubrecord.RecordResponse rr) {
      w.u16(rr.confirmedRecordNumber(), "CRN").u8(rr.recordStatus(), "RST");
    } else if (s instanceof EgtsSubrecord.TermIdentity ti) {
      termIdentity(w, ti);
    } else if (s instanceof EgtsSubrecord.ResultCode rc) {
      w.u8(rc.code(), "RCD");
    } else if (s instanceof EgtsSubrecord.PosData p) {
      posData(w, p);
    } else if (s instanceof EgtsSubrecord.ExtPosData e) {
      extPosData(w, e);
    } else if (s instanceof EgtsSubrecord.AdSensorsData a) {
      adSensors(w, a);
    } else if (s instanceof EgtsSubrecord.CountersData c) {
      w.u8(mask(c.counters()), "CFE");
      c.counters().forEach((k, v) -> w.u24(v, "CN" + k));
    } else if (s instanceof EgtsSubrecord.AbsDigitalSensor d) {
      if (d.number() < 0 || d.number() > 0xFFF || d.state() < 0 || d.state() > 0x0F) {
        throw new IllegalArgumentException("DSN must be 0..4095 and DSST 0..15: " + d);
      }
      w.u8((d.number() & 0x0F) << 4 | d.state(), "DSST").u8(d.number() >> 4, "DSN");
    } else if (s instanceof EgtsSubrecord.AbsAnalogSensor a) {
      w.u8(a.number(), "ASN").u24(a.value(), "ASV");
    } else if (s instanceof EgtsSubrecord.AbsCounter c) {
      w.u8(c.number(), "CN").u24(c.value(), "CNV");
    } else if (s instanceof EgtsSubrecord.LiquidLevelSensor l) {
      liquidLevel(w, l);
    } else {
      throw new IllegalArgumentException("cannot encode " + s + ": its data was not kept");
    }
    w.putU16(lengthAt, w.size() - start, "SRL");
  }

  private static void termIdentity(EgtsWriter w, EgtsSubrecord.TermIdentity t) {
    int flags =
        flag(t.homeDispatcherId() != null, 0)
            | flag(t.imei() != null, 1)
            | flag(t.imsi() != null, 2)
            | flag(t.languageCode() != null, 3)
            | flag(t.simpleAuth(), 4)
            | flag(t.networkId() != null, 5)
            | flag(t.bufferSize() != null, 6)
            | flag(t.msisdn() != null, 7);
    w.u32(t.terminalId(), "TID").u8(flags, "TERM_IDENTITY flags");
    if (t.homeDispatcherId() != null) {
      w.u16(t.homeDispatcherId(), "HDID");
    }
    text(w, t.imei(), 15, "IMEI");
    text(w, t.imsi(), 16, "IMSI");
    text(w, t.languageCode(), 3, "LNGC");
    if (t.networkId() != null) {
      w.u24(t.networkId(), "NID");
    }
    if (t.bufferSize() != null) {
      w.u16(t.bufferSize(), "BS");
    }
    text(w, t.msisdn(), 15, "MSISDN");
  }

  private static void posData(EgtsWriter w, EgtsSubrecord.PosData p) {
    if (!(Math.abs(p.latitude()) <= 90) || !(Math.abs(p.longitude()) <= 180)) {
      throw new IllegalArgumentException(
          "position " + p.latitude() + "," + p.longitude() + " is out of range");
    }
    if (p.direction() < 0 || p.direction() > 0x1FF) {
      throw new IllegalArgumentException("DIR " + p.direction() + " is outside 0..511");
    }
    int speed = (int) Math.round(p.speedKmh() * 10);
    if (!(p.speedKmh() >= 0) || speed > 0x3FFF) {
      throw new IllegalArgumentException("speed " + p.speedKmh() + " km/h is outside 0..1638.3");
    }
    Integer alt = p.altitudeM();
    int flg =
        flag(p.valid(), 0)
            | flag(p.fix3d(), 1)
            | flag(p.pz90(), 2)
            | flag(p.blackBox(), 3)
            | flag(p.moving(), 4)
            | flag(p.latitude() < 0, 5)
            | flag(p.longitude() < 0, 6)
            | flag(alt != null, 7);
    int spd = speed | flag(alt != null && alt < 0, 14) | flag(p.direction() > 0xFF, 15);
    w.u32(EgtsTime.toSeconds(p.navigationTime(), "NTM"), "NTM")
        .u32(Math.round(Math.abs(p.latitude()) / 90.0 * LAT_LON_SCALE), "LAT")
        .u32(Math.round(Math.abs(p.longitude()) / 180.0 * LAT_LON_SCALE), "LONG")
        .u8(flg, "FLG")
        .u16(spd, "SPD")
        .u8(p.direction() & 0xFF, "DIR")
        .u24(tenths(p.odometerKm(), "ODM"), "ODM")
        .u8(p.digitalInputs(), "DIN")
        .u8(p.source(), "SRC");
    if (alt != null) {
      w.u24(Math.abs(alt), "ALT");
    }
    if (p.sourceData() != null) {
      w.u16(p.sourceData(), "SRCD");
    }
  }

  private static void extPosData(EgtsWriter w, EgtsSubrecord.ExtPosData e) {
    int flags =
        flag(e.vdop() != null, 0)
            | flag(e.hdop() != null, 1)
            | flag(e.pdop() != null, 2)
            | flag(e.satellites() != null, 3)
            | flag(e.navigationSystems() != null, 4);
    w.u8(flags, "EXT_POS_DATA flags");
    if (e.vdop() != null) {
      w.u16(e.vdop(), "VDOP");
    }
    if (e.hdop() != null) {
      w.u16(e.hdop(), "HDOP");
    }
    if (e.pdop() != null) {
      w.u16(e.pdop(), "PDOP");
    }
    if (e.satellites() != null) {
      w.u8(e.satellites(), "SAT");
    }
    if (e.navigationSystems() != null) {
      w.u16(e.navigationSystems(), "NS");
    }
  }

  private static void adSensors(EgtsWriter w, EgtsSubrecord.AdSensorsData a) {
    w.u8(mask(a.additionalInputOctets()), "DIOE")
        .u8(a.digitalOutputs(), "DOUT")
        .u8(mask(a.analogInputs()), "ASFE");
    a.additionalInputOctets().forEach((k, v) -> w.u8(v, "ADIO" + k));
    a.analogInputs().forEach((k, v) -> w.u24(v, "ANS" + k));
  }

  private static void liquidLevel(EgtsWriter w, EgtsSubrecord.LiquidLevelSensor l) {
    boolean raw = l.rawDataHex() != null;
    if (l.number() < 0 || l.number() > 7 || l.unit() < 0 || l.unit() > 3) {
      throw new IllegalArgumentException("LLSN must be 0..7 and LLSVU 0..3: " + l);
    }
    if (raw == (l.value() != null)) {
      throw new IllegalArgumentException("exactly one of value and rawDataHex must be set: " + l);
    }
    int flags = flag(l.error(), 6) | l.unit() << 4 | flag(raw, 3) | l.number();
    w.u8(flags, "LIQUID_LEVEL_SENSOR flags").u16(l.moduleAddress(), "MADDR");
    if (raw) {
      w.bytes(HexFormat.of().parseHex(l.rawDataHex()));
    } else {
      w.u32(l.value(), "LLSD");
    }
  }

  private static void text(EgtsWriter w, String value, int size, String field) {
    if (value == null) {
      return;
    }
    byte[] ascii = value.getBytes(StandardCharsets.US_ASCII);
    if (ascii.length > size) {
      throw new IllegalArgumentException(field + " '" + value + "' is longer than " + size);
    }
    w.bytes(ascii).bytes(new byte[size - ascii.length]);
  }

  private static int tenths(double value, String field) {
    long t = Math.round(value * 10);
    if (!(value >= 0) || t > 0xFF_FFFF) {
      throw new IllegalArgumentException(field + " " + value + " is outside 0..1677721.5");
    }
    return (int) t;
  }

  private static int mask(Map<Integer, Integer> slots) {
    int m = 0;
    for (int k : slots.keySet()) {
      m |= 1 << (k - 1);
    }
    return m;
  }

  private static int flag(boolean set, int bit) {
    return set ? 1 << bit : 0;
  }
}

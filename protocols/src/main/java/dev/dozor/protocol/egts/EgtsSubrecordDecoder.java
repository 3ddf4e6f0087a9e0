package dev.dozor.protocol.egts;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.TreeMap;

/**
 * Decodes the SRD of one subrecord into an {@link EgtsSubrecord}, by SRT and the record's recipient
 * service (the SRT numbering is per service). Layouts are pinned on each {@link EgtsSubrecord}
 * type. A field cut off by SRL fails with {@link EgtsResultCode#INC_DATAFORM}; bytes after the last
 * known field are ignored (later spec revisions append fields).
 */
final class EgtsSubrecordDecoder {
  private static final int DIGITAL_INPUTS_OCTETS = 8;

  private EgtsSubrecordDecoder() {}

  static EgtsSubrecord decode(int type, int service, int length, EgtsReader srd)
      throws EgtsDecodeException {
    if (type == EgtsSubrecordType.RECORD_RESPONSE) {
      return new EgtsSubrecord.RecordResponse(srd.u16("CRN"), srd.u8("RST"));
    }
    if (service == EgtsServiceType.AUTH) {
      switch (type) {
        case EgtsSubrecordType.TERM_IDENTITY:
          return termIdentity(srd);
        case EgtsSubrecordType.RESULT_CODE:
          return new EgtsSubrecord.ResultCode(srd.u8("RCD"));
        default:
          return new EgtsSubrecord.Unknown(type, length);
      }
    }
    if (service == EgtsServiceType.TELEDATA) {
      switch (type) {
        case EgtsSubrecordType.POS_DATA:
          return posData(srd);
        case EgtsSubrecordType.EXT_POS_DATA:
          return extPosData(srd);
        case EgtsSubrecordType.AD_SENSORS_DATA:
          return adSensors(srd);
        case EgtsSubrecordType.COUNTERS_DATA:
          return counters(srd);
        case EgtsSubrecordType.ABS_DIG_SENS_DATA:
          return absDigital(srd);
        case EgtsSubrecordType.ABS_AN_SENS_DATA:
          return new EgtsSubrecord.AbsAnalogSensor(srd.u8("ASN"), srd.u24("ASV"));
        case EgtsSubrecordType.ABS_CNTR_DATA:
          return new EgtsSubrecord.AbsCounter(srd.u8("CN"), srd.u24("CNV"));
        case EgtsSubrecordType.LIQUID_LEVEL_SENSOR:
          return liquidLevel(srd);
        default:
          return new EgtsSubrecord.Unknown(type, length);
      }
    }
    return new EgtsSubrecord.Unknown(type, length);
  }

  private static EgtsSubrecord termIdentity(EgtsReader r) throws EgtsDecodeException {
    long tid = r.u32("TID");
    int flags = r.u8("TERM_IDENTITY flags");
    Integer hdid = bit(flags, 0) ? r.u16("HDID") : null;
    String imei = bit(flags, 1) ? text(r.bytes(15, "IMEI")) : null;
    String imsi = bit(flags, 2) ? text(r.bytes(16, "IMSI")) : null;
    String lngc = bit(flags, 3) ? text(r.bytes(3, "LNGC")) : null;
    Integer nid = bit(flags, 5) ? r.u24("NID") : null;
    Integer bs = bit(flags, 6) ? r.u16("BS") : null;
    String msisdn = bit(flags, 7) ? text(r.bytes(15, "MSISDN")) : null;
    return new EgtsSubrecord.TermIdentity(
        tid, hdid, imei, imsi, lngc, nid, bs, msisdn, bit(flags, 4));
  }

  private static EgtsSubrecord posData(EgtsReader r) throws EgtsDecodeException {
    long ntm = r.u32("NTM");
    long lat = r.u32("LAT");
    long lon = r.u32("LONG");
    int flg = r.u8("FLG");
    int spd = r.u16("SPD");
    int dir = r.u8("DIR") | (spd & 0x8000) >> 7;
    int odm = r.u24("ODM");
    int din = r.u8("DIN");
    int src = r.u8("SRC");
    Integer alt = null;
    if (bit(flg, 7)) {
      int magnitude = r.u24("ALT");
      alt = (spd & 0x4000) != 0 ? -magnitude : magnitude;
    }
    Integer srcd = r.remaining() >= 2 ? r.u16("SRCD") : null;
    return new EgtsSubrecord.PosData(
        EgtsTime.toInstant(ntm),
        coordinate(lat, 90.0, bit(flg, 5)),
        coordinate(lon, 180.0, bit(flg, 6)),
        bit(flg, 0),
        bit(flg, 1),
        bit(flg, 2),
        bit(flg, 3),
        bit(flg, 4),
        (spd & 0x3FFF) / 10.0,
        dir,
        odm / 10.0,
        din,
        src,
        alt,
        srcd);
  }

  private static EgtsSubrecord extPosData(EgtsReader r) throws EgtsDecodeException {
    int flags = r.u8("EXT_POS_DATA flags");
    Integer vdop = bit(flags, 0) ? r.u16("VDOP") : null;
    Integer hdop = bit(flags, 1) ? r.u16("HDOP") : null;
    Integer pdop = bit(flags, 2) ? r.u16("PDOP") : null;
    Integer sat = bit(flags, 3) ? r.u8("SAT") : null;
    Integer ns = bit(flags, 4) ? r.u16("NS") : null;
    return new EgtsSubrecord.ExtPosData(vdop, hdop, pdop, sat, ns);
  }

  private static EgtsSubrecord adSensors(EgtsReader r) throws EgtsDecodeException {
    int dioe = r.u8("DIOE");
    int dout = r.u8("DOUT");
    int asfe = r.u8("ASFE");
    TreeMap<Integer, Integer> octets = new TreeMap<>();
    for (int k = 1; k <= DIGITAL_INPUTS_OCTETS; k++) {
      if (bit(dioe, k - 1)) {
        octets.put(k, r.u8("ADIO" + k));
      }
    }
    TreeMap<Integer, Integer> analog = new TreeMap<>();
    for (int k = 1; k <= 8; k++) {
      if (bit(asfe, k - 1)) {
        analog.put(k, r.u24("ANS" + k));
      }
    }
    return new EgtsSubrecord.AdSensorsData(octets, dout, analog);
  }

  private static EgtsSubrecord counters(EgtsReader r) throws EgtsDecodeException {
    int cfe = r.u8("CFE");
    TreeMap<Integer, Integer> counters = new TreeMap<>();
    for (int k = 1; k <= 8; k++) {
      if (bit(cfe, k - 1)) {
        counters.put(k, r.u24("CN" + k));
      }
    }
    return new EgtsSubrecord.CountersData(counters);
  }

  private static EgtsSubrecord absDigital(EgtsReader r) throws EgtsDecodeException {
    int low = r.u8("DSST and DSN bits 0-3");
    int high = r.u8("DSN bits 4-11");
    return new EgtsSubrecord.AbsDigitalSensor(high << 4 | low >> 4, low & 0x0F);
  }

  private static EgtsSubrecord liquidLevel(EgtsReader r) throws EgtsDecodeException {
    int flags = r.u8("LIQUID_LEVEL_SENSOR flags");
    int maddr = r.u16("MADDR");
    boolean raw = bit(flags, 3);
    Long value = raw ? null : r.u32("LLSD");
    String rawHex = raw ? HexFormat.of().formatHex(r.bytes(r.remaining(), "LLSD")) : null;
    return new EgtsSubrecord.LiquidLevelSensor(
        flags & 0x07, bit(flags, 6), (flags >> 4) & 0x03, maddr, value, rawHex);
  }

  /** Degrees from the unsigned 32-bit fraction of {@code range}; never NaN, within range. */
  private static double coordinate(long raw, double range, boolean negative) {
    if (raw == 0) {
      return 0.0;
    }
    double degrees = raw * range / 0xFFFF_FFFFL;
    return negative ? -degrees : degrees;
  }

  private static String text(byte[] bytes) {
    int end = bytes.length;
    while (end > 0 && (bytes[end - 1] == 0 || bytes[end - 1] == ' ')) {
      end--;
    }
    return new String(bytes, 0, end, StandardCharsets.US_ASCII);
  }

  private static boolean bit(int flags, int n) {
    return (flags & (1 << n)) != 0;
  }
}

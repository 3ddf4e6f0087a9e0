package dev.dozor.protocol.egts;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One decoded subrecord (SRT, SRL, SRD) of a service record. Field layouts follow GOST 33472-2015
 * and Order 285 of the Ministry of Transport of Russia (31.07.2012), little-endian; each record
 * below pins its layout. Unknown types decode to {@link Unknown}.
 */
public sealed interface EgtsSubrecord {

  /** SRT of this subrecord ({@link EgtsSubrecordType}). */
  int type();

  /**
   * EGTS_SR_RECORD_RESPONSE (SRT 0, any service): CRN USHORT (number of the confirmed record), RST
   * BYTE (its processing result).
   *
   * @param confirmedRecordNumber CRN
   * @param recordStatus RST, an {@link EgtsResultCode}
   */
  record RecordResponse(int confirmedRecordNumber, int recordStatus) implements EgtsSubrecord {
    @Override
    public int type() {
      return EgtsSubrecordType.RECORD_RESPONSE;
    }
  }

  /**
   * EGTS_SR_TERM_IDENTITY (SRT 1, AUTH service): TID UINT; flags BYTE = MNE (bit 7), BSE (6), NIDE
   * (5), SSRA (4), LNGCE (3), IMSIE (2), IMEIE (1), HDIDE (0); then, each only when its flag is set
   * and in this order: HDID USHORT, IMEI STRING 15, IMSI STRING 16, LNGC STRING 3, NID BINARY 3, BS
   * USHORT, MSISDN STRING 15. Strings are ASCII, padded with NUL on the wire; the decoder strips
   * trailing NUL and blanks.
   *
   * @param terminalId TID
   * @param homeDispatcherId HDID, or null
   * @param imei IMEI, or null
   * @param imsi IMSI, or null
   * @param languageCode LNGC (ISO 639-2), or null
   * @param networkId NID, 3 bytes as a 24-bit little-endian number, or null
   * @param bufferSize BS, the terminal's receive buffer in bytes, or null
   * @param msisdn MSISDN, or null
   * @param simpleAuth SSRA: the terminal uses the simple authorisation (no AUTH_PARAMS exchange)
   */
  record TermIdentity(
      long terminalId,
      Integer homeDispatcherId,
      String imei,
      String imsi,
      String languageCode,
      Integer networkId,
      Integer bufferSize,
      String msisdn,
      boolean simpleAuth)
      implements EgtsSubrecord {
    @Override
    public int type() {
      return EgtsSubrecordType.TERM_IDENTITY;
    }
  }

  /**
   * EGTS_SR_RESULT_CODE (SRT 9, AUTH service): RCD BYTE, the result of the authorisation.
   *
   * @param code RCD, an {@link EgtsResultCode}
   */
  record ResultCode(int code) implements EgtsSubrecord {
    @Override
    public int type() {
      return EgtsSubrecordType.RESULT_CODE;
    }
  }

  /**
   * EGTS_SR_POS_DATA (SRT 16, TELEDATA service):
   *
   * <pre>
   * NTM  UINT    seconds since 2010-01-01T00:00:00Z
   * LAT  UINT    |latitude|  / 90  * 0xFFFFFFFF
   * LONG UINT    |longitude| / 180 * 0xFFFFFFFF
   * FLG  BYTE    ALTE(7) LOHS(6, 1 = west) LAHS(5, 1 = south) MV(4) BB(3) CS(2) FIX(1) VLD(0)
   * SPD  USHORT  bits 0-13 speed in 0.1 km/h, bit 14 ALTS (1 = below sea level), bit 15 DIRH
   * DIR  BYTE    course, degrees; bit 8 of it is DIRH
   * ODM  3 bytes odometer, 0.1 km
   * DIN  BYTE    digital inputs 1..8 (bit 0 = input 1)
   * SRC  BYTE    event that caused the report
   * ALT  3 bytes altitude magnitude in metres, only when ALTE; sign is ALTS
   * SRCD SHORT   data of the SRC event, optional (present when the subrecord holds 2 more bytes)
   * </pre>
   *
   * @param navigationTime NTM
   * @param latitude degrees, south negative
   * @param longitude degrees, west negative
   * @param valid VLD
   * @param fix3d FIX (1 = 3D)
   * @param pz90 CS (1 = PZ-90.02 coordinates, 0 = WGS-84)
   * @param blackBox BB (data from memory)
   * @param moving MV
   * @param speedKmh speed, km/h (resolution 0.1)
   * @param direction DIR with DIRH, 0..511 on the wire, degrees
   * @param odometerKm ODM, km (resolution 0.1)
   * @param digitalInputs DIN bits
   * @param source SRC
   * @param altitudeM ALT with ALTS, metres, or null when ALTE = 0
   * @param sourceData SRCD as an unsigned 16-bit value, or null
   */
  record PosData(
      Instant navigationTime,
      double latitude,
      double longitude,
      boolean valid,
      boolean fix3d,
      boolean pz90,
      boolean blackBox,
      boolean moving,
      double speedKmh,
      int direction,
      double odometerKm,
      int digitalInputs,
      int source,
      Integer altitudeM,
      Integer sourceData)
      implements EgtsSubrecord {
    @Override
    public int type() {
      return EgtsSubrecordType.POS_DATA;
    }
  }

  /**
   * EGTS_SR_EXT_POS_DATA (SRT 17, TELEDATA service): flags BYTE = NSFE (bit 4), SFE (3), PFE (2),
   * HFE (1), VFE (0); then, when flagged: VDOP USHORT, HDOP USHORT, PDOP USHORT (dilutions of
   * precision multiplied by 10), SAT BYTE (satellites), NS USHORT (navigation systems bits).
   *
   * @param vdop VDOP x 10, or null
   * @param hdop HDOP x 10, or null
   * @param pdop PDOP x 10, or null
   * @param satellites SAT, or null
   * @param navigationSystems NS, or null
   */
  record ExtPosData(
      Integer vdop, Integer hdop, Integer pdop, Integer satellites, Integer navigationSystems)
      implements EgtsSubrecord {
    @Override
    public int type() {
      return EgtsSubrecordType.EXT_POS_DATA;
    }
  }

  /**
   * EGTS_SR_AD_SENSORS_DATA (SRT 18, TELEDATA service): DIOE BYTE (bit k-1 set = octet ADIOk
   * present), DOUT BYTE (digital outputs, bit 0 = output 1), ASFE BYTE (bit k-1 set = ANSk
   * present); then the present ADIO1..ADIO8 (BYTE each), then the present ANS1..ANS8 (3 bytes
   * each).
   *
   * @param additionalInputOctets ADIOk by k in 1..8
   * @param digitalOutputs DOUT
   * @param analogInputs ANSk (24-bit raw) by k in 1..8
   */
  record AdSensorsData(
      SortedMap<Integer, Integer> additionalInputOctets,
      int digitalOutputs,
      SortedMap<Integer, Integer> analogInputs)
      implements EgtsSubrecord {
    public AdSensorsData {
      additionalInputOctets = eightSlots(additionalInputOctets, "additionalInputOctets");
      analogInputs = eightSlots(analogInputs, "analogInputs");
    }

    @Override
    public int type() {
      return EgtsSubrecordType.AD_SENSORS_DATA;
    }
  }

  /**
   * EGTS_SR_COUNTERS_DATA (SRT 19, TELEDATA service): CFE BYTE (bit k-1 set = CNk present), then
   * the present CN1..CN8 (3 bytes each).
   *
   * @param counters CNk by k in 1..8
   */
  record CountersData(SortedMap<Integer, Integer> counters) implements EgtsSubrecord {
    public CountersData {
      counters = eightSlots(counters, "counters");
    }

    @Override
    public int type() {
      return EgtsSubrecordType.COUNTERS_DATA;
    }
  }

  /**
   * EGTS_SR_ABS_DIG_SENS_DATA (SRT 23, TELEDATA service), 2 bytes: byte 0 = DSST (bits 0-3, state,
   * 0 = inactive) and DSN bits 0-3 (in bits 4-7); byte 1 = DSN bits 4-11. DSN is the 12-bit number
   * of the digital input.
   *
   * @param number DSN, 0..4095
   * @param state DSST, 0..15
   */
  record AbsDigitalSensor(int number, int state) implements EgtsSubrecord {
    @Override
    public int type() {
      return EgtsSubrecordType.ABS_DIG_SENS_DATA;
    }
  }

  /**
   * EGTS_SR_ABS_AN_SENS_DATA (SRT 24, TELEDATA service): ASN BYTE (analog input number), ASV 3
   * bytes (raw value).
   *
   * @param number ASN
   * @param value ASV
   */
  record AbsAnalogSensor(int number, int value) implements EgtsSubrecord {
    @Override
    public int type() {
      return EgtsSubrecordType.ABS_AN_SENS_DATA;
    }
  }

  /**
   * EGTS_SR_ABS_CNTR_DATA (SRT 25, TELEDATA service): CN BYTE (counter number), CNV 3 bytes.
   *
   * @param number CN
   * @param value CNV
   */
  record AbsCounter(int number, int value) implements EgtsSubrecord {
    @Override
    public int type() {
      return EgtsSubrecordType.ABS_CNTR_DATA;
    }
  }

  /**
   * EGTS_SR_LIQUID_LEVEL_SENSOR (SRT 27, TELEDATA service): flags BYTE = LLSEF (bit 6, sensor
   * error), LLSVU (bits 5-4, unit of LLSD), RDF (bit 3, raw data), LLSN (bits 2-0, sensor number);
   * MADDR USHORT (module address); then LLSD UINT (reading) when RDF = 0, or the rest of the
   * subrecord as the sensor's raw answer when RDF = 1.
   *
   * @param number LLSN, 0..7
   * @param error LLSEF
   * @param unit LLSVU, 0..3
   * @param moduleAddress MADDR
   * @param value LLSD, or null when RDF = 1
   * @param rawDataHex the raw answer as lower-case hex when RDF = 1, else null
   */
  record LiquidLevelSensor(
      int number, boolean error, int unit, int moduleAddress, Long value, String rawDataHex)
      implements EgtsSubrecord {
    @Override
    public int type() {
      return EgtsSubrecordType.LIQUID_LEVEL_SENSOR;
    }
  }

  /**
   * A subrecord this codec does not decode, kept so the record can still be acknowledged.
   *
   * @param type SRT
   * @param length SRL
   */
  record Unknown(int type, int length) implements EgtsSubrecord {}

  private static SortedMap<Integer, Integer> eightSlots(Map<Integer, Integer> slots, String name) {
    TreeMap<Integer, Integer> copy = new TreeMap<>(slots == null ? Map.of() : slots);
    if (!copy.isEmpty() && (copy.firstKey() < 1 || copy.lastKey() > 8)) {
      throw new IllegalArgumentException(name + " keys must be in 1..8: " + copy.keySet());
    }
    return Collections.unmodifiableSortedMap(copy);
  }
}

package dev.dozor.protocol.egts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class EgtsPacketDecoderTest {

  /**
   * Three TELEDATA records built field by field from the spec layouts: north-east with OID, TM and
   * EXT_POS_DATA; south-west with DIRH (300 degrees); altitude below sea level (ALTS).
   */
  static final String THREE_RECORDS_FRAME =
      """
      01       # PRV = 1
      00       # SKID = 0
      00       # PRF=00 RTE=0 ENA=00 CMP=0 PR=0
      0B       # HL = 11
      00       # HE = 0
      A400     # FDL = 164
      0700     # PID = 7
      01       # PT = 1 (EGTS_PT_APPDATA)
      92       # HCS = CRC-8 of the 10 bytes above
      3300     # RL = 51
      6500     # RN = 101
      85       # RFL = SSOD|TMFE|OBFE
      39300000 # OID = 12345
      85B6A91F # TM = 2026-11-01T08:00:05Z
      02       # SST = 2 (TELEDATA)
      02       # RST = 2 (TELEDATA)
      10       #   SRT = 16 EGTS_SR_POS_DATA
      1500     #   SRL = 21
      80B6A91F #     NTM = 531216000 s since 2010 = 2026-11-01T08:00:00Z
      24D1949E #     LAT = |55.751244| / 90 * 0xFFFFFFFF
      28738035 #     LONG = |37.618423| / 180 * 0xFFFFFFFF
      13       #     FLG = MV|FIX|VLD
      A901     #     SPD = 425 (42.5 km/h)
      5A       #     DIR = 90
      40E201   #     ODM = 123456 (12345.6 km)
      05       #     DIN = 00000101
      00       #     SRC = 0
      11       #   SRT = 17 EGTS_SR_EXT_POS_DATA
      0400     #   SRL = 4
      0A       #     flags = SFE|HFE
      0C00     #     HDOP = 12 (x10)
      09       #     SAT = 9
      12       #   SRT = 18 EGTS_SR_AD_SENSORS_DATA
      0A00     #   SRL = 10
      01       #     DIOE = 00000001
      02       #     DOUT = 00000010
      03       #     ASFE = 00000011
      81       #     ADIO1 = 10000001
      E02E00   #     ANS1 = 12000
      000100   #     ANS2 = 256
      13       #   SRT = 19 EGTS_SR_COUNTERS_DATA
      0400     #   SRL = 4
      01       #     CFE = 00000001
      E80300   #     CN1 = 1000
      2B00     # RL = 43
      6600     # RN = 102
      80       # RFL = SSOD
      02       # SST = 2
      02       # RST = 2
      10       #   SRT = 16 EGTS_SR_POS_DATA
      1500     #   SRL = 21
      8AB6A91F #     NTM = 531216010 s since 2010 = 2026-11-01T08:00:10Z
      50A96D62 #     LAT = |-34.603722| / 90 * 0xFFFFFFFF
      C6160853 #     LONG = |-58.381592| / 180 * 0xFFFFFFFF
      73       #     FLG = LOHS|LAHS|MV|FIX|VLD
      5882     #     SPD = 600 (60.0 km/h) | DIRH (bit 15)
      2C       #     DIR = 44, low 8 bits of 300 degrees
      44E201   #     ODM = 123460 (12346.0 km)
      00       #     DIN = 00000000
      00       #     SRC = 0
      12       #   SRT = 18 EGTS_SR_AD_SENSORS_DATA
      0600     #   SRL = 6
      00       #     DIOE = 00000000
      00       #     DOUT = 00000000
      04       #     ASFE = 00000100
      FF0F00   #     ANS3 = 4095
      13       #   SRT = 19 EGTS_SR_COUNTERS_DATA
      0700     #   SRL = 7
      82       #     CFE = 10000010
      070000   #     CN2 = 7
      FFFFFF   #     CN8 = 16777215
      2900     # RL = 41
      6700     # RN = 103
      80       # RFL = SSOD
      02       # SST = 2
      02       # RST = 2
      10       #   SRT = 16 EGTS_SR_POS_DATA
      1800     #   SRL = 24
      94B6A91F #     NTM = 531216020 s since 2010 = 2026-11-01T08:00:20Z
      FF8FC459 #     LAT = |31.559| / 90 * 0xFFFFFFFF
      E1657332 #     LONG = |35.4732| / 180 * 0xFFFFFFFF
      93       #     FLG = ALTE|MV|FIX|VLD
      00C0     #     SPD = 0 | ALTS (bit 14) | DIRH (bit 15)
      67       #     DIR = 103, low 8 bits of 359 degrees
      45E201   #     ODM = 123461 (12346.1 km)
      80       #     DIN = 10000000
      00       #     SRC = 0
      AE0100   #     ALT = 430 m (below sea level: ALTS)
      12       #   SRT = 18 EGTS_SR_AD_SENSORS_DATA
      0400     #   SRL = 4
      80       #     DIOE = 10000000
      80       #     DOUT = 10000000
      00       #     ASFE = 00000000
      01       #     ADIO8 = 00000001
      13       #   SRT = 19 EGTS_SR_COUNTERS_DATA
      0400     #   SRL = 4
      01       #     CFE = 00000001
      E90300   #     CN1 = 1001
      5F95     # SFRCS = CRC-16 of SFRD
      """;

  @Test
  void decodesTermIdentityWithImei() throws Exception {
    EgtsPacket p =
        EgtsPacketDecoder.decode(EgtsHex.bytes(EgtsFrameDecoderTest.TERM_IDENTITY_FRAME));
    assertEquals(1, p.packetId());
    assertEquals(EgtsPacketType.APPDATA, p.packetType());
    assertNull(p.responseToPacketId());
    EgtsRecord r = p.records().get(0);
    assertEquals(1, r.recordNumber());
    assertTrue(r.sourceOnDevice());
    assertEquals(EgtsServiceType.AUTH, r.recipientService());
    assertNull(r.objectId());
    assertEquals(
        List.of(
            new EgtsSubrecord.TermIdentity(
                12345, null, "352093081234567", null, null, null, 1024, null, false)),
        r.subrecords());
  }

  @Test
  void decodesThreeTeledataRecordsWithSensors() throws Exception {
    EgtsPacket p = EgtsPacketDecoder.decode(EgtsHex.bytes(THREE_RECORDS_FRAME));
    assertEquals(7, p.packetId());
    assertEquals(3, p.records().size());

    EgtsRecord first = p.records().get(0);
    assertEquals(101, first.recordNumber());
    assertEquals(12345L, first.objectId());
    assertEquals(Instant.parse("2026-11-01T08:00:05Z"), first.time());
    assertEquals(EgtsServiceType.TELEDATA, first.sourceService());
    EgtsSubrecord.PosData pos = (EgtsSubrecord.PosData) first.subrecords().get(0);
    assertEquals(Instant.parse("2026-11-01T08:00:00Z"), pos.navigationTime());
    assertEquals(55.751244, pos.latitude(), 1e-6);
    assertEquals(37.618423, pos.longitude(), 1e-6);
    assertTrue(pos.valid() && pos.fix3d() && pos.moving());
    assertEquals(42.5, pos.speedKmh());
    assertEquals(90, pos.direction());
    assertEquals(12345.6, pos.odometerKm(), 1e-9);
    assertEquals(0b101, pos.digitalInputs());
    assertNull(pos.altitudeM());
    assertNull(pos.sourceData());
    assertEquals(new EgtsSubrecord.ExtPosData(null, 12, null, 9, null), first.subrecords().get(1));
    assertEquals(
        new EgtsSubrecord.AdSensorsData(
            sorted(Map.of(1, 0x81)), 0b10, sorted(Map.of(1, 12000, 2, 256))),
        first.subrecords().get(2));
    assertEquals(
        new EgtsSubrecord.CountersData(sorted(Map.of(1, 1000))), first.subrecords().get(3));

    EgtsRecord second = p.records().get(1);
    assertNull(second.objectId());
    assertNull(second.time());
    assertEquals(
        new EgtsSubrecord.CountersData(sorted(Map.of(2, 7, 8, 0xFFFFFF))),
        second.subrecords().get(2));
  }

  @Test
  void decodesSouthernAndWesternHemispheresAsNegative() throws Exception {
    EgtsPacket p = EgtsPacketDecoder.decode(EgtsHex.bytes(THREE_RECORDS_FRAME));
    EgtsSubrecord.PosData pos = (EgtsSubrecord.PosData) p.records().get(1).subrecords().get(0);
    assertEquals(-34.603722, pos.latitude(), 1e-6);
    assertEquals(-58.381592, pos.longitude(), 1e-6);
  }

  @Test
  void takesTheHighBitOfDirectionFromDirh() throws Exception {
    EgtsPacket p = EgtsPacketDecoder.decode(EgtsHex.bytes(THREE_RECORDS_FRAME));
    EgtsSubrecord.PosData pos = (EgtsSubrecord.PosData) p.records().get(1).subrecords().get(0);
    assertEquals(300, pos.direction());
    assertEquals(60.0, pos.speedKmh(), "DIRH must not leak into the speed");
  }

  @Test
  void readsAltitudeBelowSeaLevelFromAlts() throws Exception {
    EgtsPacket p = EgtsPacketDecoder.decode(EgtsHex.bytes(THREE_RECORDS_FRAME));
    EgtsSubrecord.PosData pos = (EgtsSubrecord.PosData) p.records().get(2).subrecords().get(0);
    assertEquals(-430, pos.altitudeM());
    assertEquals(359, pos.direction());
    assertEquals(0.0, pos.speedKmh(), "ALTS and DIRH must not leak into the speed");
  }

  @Test
  void decodesAResponseWithRecordResponses() throws Exception {
    byte[] f =
        EgtsHex.frame(
            0,
            3,
            EgtsPacketType.RESPONSE,
            """
            0700     # RPID = 7
            00       # PR = EGTS_PC_OK
            0600     # RL = 6
            6500     # RN = 101
            40       # RFL = RSOD
            02 02    # SST, RST = TELEDATA
            00 0300  #   SRT = 0 EGTS_SR_RECORD_RESPONSE, SRL = 3
            6500 00  #     CRN = 101, RST = EGTS_PC_OK
            """);
    EgtsPacket p = EgtsPacketDecoder.decode(f);
    assertEquals(EgtsPacketType.RESPONSE, p.packetType());
    assertEquals(7, p.responseToPacketId());
    assertEquals(EgtsResultCode.OK, p.processingResult());
    assertEquals(List.of(new EgtsSubrecord.RecordResponse(101, 0)), p.recordResponses());
    assertTrue(p.records().get(0).recipientOnDevice());
  }

  @Test
  void decodesResultCodeOfTheAuthService() throws Exception {
    byte[] f = EgtsHex.frame(0, 4, EgtsPacketType.APPDATA, "0400 0100 40 0101 09 0100 97");
    assertEquals(
        OptionalInt.of(EgtsResultCode.AUTH_DENIED), EgtsPacketDecoder.decode(f).authResult());
  }

  @Test
  void decodesTheAbsoluteSensorsAndTheLiquidLevelSensor() throws Exception {
    byte[] f =
        EgtsHex.frame(
            0,
            5,
            EgtsPacketType.APPDATA,
            """
            2500 0100 80 0202   # RL = 37, RN = 1, RFL = SSOD, TELEDATA
            17 0200             #   SRT = 23 EGTS_SR_ABS_DIG_SENS_DATA, SRL = 2
            C1 12               #     DSST = 1, DSN = 0x12C = 300
            18 0400             #   SRT = 24 EGTS_SR_ABS_AN_SENS_DATA, SRL = 4
            0A 102700           #     ASN = 10, ASV = 10000
            19 0400             #   SRT = 25 EGTS_SR_ABS_CNTR_DATA, SRL = 4
            0C 050000           #     CN = 12, CNV = 5
            1B 0700             #   SRT = 27 EGTS_SR_LIQUID_LEVEL_SENSOR, SRL = 7
            12 0100 D2040000    #     LLSVU = 01, LLSN = 2; MADDR = 1; LLSD = 1234
            1B 0500             #   SRT = 27, SRL = 5
            4B 0200 ABCD        #     LLSEF, RDF, LLSN = 3; MADDR = 2; raw ABCD
            """);
    List<EgtsSubrecord> s = EgtsPacketDecoder.decode(f).records().get(0).subrecords();
    assertEquals(
        List.of(
            new EgtsSubrecord.AbsDigitalSensor(300, 1),
            new EgtsSubrecord.AbsAnalogSensor(10, 10000),
            new EgtsSubrecord.AbsCounter(12, 5),
            new EgtsSubrecord.LiquidLevelSensor(2, false, 1, 1, 1234L, null),
            new EgtsSubrecord.LiquidLevelSensor(3, true, 0, 2, null, "abcd")),
        s);
  }

  @Test
  void keepsUnknownSubrecordsAsTypeAndLength() throws Exception {
    byte[] f = EgtsHex.frame(0, 5, EgtsPacketType.APPDATA, "0500 0100 80 0202 2A 0200 BEEF");
    assertEquals(
        List.of(new EgtsSubrecord.Unknown(42, 2)),
        EgtsPacketDecoder.decode(f).records().get(0).subrecords());
  }

  @Test
  void rejectsATruncatedRecordHeader() {
    byte[] f = EgtsHex.frame(0, 9, EgtsPacketType.APPDATA, "1900 0100"); // RL, RN, then nothing
    assertRejected(EgtsResultCode.INVDATALEN, 9, f);
  }

  @Test
  void rejectsARecordLengthBeyondTheFrameData() {
    byte[] f = EgtsHex.frame(0, 9, EgtsPacketType.APPDATA, "0A00 0100 80 0202 09 0100 00");
    assertRejected(EgtsResultCode.INVDATALEN, 9, f);
  }

  @Test
  void rejectsASubrecordLengthBeyondItsRecord() {
    byte[] f = EgtsHex.frame(0, 9, EgtsPacketType.APPDATA, "0400 0100 80 0101 09 0500 00");
    assertRejected(EgtsResultCode.INVDATALEN, 9, f);
  }

  @Test
  void rejectsAPosDataShorterThanItsMandatoryFields() {
    byte[] f =
        EgtsHex.frame(
            0, 9, EgtsPacketType.APPDATA, "0D00 0100 80 0202 10 0A00 00000000000000000000");
    assertRejected(EgtsResultCode.INC_DATAFORM, 9, f);
  }

  @Test
  void rejectsATermIdentityWhoseFlagsPromiseMoreThanItHolds() {
    byte[] f = EgtsHex.frame(0, 9, EgtsPacketType.APPDATA, "0800 0100 80 0101 01 0500 39300000 02");
    assertRejected(EgtsResultCode.INC_DATAFORM, 9, f);
  }

  @Test
  void rejectsAnUnknownPacketType() {
    assertRejected(EgtsResultCode.UNS_TYPE, 9, EgtsHex.frame(0, 9, 5, ""));
  }

  @Test
  void refusesSignedAppdataAsUnsupported() {
    assertRejected(
        EgtsResultCode.UNS_TYPE, 9, EgtsHex.frame(0, 9, EgtsPacketType.SIGNED_APPDATA, "0000"));
  }

  @Test
  void rejectsAResponseTooShortForRpidAndPr() {
    assertRejected(
        EgtsResultCode.INVDATALEN, 9, EgtsHex.frame(0, 9, EgtsPacketType.RESPONSE, "0700"));
  }

  @Test
  void rejectsATruncatedFrameAndTrailingBytes() {
    byte[] f = EgtsHex.bytes(EgtsFrameDecoderTest.TERM_IDENTITY_FRAME);
    EgtsDecodeException cut =
        assertThrows(EgtsDecodeException.class, () -> EgtsPacketDecoder.decode(f, 0, 40));
    assertEquals(EgtsResultCode.INVDATALEN, cut.resultCode());
    byte[] longer = java.util.Arrays.copyOf(f, f.length + 1);
    assertRejected(EgtsResultCode.INVDATALEN, 1, longer);
  }

  @Test
  void reportsTransportErrorsWithTheirCodes() {
    byte[] f = EgtsHex.bytes(EgtsFrameDecoderTest.TERM_IDENTITY_FRAME);
    f[f.length - 2] ^= 1;
    assertRejected(EgtsResultCode.DATACRC_ERROR, 1, f);
    f[10] ^= 1;
    EgtsDecodeException e =
        assertThrows(EgtsDecodeException.class, () -> EgtsPacketDecoder.decode(f));
    assertEquals(EgtsResultCode.HEADERCRC_ERROR, e.resultCode());
    assertEquals(OptionalInt.empty(), e.packetId());
    assertTrue(e.getMessage().startsWith("EGTS_PC_HEADERCRC_ERROR: HCS at offset 10"));
  }

  private static void assertRejected(int code, int pid, byte[] frame) {
    EgtsDecodeException e =
        assertThrows(EgtsDecodeException.class, () -> EgtsPacketDecoder.decode(frame));
    assertEquals(code, e.resultCode(), e.getMessage());
    assertEquals(OptionalInt.of(pid), e.packetId());
  }

  private static TreeMap<Integer, Integer> sorted(Map<Integer, Integer> m) {
    return new TreeMap<>(m);
  }
}

package dev.dozor.protocol.egts;

import static dev.dozor.protocol.egts.EgtsFixAssertions.assertAllSane;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dozor.protocol.RawFix;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class EgtsRoundTripTest {
  private static final Instant T = Instant.parse("2026-11-01T08:00:00Z");

  @Test
  void deviceEncoderWritesTheSpecBuiltTermIdentityFrameByteForByte() {
    byte[] encoded =
        EgtsDeviceEncoder.termIdentity(
            1,
            1,
            new EgtsSubrecord.TermIdentity(
                12345, null, "352093081234567", null, null, null, 1024, null, false));
    assertEquals(
        EgtsHex.hex(EgtsHex.bytes(EgtsFrameDecoderTest.TERM_IDENTITY_FRAME)), EgtsHex.hex(encoded));
  }

  @Test
  void reEncodingDecodedRecordsGivesTheSameFrame() throws Exception {
    byte[] frame = EgtsHex.bytes(EgtsPacketDecoderTest.THREE_RECORDS_FRAME);
    EgtsPacket p = EgtsPacketDecoder.decode(frame);
    assertEquals(EgtsHex.hex(frame), EgtsHex.hex(EgtsPacketEncoder.appData(7, p.records())));
  }

  @Test
  void reEncodingRealTrackerRecordsGivesTheSameServiceData() throws Exception {
    // Traccar EgtsProtocolDecoderTest frames (see EgtsRealFramesTest)
    for (String hex :
        List.of(
            "0100000b002700030e01211800030e8573890100845e980f0202101500f85d980fb37f50aae9653c2b19"
                + "3708317b00000001c51b",
            "0100000b002400a0d601f01900030081030000000101011600030000004238363434393530333436"
                + "343333373600014cdc",
            "0100020B0079000000011F6A001424951CA5CB0F23B5740F020210180023B5740F0A301994DA9C524C91"
                + "28000A000000100082000011040018110300120900000003150100E803001B070001000034090000"
                + "1B0700420000000000001B0700430000000000001B0700440000000000001B070045000000000000"
                + "1B0700460000000000008020")) {
      byte[] frame = EgtsHex.bytes(hex);
      EgtsPacket p = EgtsPacketDecoder.decode(frame);
      byte[] again = EgtsPacketEncoder.appData(p.packetId(), p.records());
      assertEquals(
          EgtsHex.hex(Arrays.copyOfRange(frame, 11, frame.length)),
          EgtsHex.hex(Arrays.copyOfRange(again, 11, again.length)));
    }
  }

  @Test
  void termIdentityWithEveryOptionalFieldRoundTrips() throws Exception {
    EgtsSubrecord.TermIdentity id =
        new EgtsSubrecord.TermIdentity(
            0xFFFF_FFFFL,
            77,
            "352093081234567",
            "250011234567890",
            "rus",
            0x0A0B0C,
            2048,
            "79161234567",
            true);
    EgtsPacket p = EgtsPacketDecoder.decode(EgtsDeviceEncoder.termIdentity(65535, 9, id));
    assertEquals(65535, p.packetId());
    assertEquals(List.of(id), p.records().get(0).subrecords());
    assertEquals(EgtsServiceType.AUTH, p.records().get(0).sourceService());
  }

  @Test
  void everyTeledataSubrecordRoundTrips() throws Exception {
    List<EgtsSubrecord> subrecords =
        List.of(
            new EgtsSubrecord.ExtPosData(11, 12, 13, 14, 0b101),
            new EgtsSubrecord.AdSensorsData(
                new TreeMap<>(Map.of(1, 0xFF, 8, 0x01)), 0xA5, new TreeMap<>(Map.of(4, 0xFFFFFF))),
            new EgtsSubrecord.CountersData(new TreeMap<>(Map.of(3, 42, 8, 7))),
            new EgtsSubrecord.AbsDigitalSensor(4095, 15),
            new EgtsSubrecord.AbsAnalogSensor(255, 0xABCDEF),
            new EgtsSubrecord.AbsCounter(200, 1),
            new EgtsSubrecord.LiquidLevelSensor(7, false, 2, 0xFFFF, 0xFFFF_FFFFL, null),
            new EgtsSubrecord.LiquidLevelSensor(0, true, 3, 1, null, "00ff10"),
            new EgtsSubrecord.RecordResponse(65535, 139));
    EgtsRecord r =
        new EgtsRecord(
            65535,
            true,
            false,
            true,
            3,
            1L,
            2L,
            T,
            EgtsServiceType.TELEDATA,
            EgtsServiceType.TELEDATA,
            subrecords);
    EgtsPacket p = EgtsPacketDecoder.decode(EgtsPacketEncoder.appData(3, List.of(r)));
    assertEquals(List.of(r), p.records());
  }

  @Test
  void posDataRoundTripsWithinTheWireResolution() throws Exception {
    EgtsSubrecord.PosData pos =
        new EgtsSubrecord.PosData(
            T,
            -89.999999,
            179.999999,
            true,
            true,
            true,
            true,
            true,
            1638.3,
            511,
            1677721.5,
            0xFF,
            35,
            -16777215,
            0xFFFF);
    EgtsRecord r = EgtsRecord.fromDevice(1, EgtsServiceType.TELEDATA, null, List.of(pos));
    EgtsSubrecord.PosData back =
        (EgtsSubrecord.PosData)
            EgtsPacketDecoder.decode(EgtsPacketEncoder.appData(1, List.of(r)))
                .records()
                .get(0)
                .subrecords()
                .get(0);
    assertEquals(pos.latitude(), back.latitude(), 90.0 / 0xFFFF_FFFFL);
    assertEquals(pos.longitude(), back.longitude(), 180.0 / 0xFFFF_FFFFL);
    assertEquals(
        pos,
        new EgtsSubrecord.PosData(
            back.navigationTime(),
            pos.latitude(),
            pos.longitude(),
            back.valid(),
            back.fix3d(),
            back.pz90(),
            back.blackBox(),
            back.moving(),
            back.speedKmh(),
            back.direction(),
            back.odometerKm(),
            back.digitalInputs(),
            back.source(),
            back.altitudeM(),
            back.sourceData()));
  }

  @Test
  void fixesRoundTripThroughTheDeviceEncoderAndTheTeledataDecoder() throws Exception {
    List<RawFix> sent =
        List.of(
            fix(T, 55.751244, 37.618423, 42.5, 90.0, 12.0, 9, 12345.6, inputs(true)),
            fix(T.plusSeconds(5), -34.603722, -58.381592, 0.0, 300.0, -430.0, null, 0.0, Map.of()),
            fix(T.plusSeconds(10), 1.0, -1.0, 299.9, 359.0, null, 4, 0.1, inputs(false)));
    byte[] frame = EgtsDeviceEncoder.teledata(40, 65534, 777L, sent);
    EgtsPacket p = EgtsPacketDecoder.decode(frame);
    List<EgtsFix> got = EgtsTeledataDecoder.fixes(p);
    assertEquals(List.of(65534, 65535, 0), got.stream().map(EgtsFix::recordNumber).toList());
    assertAllSane(got.stream().map(EgtsFix::fix).toList(), T.plusSeconds(60));
    for (int i = 0; i < sent.size(); i++) {
      RawFix a = sent.get(i);
      RawFix b = got.get(i).fix();
      assertEquals(777L, got.get(i).objectId());
      assertEquals(a.lat(), b.lat(), 1e-7);
      assertEquals(a.lon(), b.lon(), 1e-7);
      Map<String, Double> expectedInputs =
          new TreeMap<>(
              Map.of(
                  "din1", 0.0, "din2", 0.0, "din3", 0.0, "din4", 0.0, "din5", 0.0, "din6", 0.0,
                  "din7", 0.0, "din8", 0.0));
      expectedInputs.putAll(a.inputs());
      assertEquals(
          new RawFix(
              a.fixTime(),
              b.lat(),
              b.lon(),
              a.valid(),
              a.speedKmh(),
              a.headingDeg(),
              a.altitudeM(),
              a.satellites(),
              a.odometerKm(),
              expectedInputs,
              a.text()),
          b);
    }
  }

  @Test
  void serverResponseAcknowledgesEveryRecordAndTheDeviceReadsIt() throws Exception {
    EgtsPacket received =
        EgtsPacketDecoder.decode(EgtsHex.bytes(EgtsPacketDecoderTest.THREE_RECORDS_FRAME));
    EgtsPacket answer =
        EgtsPacketDecoder.decode(EgtsResponseEncoder.acknowledge(500, received, EgtsResultCode.OK));
    assertEquals(EgtsPacketType.RESPONSE, answer.packetType());
    assertEquals(500, answer.packetId());
    assertEquals(7, answer.responseToPacketId());
    assertEquals(EgtsResultCode.OK, answer.processingResult());
    assertEquals(
        List.of(
            new EgtsSubrecord.RecordResponse(101, 0),
            new EgtsSubrecord.RecordResponse(102, 0),
            new EgtsSubrecord.RecordResponse(103, 0)),
        answer.recordResponses());
    EgtsRecord ackRecord = answer.records().get(0);
    assertEquals(EgtsServiceType.TELEDATA, ackRecord.sourceService());
    assertEquals(true, ackRecord.recipientOnDevice());
  }

  @Test
  void serverRejectionCarriesTheResultCode() throws Exception {
    EgtsPacket answer =
        EgtsPacketDecoder.decode(EgtsResponseEncoder.reject(1, 99, EgtsResultCode.DATACRC_ERROR));
    assertEquals(99, answer.responseToPacketId());
    assertEquals(EgtsResultCode.DATACRC_ERROR, answer.processingResult());
    assertEquals(List.of(), answer.records());
  }

  @Test
  void authResultRoundTrips() throws Exception {
    EgtsPacket answer =
        EgtsPacketDecoder.decode(EgtsResponseEncoder.authResult(2, 5, EgtsResultCode.AUTH_DENIED));
    assertEquals(EgtsPacketType.APPDATA, answer.packetType());
    assertEquals(OptionalInt.of(EgtsResultCode.AUTH_DENIED), answer.authResult());
    assertEquals(EgtsServiceType.AUTH, answer.records().get(0).recipientService());
  }

  @Test
  void encodersRefuseValuesThatDoNotFitTheirFields() {
    RawFix fast = fix(T, 55, 37, 1700.0, 0.0, null, null, 0.0, Map.of());
    assertThrows(
        IllegalArgumentException.class,
        () -> EgtsDeviceEncoder.teledata(1, 1, null, List.of(fast)));
    RawFix old =
        fix(Instant.parse("2009-12-31T23:59:59Z"), 55, 37, 0.0, 0.0, null, null, 0.0, Map.of());
    assertThrows(
        IllegalArgumentException.class, () -> EgtsDeviceEncoder.teledata(1, 1, null, List.of(old)));
    RawFix nowhere = fix(T, 91, 37, 0.0, 0.0, null, null, 0.0, Map.of());
    assertThrows(
        IllegalArgumentException.class,
        () -> EgtsDeviceEncoder.teledata(1, 1, null, List.of(nowhere)));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            EgtsDeviceEncoder.termIdentity(
                1, 1, EgtsDeviceEncoder.identity(1, "3520930812345678")));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            EgtsPacketEncoder.appData(
                1,
                List.of(
                    EgtsRecord.fromDevice(1, 2, null, List.of(new EgtsSubrecord.Unknown(42, 2))))));
  }

  private static Map<String, Double> inputs(boolean many) {
    Map<String, Double> m = new HashMap<>();
    for (int n = 1; n <= 8; n++) {
      m.put("din" + n, n % 2 == 0 ? 1.0 : 0.0);
    }
    if (many) {
      for (int n = 17; n <= 24; n++) {
        m.put("din" + n, n == 24 ? 1.0 : 0.0); // ADIO2
      }
      for (int n = 1; n <= 8; n++) {
        m.put("dout" + n, n == 1 ? 1.0 : 0.0);
      }
      m.put("din300", 1.0);
      m.put("ain1", 4095.0);
      m.put("ain12", 3300.0);
      m.put("cnt2", 12.0);
      m.put("cnt20", 16777215.0);
      m.put("lls0", 1234.0);
      m.put("lls7", 4294967295.0);
    }
    return m;
  }

  private static RawFix fix(
      Instant t,
      double lat,
      double lon,
      Double speed,
      Double heading,
      Double alt,
      Integer sats,
      Double odometer,
      Map<String, Double> inputs) {
    return new RawFix(t, lat, lon, true, speed, heading, alt, sats, odometer, inputs, Map.of());
  }
}

package dev.dozor.protocol.egts;

import static dev.dozor.protocol.egts.EgtsFixAssertions.assertAllSane;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dozor.protocol.InputNames;
import dev.dozor.protocol.RawFix;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Frames captured from real trackers, taken from Traccar's EGTS decoder test (traccar/traccar,
 * src/test/java/org/traccar/protocol/EgtsProtocolDecoderTest.java, Apache-2.0). Expected values are
 * Traccar's where it states them, otherwise read off the spec layouts.
 */
class EgtsRealFramesTest {

  @Test
  void decodesAPositionWithObjectId() throws Exception {
    // Traccar expects position("2018-03-21 05:38:19.000", true, 51.67569, 55.59189).
    EgtsPacket p =
        decode(
            "0100020B0025003A5701C91A003A5701CD6E68490202101700CBB4740F7617FD924364104F116A000000"
                + "0000010300001EC2");
    List<EgtsFix> fixes = EgtsTeledataDecoder.fixes(p);
    assertEquals(1, fixes.size());
    EgtsFix f = fixes.get(0);
    assertEquals(0x49686ECDL, f.objectId());
    assertEquals(0x573A, f.recordNumber());
    RawFix fix = f.fix();
    assertEquals(Instant.parse("2018-03-21T05:38:19Z"), fix.fixTime());
    assertTrue(fix.valid());
    assertEquals(51.67569, fix.lat(), 1e-5);
    assertEquals(55.59189, fix.lon(), 1e-5);
    assertEquals(10.6, fix.speedKmh());
    assertEquals(1.0, fix.inputs().get(InputNames.digitalInput(1)));
    assertAllSane(List.of(fix), fix.fixTime().plusSeconds(60));
  }

  @Test
  void decodesTwoRecordsOfOnePacket() throws Exception {
    EgtsPacket p =
        decode(
            "0100020b004600010001b81800030001f299c0d80202101500c9c52f1100552e9c80e4ca7911f5805b"
                + "00000000031800040001f299c0d80202101500cbc52f1100612e9c00dbca79116c803e00000000"
                + "037c13");
    List<RawFix> fixes = EgtsTeledataDecoder.fixes(p).stream().map(EgtsFix::fix).toList();
    assertEquals(2, fixes.size());
    assertEquals(Instant.parse("2019-02-20T07:24:57Z"), fixes.get(0).fixTime());
    assertEquals(347.0, fixes.get(0).headingDeg(), "DIR 0x5B with DIRH");
    assertEquals(24.5, fixes.get(0).speedKmh());
    assertAllSane(fixes, Instant.parse("2019-02-20T07:25:30Z"));
  }

  @Test
  void decodesABlackBoxRecordWithRecordTime() throws Exception {
    EgtsPacket p =
        decode(
            "0100000b002700030e01211800030e8573890100845e980f0202101500f85d980fb37f50aae9653c2b19"
                + "3708317b00000001c51b");
    EgtsRecord r = p.records().get(0);
    assertEquals(Instant.parse("2018-04-17T06:51:48Z"), r.time());
    EgtsSubrecord.PosData pos = (EgtsSubrecord.PosData) r.subrecords().get(0);
    assertTrue(pos.blackBox());
    RawFix fix = EgtsTeledataDecoder.fixes(r).get(0);
    assertEquals(59.87617, fix.lat(), 1e-5);
    assertEquals(30.40026, fix.lon(), 1e-5);
    assertEquals(12.3, fix.odometerKm(), 1e-9);
    assertAllSane(List.of(fix), r.time());
  }

  @Test
  void decodesExtendedPositionAnalogInputsAndLiquidLevelSensors() throws Exception {
    EgtsPacket p =
        decode(
            "0100020B0079000000011F6A001424951CA5CB0F23B5740F020210180023B5740F0A301994DA9C524C91"
                + "28000A000000100082000011040018110300120900000003150100E803001B070001000034090000"
                + "1B0700420000000000001B0700430000000000001B0700440000000000001B070045000000000000"
                + "1B0700460000000000008020");
    RawFix fix = EgtsTeledataDecoder.fixes(p).get(0).fix();
    assertEquals(130.0, fix.altitudeM());
    assertEquals(17, fix.satellites());
    assertEquals(277.0, fix.inputs().get(InputNames.analogInput(1)));
    assertEquals(1000.0, fix.inputs().get(InputNames.analogInput(2)));
    assertEquals(2356.0, fix.inputs().get(InputNames.liquidLevel(1)));
    assertEquals("error", fix.text().get(InputNames.liquidLevel(2)));
    assertEquals(1.0, fix.inputs().get(InputNames.digitalInput(5)));
    assertAllSane(List.of(fix), fix.fixTime().plus(Duration.ofMinutes(1)));
  }

  @Test
  void decodesTenRecordsFromDifferentObjects() throws Exception {
    EgtsPacket p =
        decode(
            "0100020b005e01030001ed180005000162c72c9a0202101500c4c52f1100477e9f0047c9790100"
                + "00ad000000000318000600017ee0710c0202101500c9c52f11003ee59f8061e97a0100801b00"
                + "000000031800070001b6eeb6c00202101500c7c52f110077669d00b9707a116a015600000000"
                + "031800080001b6eeb6c00202101500cdc52f11007c669d004e717a117a015800000000031800"
                + "0900018b4685f70202101500c8c52f11006ee09f0027ca7c11650079000000000318000a0001"
                + "f299c0d80202101500c9c52f1100552e9c80e4ca7911f5805b000000000318000b0001f299c0"
                + "d80202101500cbc52f1100612e9c00dbca79116c803e000000000318000c00017313470102021"
                + "01500c7c52f1100a3699a80db3c7a010000e5000000000318000d0001c85285f70202101500cb"
                + "c52f1100e8979900f3497b114d0101000000000318000e0001aa4358810202101500cdc52f1100"
                + "2d689a80ab427a0100009300000000032b9f");
    List<EgtsFix> fixes = EgtsTeledataDecoder.fixes(p);
    assertEquals(10, fixes.size());
    assertEquals(5, fixes.get(0).recordNumber());
    assertEquals(0x9A2CC762L, fixes.get(0).objectId());
    assertEquals(14, fixes.get(9).recordNumber());
    assertEquals(0x815843AAL, fixes.get(9).objectId());
    assertEquals(347.0, fixes.get(5).fix().headingDeg());
    assertAllSane(fixes.stream().map(EgtsFix::fix).toList(), Instant.parse("2019-02-20T07:25:30Z"));
  }

  @Test
  void decodesTermIdentityWithImeiAndBufferSize() throws Exception {
    EgtsPacket p =
        decode(
            "0100000b002400a0d601f01900030081030000000101011600030000004238363434393530333436"
                + "343333373600014cdc");
    assertEquals(
        new EgtsSubrecord.TermIdentity(
            3, null, "864495034643376", null, null, null, 256, null, false),
        p.records().get(0).subrecords().get(0));
    assertEquals(3L, p.records().get(0).objectId());
  }

  @Test
  void stripsTheZeroPaddingOfAShortImei() throws Exception {
    EgtsPacket p =
        decode(
            "0100010b002200c06401f21700c1640171360d00010101140071360d0002383635393035000000000000"
                + "00000047fc");
    EgtsSubrecord.TermIdentity id =
        (EgtsSubrecord.TermIdentity) p.records().get(0).subrecords().get(0);
    assertEquals(865905, id.terminalId());
    assertEquals("865905", id.imei());
  }

  @Test
  void keepsAnUnknownAuthSubrecord() throws Exception {
    EgtsPacket p =
        decode(
            "0100020b002300020001871c00020000010105190000ab0800006247396e615734366347467a633364"
                + "76636d513daadf");
    assertEquals(List.of(new EgtsSubrecord.Unknown(5, 25)), p.records().get(0).subrecords());
  }

  @Test
  void decodesPlatformResponses() throws Exception {
    EgtsPacket bare = decode("0100000b0003006c430004010000acfb");
    assertEquals(EgtsPacketType.RESPONSE, bare.packetType());
    assertEquals(1, bare.responseToPacketId());
    assertEquals(EgtsResultCode.OK, bare.processingResult());
    EgtsPacket withRecord = decode("0100000b00100091030072000100060000000002020003009203000009");
    assertEquals(256, withRecord.responseToPacketId());
    assertEquals(
        List.of(new EgtsSubrecord.RecordResponse(914, EgtsResultCode.OK)),
        withRecord.recordResponses());
  }

  private static EgtsPacket decode(String hex) throws EgtsDecodeException {
    byte[] frame = EgtsHex.bytes(hex);
    assertEquals(
        new EgtsFrameStatus.Complete(frame.length, (frame[7] & 0xFF) | (frame[8] & 0xFF) << 8),
        new EgtsFrameDecoder(4096).probe(frame, 0, frame.length));
    return EgtsPacketDecoder.decode(frame);
  }
}

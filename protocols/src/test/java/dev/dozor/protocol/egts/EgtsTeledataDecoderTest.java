package dev.dozor.protocol.egts;

import static dev.dozor.protocol.egts.EgtsFixAssertions.assertAllSane;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dozor.protocol.FixSanity;
import dev.dozor.protocol.RawFix;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EgtsTeledataDecoderTest {
  private static final Instant T = Instant.parse("2026-11-01T08:00:00Z");
  private static final Instant NOW = T.plusSeconds(60);

  @Test
  void turnsEachTeledataRecordIntoAFixWithItsSensors() throws Exception {
    EgtsPacket p =
        EgtsPacketDecoder.decode(EgtsHex.bytes(EgtsPacketDecoderTest.THREE_RECORDS_FRAME));
    List<EgtsFix> fixes = EgtsTeledataDecoder.fixes(p);
    assertEquals(List.of(101, 102, 103), fixes.stream().map(EgtsFix::recordNumber).toList());
    assertEquals(12345L, fixes.get(0).objectId());
    assertNull(fixes.get(1).objectId());
    assertAllSane(fixes.stream().map(EgtsFix::fix).toList(), NOW);

    RawFix first = fixes.get(0).fix();
    assertEquals(T, first.fixTime());
    assertEquals(42.5, first.speedKmh());
    assertEquals(90.0, first.headingDeg());
    assertEquals(12345.6, first.odometerKm(), 1e-9);
    assertEquals(9, first.satellites());
    assertNull(first.altitudeM());
    Map<String, Double> expected = new TreeMap<>();
    for (int n = 1; n <= 16; n++) {
      expected.put("din" + n, 0.0);
    }
    expected.put("din1", 1.0); // DIN bit 0
    expected.put("din3", 1.0); // DIN bit 2
    expected.put("din9", 1.0); // ADIO1 bit 0
    expected.put("din16", 1.0); // ADIO1 bit 7
    for (int n = 1; n <= 8; n++) {
      expected.put("dout" + n, n == 2 ? 1.0 : 0.0);
    }
    expected.put("ain1", 12000.0);
    expected.put("ain2", 256.0);
    expected.put("cnt1", 1000.0);
    assertEquals(expected, new TreeMap<>(first.inputs()));

    RawFix second = fixes.get(1).fix();
    assertEquals(-34.603722, second.lat(), 1e-6);
    assertEquals(-58.381592, second.lon(), 1e-6);
    assertEquals(300.0, second.headingDeg());
    assertEquals(4095.0, second.inputs().get("ain3"));
    assertEquals(7.0, second.inputs().get("cnt2"));
    assertEquals(16777215.0, second.inputs().get("cnt8"));

    RawFix third = fixes.get(2).fix();
    assertEquals(-430.0, third.altitudeM());
    assertEquals(359.0, third.headingDeg());
    assertEquals(1.0, third.inputs().get("din8"));
    assertEquals(1.0, third.inputs().get("din65")); // ADIO8 bit 0
    assertEquals(0.0, third.inputs().get("din72")); // ADIO8 bit 7
    assertEquals(1.0, third.inputs().get("dout8"));
    assertEquals(1001.0, third.inputs().get("cnt1"));
  }

  @Test
  void attachesSensorsToThePositionTheyFollow() {
    EgtsRecord r =
        teledata(
            new EgtsSubrecord.AbsAnalogSensor(20, 5),
            pos(T, 0b1),
            new EgtsSubrecord.AbsDigitalSensor(100, 1),
            pos(T.plusSeconds(1), 0),
            new EgtsSubrecord.AbsDigitalSensor(100, 0),
            new EgtsSubrecord.AbsCounter(9, 77));
    List<RawFix> fixes = EgtsTeledataDecoder.fixes(r);
    assertEquals(2, fixes.size());
    assertEquals(5.0, fixes.get(0).inputs().get("ain20"), "before the first POS_DATA: first fix");
    assertEquals(1.0, fixes.get(0).inputs().get("din100"));
    assertNull(fixes.get(1).inputs().get("ain20"));
    assertEquals(0.0, fixes.get(1).inputs().get("din100"));
    assertEquals(77.0, fixes.get(1).inputs().get("cnt9"));
    assertAllSane(fixes, NOW);
  }

  @Test
  void letsThePositionsDigitalInputsWinOverEarlierAbsoluteSensors() {
    EgtsRecord r = teledata(new EgtsSubrecord.AbsDigitalSensor(1, 0), pos(T, 0b1));
    assertEquals(1.0, EgtsTeledataDecoder.fixes(r).get(0).inputs().get("din1"));
  }

  @Test
  void readsLiquidLevelSensorsAsNumbersOrText() {
    EgtsRecord r =
        teledata(
            pos(T, 0),
            new EgtsSubrecord.LiquidLevelSensor(1, false, 0, 0, 2356L, null),
            new EgtsSubrecord.LiquidLevelSensor(2, true, 0, 0, 0L, null),
            new EgtsSubrecord.LiquidLevelSensor(3, false, 0, 0, null, "abcd"));
    RawFix fix = EgtsTeledataDecoder.fixes(r).get(0);
    assertEquals(2356.0, fix.inputs().get("lls1"));
    assertNull(fix.inputs().get("lls2"));
    assertEquals(Map.of("lls2", "error", "lls3", "abcd"), fix.text());
  }

  @Test
  void yieldsNoFixForARecordWithoutPositionOrOfAnotherService() {
    assertEquals(
        List.of(), EgtsTeledataDecoder.fixes(teledata(new EgtsSubrecord.AbsCounter(1, 1))));
    EgtsRecord auth =
        EgtsRecord.fromDevice(
            1, EgtsServiceType.AUTH, null, List.of(new EgtsSubrecord.ResultCode(0)));
    assertEquals(List.of(), EgtsTeledataDecoder.fixes(auth));
  }

  @Test
  void readsDirection360AsNorthAndLargerAsUnknown() {
    assertEquals(
        0.0, EgtsTeledataDecoder.fixes(teledata(posWithDirection(360))).get(0).headingDeg());
    assertNull(EgtsTeledataDecoder.fixes(teledata(posWithDirection(400))).get(0).headingDeg());
  }

  @Test
  void keepsAnInvalidFixForFixSanityToFlag() {
    EgtsSubrecord.PosData invalid =
        new EgtsSubrecord.PosData(
            T, 0, 0, false, false, false, false, false, 0, 0, 0, 0, 0, null, null);
    RawFix fix = EgtsTeledataDecoder.fixes(teledata(invalid)).get(0);
    assertTrue(FixSanity.DEFAULT.problem(fix, NOW).isPresent());
  }

  @Test
  void numbersInputsConsistentlyAcrossSubrecords() {
    EgtsRecord r =
        teledata(
            pos(T, 0),
            new EgtsSubrecord.AdSensorsData(
                new TreeMap<>(Map.of(2, 0b1000_0000)), 0, new TreeMap<>(Map.of(8, 3))));
    Map<String, Double> on =
        EgtsTeledataDecoder.fixes(r).get(0).inputs().entrySet().stream()
            .filter(e -> e.getValue() != 0)
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    assertEquals(Map.of("din24", 1.0, "ain8", 3.0), on); // ADIO2 bit 7 = 8*2 + 7 + 1
  }

  static EgtsRecord teledata(EgtsSubrecord... subrecords) {
    return EgtsRecord.fromDevice(1, EgtsServiceType.TELEDATA, null, List.of(subrecords));
  }

  static EgtsSubrecord.PosData pos(Instant t, int din) {
    return new EgtsSubrecord.PosData(
        t, 55.0, 37.0, true, true, false, false, true, 30.0, 10, 100.0, din, 0, null, null);
  }

  private static EgtsSubrecord.PosData posWithDirection(int dir) {
    return new EgtsSubrecord.PosData(
        T, 55.0, 37.0, true, true, false, false, true, 30.0, dir, 100.0, 0, 0, null, null);
  }
}

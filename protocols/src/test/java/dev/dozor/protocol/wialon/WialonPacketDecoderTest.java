package dev.dozor.protocol.wialon;

import static dev.dozor.protocol.wialon.WialonAssertions.answerTo;
import static dev.dozor.protocol.wialon.WialonAssertions.assertSane;
import static dev.dozor.protocol.wialon.WialonAssertions.decoded;
import static dev.dozor.protocol.wialon.WialonAssertions.v2;
import static dev.dozor.protocol.wialon.WialonAssertions.v2BlackBox;
import static dev.dozor.protocol.wialon.WialonVersion.V1_1;
import static dev.dozor.protocol.wialon.WialonVersion.V2_0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dozor.protocol.RawFix;
import dev.dozor.protocol.wialon.WialonPacket.BlackBox;
import dev.dozor.protocol.wialon.WialonParam.DoubleParam;
import dev.dozor.protocol.wialon.WialonParam.IntParam;
import dev.dozor.protocol.wialon.WialonParam.TextParam;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Real frames: "traccar" = traccar/traccar src/test/java/org/traccar/protocol/
 * WialonProtocolDecoderTest.java; "gotrackery" = gotrackery/protocol wialonips/package_test.go (hex
 * there, text here). Built frames follow the field layouts of the Wialon IPS 1.1 and 2.0
 * specifications.
 */
class WialonPacketDecoderTest {
  private static final double EPS = 1e-6;

  @Test
  void decodesA11LoginFromARealDevice() { // gotrackery
    WialonPacket.Login login = decoded("#L#862462031400566;NA\r\n", V1_1, WialonPacket.Login.class);
    assertEquals(new WialonPacket.Login(V1_1, "862462031400566", null), login);
    assertEquals("#AL#1\r\n", answerTo("#L#862462031400566;NA\r\n", V2_0));
  }

  @Test
  void decodesA20LoginAndItsVersionWhateverTheSessionAssumed() { // gotrackery
    WialonPacket.Login login =
        decoded("#L#2.0;236010173;NA;8A7\r\n", V1_1, WialonPacket.Login.class);
    assertEquals(new WialonPacket.Login(V2_0, "236010173", null), login);
  }

  @Test
  void keepsTheLoginPassword() {
    assertEquals(
        new WialonPacket.Login(V1_1, "353976012555151", "secret"),
        decoded("#L#353976012555151;secret", V1_1));
    assertEquals(
        new WialonPacket.Login(V2_0, "353976012555151", "secret"),
        decoded(v2("L", "2.0;353976012555151;secret"), V1_1));
    assertEquals(
        new WialonPacket.Login(V2_0, "42001300083", null),
        decoded(v2("L", "2.0;42001300083;"), V1_1));
  }

  @Test
  void decodesA11ShortDataPacket() { // traccar
    String line = "#SD#270413;205601;5544.6025;N;03739.6834;E;1;2;3;4";
    WialonData data = decoded(line, V1_1, WialonPacket.ShortData.class).data();
    assertEquals(Instant.parse("2013-04-27T20:56:01Z"), data.time());
    assertEquals(55.743375, data.lat(), EPS);
    assertEquals(37.66139, data.lon(), EPS);
    assertEquals(1.0, data.speedKmh());
    assertEquals(2.0, data.courseDeg());
    assertEquals(3.0, data.altitudeM());
    assertEquals(4, data.satellites());
    assertNull(data.hdop());
    assertSane(WialonFixMapper.toFix(data, data.time()), Instant.parse("2013-04-27T21:00:00Z"));
    assertEquals("#ASD#1\r\n", answerTo(line, V1_1));
  }

  @Test
  void decodesAShortDataPacketWithAnEmptyCourse() { // traccar
    WialonData data =
        decoded(
                "#SD#021214;065947;2237.7552;N;11404.8851;E;0.000;;170.9;5",
                V1_1,
                WialonPacket.ShortData.class)
            .data();
    assertNull(data.courseDeg());
    assertEquals(170.9, data.altitudeM());
    assertEquals(114.08141833, data.lon(), EPS);
  }

  @Test
  void decodesA20ShortDataPacketWithAllValuesNa() { // gotrackery
    String line = "#SD#240123;110050;NA;NA;NA;NA;NA;NA;NA;NA;C4B\r\n";
    WialonData data = decoded(line, V2_0, WialonPacket.ShortData.class).data();
    assertEquals(Instant.parse("2023-01-24T11:00:50Z"), data.time());
    assertFalse(data.hasPosition());
    assertNull(data.speedKmh());
    assertNull(data.satellites());
    assertFalse(WialonFixMapper.toFix(data, Instant.now()).valid());
    assertEquals("#ASD#1\r\n", answerTo(line, V2_0));
  }

  @Test
  void decodesA11DataPacketWithTheSpecificationsParamsExample() { // traccar, spec 2.0 params
    String line =
        "#D#270413;205601;5544.6025;N;03739.6834;E;1;2;3;4;0.0;0;0;14.77,0.02,3.6;NA;"
            + "count1:1:564,fuel:2:45.8,hw:3:V4.5";
    WialonData data = decoded(line, V1_1, WialonPacket.Data.class).data();
    assertEquals(0.0, data.hdop());
    assertEquals(0L, data.inputs());
    assertEquals(0L, data.outputs());
    assertEquals(List.of(14.77, 0.02, 3.6), data.adc());
    assertNull(data.ibutton());
    assertEquals(
        List.of(
            new IntParam("count1", 564),
            new DoubleParam("fuel", 45.8),
            new TextParam("hw", "V4.5")),
        data.params());
    RawFix fix = WialonFixMapper.toFix(data, Instant.EPOCH);
    assertEquals(564.0, fix.inputs().get("count1"));
    assertEquals(45.8, fix.inputs().get("fuel"));
    assertEquals("V4.5", fix.text().get("hw"));
    assertEquals(14.77, fix.inputs().get("ain1"));
    assertSane(fix, Instant.parse("2013-04-27T21:00:00Z"));
    assertEquals("#AD#1\r\n", answerTo(line, V1_1));
  }

  @Test
  void decodesA20DataPacketWithParams() { // gotrackery
    String line =
        "#D#240123;135321;5748.3329;N;04312.9038;E;89;42;1250;16;NA;NA;NA;;NA;"
            + "ign:1:1,fuel1:1:2183,fuel2:1:2421;4B9B\r\n";
    WialonData data = decoded(line, V2_0, WialonPacket.Data.class).data();
    assertEquals(Instant.parse("2023-01-24T13:53:21Z"), data.time());
    assertEquals(57 + 48.3329 / 60, data.lat(), EPS);
    assertEquals(43 + 12.9038 / 60, data.lon(), EPS);
    assertEquals(89.0, data.speedKmh());
    assertEquals(List.of(), data.adc());
    assertEquals(
        List.of(new IntParam("ign", 1), new IntParam("fuel1", 2183), new IntParam("fuel2", 2421)),
        data.params());
    assertSane(WialonFixMapper.toFix(data, Instant.EPOCH), Instant.parse("2023-01-24T14:00:00Z"));
  }

  @Test
  void decodesNegativeIntegerParams() { // gotrackery
    String line =
        "#D#240123;140214;5750.1249;N;04152.2760;E;79;111;1647;19;NA;NA;NA;;NA;"
            + "ign:1:1,acc_x:1:0,acc_y:1:0,acc_z:1:-1;8CB1\r\n";
    WialonData data = decoded(line, V2_0, WialonPacket.Data.class).data();
    assertEquals(new IntParam("acc_z", -1), data.params().get(3));
  }

  @Test
  void decodesA20DataPacketWithDecimalsAndNegativeAltitude() { // traccar
    String line =
        "#D#101118;061143;0756.0930;N;12338.6403;E;18.223;99.766;-4.000;10;0.800;NA;NA;NA;NA;"
            + "101_521347:1:521249,101_521126:1:6593598,101_521127:1:774780,"
            + "101_521072_21.1:1:0,101_521072_21.2:1:71353;F24A";
    WialonData data = decoded(line, V2_0, WialonPacket.Data.class).data();
    assertEquals(7 + 56.0930 / 60, data.lat(), EPS);
    assertEquals(123 + 38.6403 / 60, data.lon(), EPS);
    assertEquals(18.223, data.speedKmh());
    assertEquals(99.766, data.courseDeg());
    assertEquals(-4.0, data.altitudeM());
    assertEquals(0.8, data.hdop());
    assertEquals(new IntParam("101_521072_21.2", 71353), data.params().get(4));
    assertSane(WialonFixMapper.toFix(data, Instant.EPOCH), Instant.parse("2018-11-10T06:12:00Z"));
  }

  @Test
  void usesServerTimeWhenDateAndTimeAreNaAndReadsA0xChecksum() { // traccar
    String line =
        "#D#NA;NA;5429.681944502211763;N;02654.60403650999069;E;NA;NA;NA;NA;NA;NA;NA;1.0;NA;"
            + "m1:1:9196679,d1:1:15397,t1:1:20,b1:1:162,fuel1:2:21588.0,pv1:2:35.98,finish:1:1;0x9b0";
    WialonData data = decoded(line, V2_0, WialonPacket.Data.class).data();
    assertNull(data.time());
    assertEquals(54 + 29.681944502211763 / 60, data.lat(), 1e-9);
    Instant receivedAt = Instant.parse("2024-03-01T10:00:00Z");
    RawFix fix = WialonFixMapper.toFix(data, receivedAt);
    assertEquals(receivedAt, fix.fixTime());
    assertEquals(1.0, fix.inputs().get("ain1"));
    assertEquals(21588.0, fix.inputs().get("fuel1"));
    assertSane(fix, receivedAt);
  }

  @Test
  void decodesA20DataPacketWithoutPosition() { // traccar
    String line =
        "#D#120319;112003;NA;NA;NA;NA;0.000;NA;NA;0;NA;NA;NA;NA;NA;101_521347:1:521246,"
            + "101_158:1:510,101_521055:1:510,101_521055_2.9:1:509,101_521056:1:3;626B";
    WialonData data = decoded(line, V2_0, WialonPacket.Data.class).data();
    assertFalse(data.hasPosition());
    assertEquals(5, data.params().size());
    assertFalse(WialonFixMapper.toFix(data, Instant.EPOCH).valid());
  }

  @Test
  void decodesSouthernAndWesternHemispheres() {
    String line = "#SD#150324;101500;3352.1234;S;07036.5678;W;40;270;520;9";
    WialonData data = decoded(line, V1_1, WialonPacket.ShortData.class).data();
    assertEquals(-(33 + 52.1234 / 60), data.lat(), EPS);
    assertEquals(-(70 + 36.5678 / 60), data.lon(), EPS);
    assertSane(WialonFixMapper.toFix(data, Instant.EPOCH), Instant.parse("2024-03-15T10:16:00Z"));
  }

  @Test
  void readsFractionalSecondsAndCourse360() {
    WialonData data =
        decoded(
                "#SD#150324;101500.250;5544.6025;N;03739.6834;E;12;360;150;7",
                V1_1,
                WialonPacket.ShortData.class)
            .data();
    assertEquals(Instant.parse("2024-03-15T10:15:00.250Z"), data.time());
    assertEquals(0.0, data.courseDeg());
  }

  @Test
  void decodesABlackBoxOfShortAndExtendedMessagesWithUtf8Params() { // traccar
    String line =
        "#B#080914;073235;5027.50625;N;03026.19321;E;0.700;0.000;NA;4;NA;NA;NA;;NA;Батарея:3:100 %"
            + "|080914;073420;5027.50845;N;03026.18854;E;1.996;292.540;NA;4;NA;NA;NA;;NA;"
            + "Батарея:3:100 %";
    BlackBox blackBox = decoded(line, V1_1, BlackBox.class);
    assertEquals(2, blackBox.acceptedCount());
    List<RawFix> fixes = WialonFixMapper.toFixes(blackBox, Instant.EPOCH);
    assertEquals("100 %", fixes.get(1).text().get("Батарея"));
    Instant now = Instant.parse("2014-09-08T08:00:00Z");
    fixes.forEach(fix -> assertSane(fix, now));
    assertEquals("#AB#2\r\n", answerTo(line, V1_1));
  }

  @Test
  void decodesABlackBoxMessageWithIbuttonAndTrailingSemicolon() { // traccar
    String line =
        "#B#110315;045857;5304.0167;N;06127.8262;E;0;155;965;7;2.40;4;0;14.77,0.02,3.6;AB45DF01145;";
    BlackBox blackBox = decoded(line, V1_1, BlackBox.class);
    WialonData data = blackBox.accepted().get(0).data();
    assertEquals("AB45DF01145", data.ibutton());
    assertEquals(4L, data.inputs());
    assertEquals("AB45DF01145", WialonFixMapper.toFix(data, Instant.EPOCH).text().get("ibutton"));
  }

  @Test
  void refusesOnlyTheBadMessageOfABlackBox() { // traccar frame: 5364.0167 has 64 minutes
    String line =
        "#B#110315;045857;5364.0167;N;06127.8262;E;0;155;965;7;2.40;4;0;14.77,0.02,3.6;AB45DF01145;"
            + "|110315;045900;5304.0167;N;06127.8262;E;0;155;965;7";
    BlackBox blackBox = decoded(line, V1_1, BlackBox.class);
    BlackBox.Refused refused = assertInstanceOf(BlackBox.Refused.class, blackBox.entries().get(0));
    assertEquals(WialonDataStatus.COORDINATES_ERROR, refused.status());
    assertInstanceOf(BlackBox.Accepted.class, blackBox.entries().get(1));
    assertEquals("#AB#1\r\n", answerTo(line, V1_1));
  }

  @Test
  void decodesA20BlackBoxOfFiftyPoints() {
    StringBuilder messages = new StringBuilder();
    Instant start = Instant.parse("2024-03-15T08:00:00Z");
    for (int i = 0; i < 50; i++) {
      if (i > 0) {
        messages.append('|');
      }
      int second = i * 10;
      messages.append(
          String.format(
              Locale.ROOT,
              "150324;08%02d%02d;5544.%04d;N;03739.6834;E;%d;%d;150;%d",
              second / 60,
              second % 60,
              1000 + i,
              20 + i,
              (i * 7) % 360,
              5 + i % 10));
      if (i % 2 == 1) {
        messages.append(";1.2;").append(i).append(";0;12.5;NA;plough:1:").append(i % 2);
      }
    }
    String line = v2BlackBox(messages.toString());
    BlackBox blackBox = decoded(line, V2_0, BlackBox.class);
    assertEquals(50, blackBox.acceptedCount());
    List<RawFix> fixes = WialonFixMapper.toFixes(blackBox, Instant.EPOCH);
    assertEquals(50, fixes.size());
    for (int i = 0; i < 50; i++) {
      assertEquals(start.plusSeconds(i * 10L), fixes.get(i).fixTime());
      assertEquals(55 + (44 + (1000 + i) / 10_000.0) / 60, fixes.get(i).lat(), EPS);
      assertSane(fixes.get(i), Instant.parse("2024-03-15T09:00:00Z"));
    }
    assertInstanceOf(WialonPacket.Data.class, blackBox.accepted().get(1));
    assertEquals(1.0, fixes.get(1).inputs().get("plough"));
    assertEquals("#AB#50\r\n", answerTo(line, V2_0));
  }

  @Test
  void answersAnEmptyBlackBoxWithZero() {
    assertEquals("#AB#0\r\n", answerTo("#B#\r\n", V1_1));
    assertEquals("#AB#0\r\n", answerTo(v2BlackBox(""), V2_0));
  }

  @Test
  void decodesAPingInBothVersions() {
    assertInstanceOf(WialonPacket.Ping.class, decoded("#P#\r\n", V1_1));
    assertEquals("#AP#\r\n", answerTo("#P#\r\n", V2_0));
  }

  @Test
  void acceptsTheLineWithOrWithoutItsEndAndAsBytes() {
    byte[] bytes = "xx#P#\r\nyy".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    WialonDecodeResult result = WialonPacketDecoder.decode(bytes, 2, 5, V1_1);
    assertInstanceOf(WialonDecodeResult.Decoded.class, result);
    assertTrue(decoded("#P#", V1_1) instanceof WialonPacket.Ping);
  }
}

package dev.dozor.protocol.wialon;

import static dev.dozor.protocol.wialon.WialonAssertions.answerTo;
import static dev.dozor.protocol.wialon.WialonAssertions.rejected;
import static dev.dozor.protocol.wialon.WialonAssertions.v2;
import static dev.dozor.protocol.wialon.WialonAssertions.v2BlackBox;
import static dev.dozor.protocol.wialon.WialonVersion.V1_1;
import static dev.dozor.protocol.wialon.WialonVersion.V2_0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rejection branch of the decoder, with the exact answer the device gets. */
class WialonErrorCodesTest {
  private static final String SD = "270413;205601;5544.6025;N;03739.6834;E;1;2;3;4";
  private static final String EXT = ";0.9;5;1;14.77,0.02,3.6;0123ABCD;count1:1:564,fuel:2:45.8";
  private static final String D = SD + EXT;

  /** The SD body with field {@code index} replaced. */
  private static String sd(int index, String value) {
    String[] f = SD.split(";", -1);
    f[index] = value;
    return String.join(";", f);
  }

  /** The D body with field {@code index} replaced. */
  private static String d(int index, String value) {
    String[] f = D.split(";", -1);
    f[index] = value;
    return String.join(";", f);
  }

  static Stream<Arguments> rejections() {
    return Stream.of(
        // login (spec "Login packet": 0 rejected, 01 password, 10 checksum)
        Arguments.of("2.0 login, bad checksum", V2_0, "#L#2.0;236010173;NA;8A8", "#AL#10"),
        Arguments.of("2.0 login, traccar sample", V2_0, "#L#2.0;42001300083;;CE45", "#AL#10"),
        Arguments.of("2.0 login, not hex", V2_0, "#L#2.0;236010173;NA;XYZ", "#AL#10"),
        Arguments.of("unsupported version", V1_1, v2("L", "3.0;236010173;NA"), "#AL#0"),
        Arguments.of("1 field", V1_1, "#L#862462031400566", "#AL#0"),
        Arguments.of("3 fields", V1_1, "#L#2.0;862462031400566;NA", "#AL#0"),
        Arguments.of("empty IMEI", V1_1, "#L#;NA", "#AL#0"),
        Arguments.of("NA IMEI", V1_1, "#L#NA;NA", "#AL#0"),
        Arguments.of("IMEI with #", V1_1, "#L#86#2;NA", "#AL#0"),
        Arguments.of("control char", V1_1, "#L#8624\u00016203;NA", "#AL#0"),
        // SD structure -1
        Arguments.of(
            "SD 9 fields", V1_1, "#SD#270413;205601;5544.6025;N;03739.6834;E;1;2;3", "#ASD#-1"),
        Arguments.of("SD 12 fields", V1_1, "#SD#" + SD + ";5;6", "#ASD#-1"),
        Arguments.of("SD NUL", V1_1, "#SD#" + SD.replace("205601", "2056\u000001"), "#ASD#-1"),
        Arguments.of("SD 2.0 no separator", V2_0, "#SD#garbage", "#ASD#-1"),
        // time 0
        Arguments.of("day 32", V1_1, "#SD#" + sd(0, "320413"), "#ASD#0"),
        Arguments.of("29 Feb 2013", V1_1, "#SD#" + sd(0, "290213"), "#ASD#0"),
        Arguments.of("date only NA", V1_1, "#SD#" + sd(0, "NA"), "#ASD#0"),
        Arguments.of("time only NA", V1_1, "#SD#" + sd(1, "NA"), "#ASD#0"),
        Arguments.of("hour 25", V1_1, "#SD#" + sd(1, "256001"), "#ASD#0"),
        Arguments.of("short time", V1_1, "#SD#" + sd(1, "2056"), "#ASD#0"),
        Arguments.of("time with bad fraction", V1_1, "#SD#" + sd(1, "205601.x"), "#ASD#0"),
        Arguments.of("letters in date", V1_1, "#SD#" + sd(0, "27O413"), "#ASD#0"),
        // coordinates 10
        Arguments.of("60 minutes", V1_1, "#SD#" + sd(2, "5560.0000"), "#ASD#10"),
        Arguments.of("latitude 91", V1_1, "#SD#" + sd(2, "9100.0000"), "#ASD#10"),
        Arguments.of("latitude 90 and a bit", V1_1, "#SD#" + sd(2, "9000.0001"), "#ASD#10"),
        Arguments.of("longitude 181", V1_1, "#SD#" + sd(4, "18100.0000"), "#ASD#10"),
        Arguments.of("hemisphere X", V1_1, "#SD#" + sd(3, "X"), "#ASD#10"),
        Arguments.of("N as longitude sign", V1_1, "#SD#" + sd(5, "N"), "#ASD#10"),
        Arguments.of("latitude NA only", V1_1, "#SD#" + sd(2, "NA"), "#ASD#10"),
        Arguments.of("negative latitude", V1_1, "#SD#" + sd(2, "-5544.6025"), "#ASD#10"),
        Arguments.of("letters in latitude", V1_1, "#SD#" + sd(2, "55a4.6"), "#ASD#10"),
        Arguments.of("huge latitude", V1_1, "#SD#" + sd(2, "99999999999.1"), "#ASD#10"),
        // speed, course, altitude 11
        Arguments.of("negative speed", V1_1, "#SD#" + sd(6, "-1"), "#ASD#11"),
        Arguments.of("speed word", V1_1, "#SD#" + sd(6, "fast"), "#ASD#11"),
        Arguments.of("speed exponent", V1_1, "#SD#" + sd(6, "1e400"), "#ASD#11"),
        Arguments.of("speed NaN", V1_1, "#SD#" + sd(6, "NaN"), "#ASD#11"),
        Arguments.of("course 361", V1_1, "#SD#" + sd(7, "361"), "#ASD#11"),
        Arguments.of("negative course", V1_1, "#SD#" + sd(7, "-5"), "#ASD#11"),
        Arguments.of("altitude in space", V1_1, "#SD#" + sd(8, "999999"), "#ASD#11"),
        Arguments.of("altitude 2 dots", V1_1, "#SD#" + sd(8, "1.2.3"), "#ASD#11"),
        // satellites 12
        Arguments.of("negative sats", V1_1, "#SD#" + sd(9, "-1"), "#ASD#12"),
        Arguments.of("256 sats", V1_1, "#SD#" + sd(9, "256"), "#ASD#12"),
        Arguments.of("fractional sats", V1_1, "#SD#" + sd(9, "4.5"), "#ASD#12"),
        // 2.0 checksum: ASD 13
        Arguments.of("SD bad checksum", V2_0, "#SD#" + SD + ";0000", "#ASD#13"),
        Arguments.of("1.1 SD in a 2.0 session", V2_0, "#SD#" + SD, "#ASD#13"),
        Arguments.of(
            "SD checksum of changed body", V2_0, v2("SD", SD).replace("5544", "5545"), "#ASD#13"),
        // D: same codes as SD for the shared fields
        Arguments.of("D 15 fields", V1_1, "#D#" + SD + ";0.9;5;1;1.0;NA", "#AD#-1"),
        Arguments.of("D bad date", V1_1, "#D#" + d(0, "999999"), "#AD#0"),
        Arguments.of("D bad coordinates", V1_1, "#D#" + d(3, "Q"), "#AD#10"),
        Arguments.of("D bad speed", V1_1, "#D#" + d(6, "x"), "#AD#11"),
        Arguments.of("D bad sats", V1_1, "#D#" + d(9, "x"), "#AD#12"),
        Arguments.of("hdop word", V1_1, "#D#" + d(10, "x"), "#AD#12"),
        Arguments.of("negative hdop", V1_1, "#D#" + d(10, "-1"), "#AD#12"),
        Arguments.of("inputs word", V1_1, "#D#" + d(11, "abc"), "#AD#13"),
        Arguments.of("inputs over 32 bits", V1_1, "#D#" + d(11, "4294967296"), "#AD#13"),
        Arguments.of("negative outputs", V1_1, "#D#" + d(12, "-1"), "#AD#13"),
        Arguments.of("adc word", V1_1, "#D#" + d(13, "1.0,x"), "#AD#14"),
        Arguments.of("adc huge", V1_1, "#D#" + d(13, "1" + "0".repeat(40)), "#AD#14"),
        Arguments.of("param type 9", V1_1, "#D#" + d(15, "a:9:1"), "#AD#15"),
        Arguments.of("int param 1.5", V1_1, "#D#" + d(15, "a:1:1.5"), "#AD#15"),
        Arguments.of(
            "int param over 64 bits", V1_1, "#D#" + d(15, "a:1:99999999999999999999"), "#AD#15"),
        Arguments.of("double param NaN", V1_1, "#D#" + d(15, "a:2:NaN"), "#AD#15"),
        Arguments.of("param without type", V1_1, "#D#" + d(15, "a1"), "#AD#15"),
        Arguments.of("param without name", V1_1, "#D#" + d(15, ":1:1"), "#AD#15"),
        Arguments.of("param with |", V1_1, "#D#" + d(15, "a|b:1:1"), "#AD#15"),
        Arguments.of(
            "first wrong field decides", V1_1, "#D#" + d(0, "x").replace(";N;", ";Q;"), "#AD#0"),
        // 2.0 checksum: AD 16
        Arguments.of("D bad checksum", V2_0, "#D#" + D + ";FFFF", "#AD#16"),
        Arguments.of("D checksum not hex", V2_0, "#D#" + D + ";zz", "#AD#16"),
        // B: AB#count, AB# on checksum error
        Arguments.of("B bad checksum", V2_0, "#B#" + SD + "|" + SD + "|0000", "#AB#"),
        Arguments.of("B 2.0 without |", V2_0, "#B#" + SD, "#AB#0"),
        Arguments.of("B control char", V1_1, "#B#" + SD + "\u007F", "#AB#0"),
        Arguments.of("B one bad of three", V1_1, "#B#" + SD + "|" + sd(2, "x") + "|" + D, "#AB#2"),
        Arguments.of("B all bad", V1_1, "#B#" + sd(9, "x") + "|1;2;3", "#AB#0"),
        Arguments.of("B 2.0 one bad of two", V2_0, v2BlackBox(SD + "|" + sd(7, "999")), "#AB#1"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejections")
  void answersTheExactCode(String name, WialonVersion version, String line, String answer) {
    assertEquals(answer + "\r\n", answerTo(line, version));
  }

  @Test
  void rejectionsNameTheirFault() {
    WialonDecodeResult.Rejected rejected = rejected("#D#" + d(13, "1.0,x"), V1_1);
    assertEquals(WialonPacketType.DATA, rejected.type());
    assertEquals(new WialonAnswer.Data(WialonDataStatus.ADC_ERROR), rejected.answer());
    assertTrue(rejected.reason().contains("analog input 2"), rejected.reason());
    assertTrue(
        rejected("#SD#" + SD + ";0000", V2_0).reason().contains("does not match"),
        "names the checksum");
  }

  @Test
  void rejectsInvalidUtf8WithTheStructureError() {
    byte[] line =
        ("#D#" + d(14, "\u00ff\u00fe")).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    WialonDecodeResult result = WialonPacketDecoder.decode(line, V1_1);
    WialonDecodeResult.Rejected rejected =
        assertInstanceOf(WialonDecodeResult.Rejected.class, result);
    assertEquals(new WialonAnswer.Data(WialonDataStatus.STRUCTURE_ERROR), rejected.answer());
  }

  @Test
  void hasNoAnswerForWhatIsNotAHandledPacket() {
    for (String line :
        new String[] {
          "", "hello", "#", "##", "#M#hello driver", "#XYZ#1", "99999999#SD#" + SD, "#sd#" + SD
        }) {
      WialonDecodeResult result = WialonPacketDecoder.decode(line, V1_1);
      assertInstanceOf(WialonDecodeResult.Unrecognized.class, result, line);
      assertFalse(((WialonDecodeResult.Unrecognized) result).reason().isEmpty());
    }
  }
}

package dev.dozor.protocol.wialon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WialonCrc16Test {

  @Test
  void isCrc16ArcOnTheStandardCheckString() {
    assertEquals(0xBB3D, WialonCrc16.compute("123456789"));
    assertEquals(0, WialonCrc16.compute(""));
  }

  /** Real 2.0 frames (gotrackery/protocol, wialonips/package_test.go) carry these checksums. */
  @Test
  void matchesTheChecksumsOfRealFrames() {
    assertEquals(0x08A7, WialonCrc16.compute("2.0;236010173;NA;"));
    assertEquals(0x0C4B, WialonCrc16.compute("240123;110050;NA;NA;NA;NA;NA;NA;NA;NA;"));
    assertEquals(
        0x4B9B,
        WialonCrc16.compute(
            "240123;135321;5748.3329;N;04312.9038;E;89;42;1250;16;NA;NA;NA;;NA;"
                + "ign:1:1,fuel1:1:2183,fuel2:1:2421;"));
  }

  /** The extended data example of the Wialon IPS 2.x specification ends in ";4BC3". */
  @Test
  void matchesTheSpecificationExample() {
    assertEquals(
        0x4BC3,
        WialonCrc16.compute(
            "231012;153959;5354.49260;N;02731.44990;E;0;0;300;7;1.1;0;0;1,0,0,0;NA;"
                + "ign:1:1,dparam:2:3.14159265,tparam:3:lorem,iparam:1:-55,SOS:1:1;"));
  }

  @Test
  void coversTheUtf8BytesOfNonAsciiText() {
    byte[] bytes = "Батарея".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertEquals(WialonCrc16.compute(bytes, 0, bytes.length), WialonCrc16.compute("Батарея"));
  }

  @Test
  void formatsFourUpperCaseHexDigits() {
    assertEquals("08A7", WialonCrc16.format(0x8A7));
    assertEquals("0000", WialonCrc16.format(0));
    assertEquals("FFFF", WialonCrc16.format(0xFFFF));
  }

  @Test
  void parsesTheFormsDevicesSend() {
    assertEquals(0x8A7, WialonCrc16.parse("8A7"));
    assertEquals(0x8A7, WialonCrc16.parse("08a7"));
    assertEquals(0x9B0, WialonCrc16.parse("0x9b0"));
    assertEquals(0x9B0, WialonCrc16.parse("0X9B0"));
  }

  @Test
  void refusesWhatIsNotAChecksum() {
    assertEquals(-1, WialonCrc16.parse(""));
    assertEquals(-1, WialonCrc16.parse("0x"));
    assertEquals(-1, WialonCrc16.parse("12345"));
    assertEquals(-1, WialonCrc16.parse("G1"));
    assertEquals(-1, WialonCrc16.parse("-1"));
    assertEquals(-1, WialonCrc16.parse("١٢"));
  }
}

package dev.dozor.protocol.egts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EgtsCrcTest {
  private static final byte[] CHECK = "123456789".getBytes(StandardCharsets.US_ASCII);

  @Test
  void crc8HasTheCheckValueOfPoly31Init_FF() {
    assertEquals(0xF7, Crc8.compute(CHECK, 0, CHECK.length));
  }

  @Test
  void crc16HasTheCheckValueOfCcittFalse() {
    assertEquals(0x29B1, Crc16Ccitt.compute(CHECK, 0, CHECK.length));
  }

  @Test
  void crcsOfEmptyInputAreTheInitialValues() {
    assertEquals(0xFF, Crc8.compute(new byte[0], 0, 0));
    assertEquals(0xFFFF, Crc16Ccitt.compute(new byte[0], 0, 0));
  }

  @Test
  void crcsMatchARealTrackerFrame() {
    // Traccar EgtsProtocolDecoderTest (traccar/traccar, src/test/java/org/traccar/protocol):
    // header 0100020B0025003A5701 with HCS C9, SFRD of 37 bytes with SFRCS C21E (LE 1EC2).
    byte[] frame =
        EgtsHex.bytes(
            "0100020B0025003A5701C91A003A5701CD6E68490202101700CBB4740F7617FD92"
                + "4364104F116A0000000000010300001EC2");
    assertEquals(0xC9, Crc8.compute(frame, 0, 10));
    assertEquals(0xC21E, Crc16Ccitt.compute(frame, 11, 37));
  }

  @Test
  void crcsWorkOnAnOffsetRange() {
    byte[] padded = new byte[CHECK.length + 4];
    System.arraycopy(CHECK, 0, padded, 2, CHECK.length);
    assertEquals(0xF7, Crc8.compute(padded, 2, CHECK.length));
    assertEquals(0x29B1, Crc16Ccitt.compute(padded, 2, CHECK.length));
  }
}

package dev.dozor.protocol.egts;

/**
 * CRC-8 of the EGTS transport header (HCS): polynomial 0x31 (x^8 + x^5 + x^4 + 1), initial value
 * 0xFF, no reflection, no final XOR (GOST 33472-2015 / Order 285, transport layer, HCS field).
 * Check value over ASCII "123456789" is 0xF7.
 */
public final class Crc8 {
  private static final int[] TABLE = new int[256];

  static {
    for (int i = 0; i < 256; i++) {
      int crc = i;
      for (int bit = 0; bit < 8; bit++) {
        crc = (crc & 0x80) != 0 ? ((crc << 1) ^ 0x31) & 0xFF : (crc << 1) & 0xFF;
      }
      TABLE[i] = crc;
    }
  }

  private Crc8() {}

  /** CRC-8 of {@code length} bytes of {@code data} from {@code offset}, in [0, 255]. */
  public static int compute(byte[] data, int offset, int length) {
    int crc = 0xFF;
    for (int i = offset; i < offset + length; i++) {
      crc = TABLE[(crc ^ data[i]) & 0xFF];
    }
    return crc;
  }
}

package dev.dozor.protocol.egts;

/**
 * CRC-16 of the EGTS service frame data (SFRCS): CCITT polynomial 0x1021, initial value 0xFFFF, no
 * reflection, no final XOR, i.e. CRC-16/CCITT-FALSE (GOST 33472-2015 / Order 285, transport layer,
 * SFRCS field). Check value over ASCII "123456789" is 0x29B1.
 */
public final class Crc16Ccitt {
  private static final int[] TABLE = new int[256];

  static {
    for (int i = 0; i < 256; i++) {
      int crc = i << 8;
      for (int bit = 0; bit < 8; bit++) {
        crc = (crc & 0x8000) != 0 ? ((crc << 1) ^ 0x1021) & 0xFFFF : (crc << 1) & 0xFFFF;
      }
      TABLE[i] = crc;
    }
  }

  private Crc16Ccitt() {}

  /** CRC-16 of {@code length} bytes of {@code data} from {@code offset}, in [0, 65535]. */
  public static int compute(byte[] data, int offset, int length) {
    int crc = 0xFFFF;
    for (int i = offset; i < offset + length; i++) {
      crc = ((crc << 8) ^ TABLE[((crc >>> 8) ^ data[i]) & 0xFF]) & 0xFFFF;
    }
    return crc;
  }
}

package dev.dozor.protocol.wialon;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The Wialon IPS 2.0 checksum (spec 2.0, Appendix 1 "CRC16"; spec 2.1, "Checksum"): CRC-16/ARC,
 * i.e. polynomial 0x8005 reflected (0xA001), initial value 0, no final XOR, over the UTF-8 bytes of
 * the packet body from the first byte after the second {@code #} up to and including the last
 * separator before the checksum ({@code ;} in L, SD, D; {@code |} in B). It is written in hex.
 *
 * <p>Check value: {@code "123456789"} gives 0xBB3D; the body {@code "2.0;236010173;NA;"} gives
 * 0x08A7 (a real login {@code #L#2.0;236010173;NA;8A7}).
 */
public final class WialonCrc16 {
  private static final int[] TABLE = new int[256];

  static {
    for (int i = 0; i < 256; i++) {
      int crc = i;
      for (int bit = 0; bit < 8; bit++) {
        crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
      }
      TABLE[i] = crc;
    }
  }

  private WialonCrc16() {}

  /** CRC-16/ARC of {@code length} bytes from {@code offset}, in [0, 0xFFFF]. */
  public static int compute(byte[] data, int offset, int length) {
    int crc = 0;
    for (int i = offset; i < offset + length; i++) {
      crc = (crc >>> 8) ^ TABLE[(crc ^ data[i]) & 0xFF];
    }
    return crc;
  }

  /** CRC-16/ARC of the UTF-8 bytes of {@code text}. */
  public static int compute(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return compute(bytes, 0, bytes.length);
  }

  /** The checksum as this codec writes it: four upper-case hex digits, e.g. {@code "08A7"}. */
  public static String format(int crc) {
    return String.format(Locale.ROOT, "%04X", crc & 0xFFFF);
  }

  /**
   * Reads a checksum field as devices write it: 1 to 4 hex digits of either case, optionally
   * prefixed by {@code 0x} (real trackers send {@code 8A7} and {@code 0x9b0} as well as {@code
   * 08A7}).
   *
   * @return the value, or -1 when the field is not such a number
   */
  public static int parse(String field) {
    String digits =
        field.length() > 2 && (field.startsWith("0x") || field.startsWith("0X"))
            ? field.substring(2)
            : field;
    if (digits.isEmpty() || digits.length() > 4) {
      return -1;
    }
    int value = 0;
    for (int i = 0; i < digits.length(); i++) {
      int digit = Character.digit(digits.charAt(i), 16);
      if (digit < 0 || digits.charAt(i) > 'f') {
        return -1;
      }
      value = value * 16 + digit;
    }
    return value;
  }
}

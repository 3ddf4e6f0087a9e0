package dev.dozor.protocol.egts;

import java.util.HexFormat;

/** Test frames written as hex, one field per line, with {@code #} comments. */
final class EgtsHex {
  private EgtsHex() {}

  /** Bytes of {@code annotatedHex}: comments from '#' to the end of a line and blanks dropped. */
  static byte[] bytes(String annotatedHex) {
    StringBuilder hex = new StringBuilder();
    for (String line : annotatedHex.split("\n")) {
      int hash = line.indexOf('#');
      hex.append((hash >= 0 ? line.substring(0, hash) : line).replaceAll("\\s+", ""));
    }
    return HexFormat.of().parseHex(hex.toString());
  }

  static String hex(byte[] bytes) {
    return HexFormat.of().withUpperCase().formatHex(bytes);
  }

  /**
   * An unrouted frame with correct HCS and SFRCS around {@code sfrdHex}: for error cases whose
   * checksums must not be what fails. {@code flags} is the PRF/RTE/ENA/CMP/PR byte.
   */
  static byte[] frame(int flags, int packetId, int packetType, String sfrdHex) {
    byte[] sfrd = bytes(sfrdHex);
    byte[] f = new byte[11 + sfrd.length + (sfrd.length > 0 ? 2 : 0)];
    f[0] = 1;
    f[2] = (byte) flags;
    f[3] = 11;
    f[5] = (byte) sfrd.length;
    f[6] = (byte) (sfrd.length >> 8);
    f[7] = (byte) packetId;
    f[8] = (byte) (packetId >> 8);
    f[9] = (byte) packetType;
    f[10] = (byte) Crc8.compute(f, 0, 10);
    System.arraycopy(sfrd, 0, f, 11, sfrd.length);
    if (sfrd.length > 0) {
      int crc = Crc16Ccitt.compute(sfrd, 0, sfrd.length);
      f[11 + sfrd.length] = (byte) crc;
      f[12 + sfrd.length] = (byte) (crc >> 8);
    }
    return f;
  }

  /** Recomputes HCS and SFRCS of an unrouted {@code frame} in place (after a mutation). */
  static void fixChecksums(byte[] frame) {
    if (frame.length < 11) {
      return;
    }
    frame[10] = (byte) Crc8.compute(frame, 0, 10);
    int fdl = (frame[5] & 0xFF) | (frame[6] & 0xFF) << 8;
    if (fdl > 0 && frame.length >= 13 + fdl) {
      int crc = Crc16Ccitt.compute(frame, 11, fdl);
      frame[11 + fdl] = (byte) crc;
      frame[12 + fdl] = (byte) (crc >> 8);
    }
  }
}

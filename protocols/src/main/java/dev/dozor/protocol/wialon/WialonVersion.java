package dev.dozor.protocol.wialon;

/**
 * Wialon IPS protocol version of a connection. A connection logs in once and keeps its version: 2.0
 * sends {@code #L#2.0;imei;password;crc16}, 1.1 sends {@code #L#imei;password} (spec 2.0,
 * "Changes": the protocol version field and the CRC16 field were added in 2.0).
 */
public enum WialonVersion {
  /** Wialon IPS 1.1: no checksums. */
  V1_1("1.1"),
  /** Wialon IPS 2.0: a trailing CRC16 on L, SD, D and B packets. */
  V2_0("2.0");

  private final String wire;

  WialonVersion(String wire) {
    this.wire = wire;
  }

  /** The version as written in a 2.0 login packet ({@code "2.0"}). */
  public String wire() {
    return wire;
  }

  /** Whether L, SD, D and B packets of this version end with a CRC16 field. */
  public boolean hasChecksum() {
    return this == V2_0;
  }
}

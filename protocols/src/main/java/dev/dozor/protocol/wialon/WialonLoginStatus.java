package dev.dozor.protocol.wialon;

import java.util.Optional;

/**
 * The result codes of the AL answer (spec 1.1 and 2.0, "Login packet"). {@link #CHECKSUM_ERROR}
 * exists in 2.0 only.
 */
public enum WialonLoginStatus {
  /** "1": authorisation succeeded. */
  OK("1"),
  /** "0": connection rejected (unknown device, wrong protocol version, malformed packet). */
  REJECTED("0"),
  /** "01": password check failed. */
  PASSWORD_ERROR("01"),
  /** "10": checksum check failed (2.0). */
  CHECKSUM_ERROR("10");

  private final String wire;

  WialonLoginStatus(String wire) {
    this.wire = wire;
  }

  /** The code as written after {@code #AL#}. */
  public String wire() {
    return wire;
  }

  /** The status written as {@code code}; "01" and "1" are different codes. */
  public static Optional<WialonLoginStatus> fromWire(String code) {
    for (WialonLoginStatus status : values()) {
      if (status.wire.equals(code)) {
        return Optional.of(status);
      }
    }
    return Optional.empty();
  }
}

package dev.dozor.protocol.wialon;

import java.util.Optional;

/**
 * The packet types this codec handles, with the type of the server's answer (spec 1.1 and 2.0,
 * table "Packet types"). Other types of the spec (M, I, QT, IT, T, US, UC) are not handled.
 */
public enum WialonPacketType {
  /** Login, answered by AL. */
  LOGIN("L", "AL"),
  /** Short data (position only), answered by ASD. */
  SHORT_DATA("SD", "ASD"),
  /** Extended data (position, inputs, ADC, params), answered by AD. */
  DATA("D", "AD"),
  /** Black box: many SD/D bodies of the past, answered by AB. */
  BLACK_BOX("B", "AB"),
  /** Ping (heartbeat), answered by AP. */
  PING("P", "AP");

  private final String wire;
  private final String answerWire;

  WialonPacketType(String wire, String answerWire) {
    this.wire = wire;
    this.answerWire = answerWire;
  }

  /** The type as written between the two {@code #} of a device packet, e.g. {@code "SD"}. */
  public String wire() {
    return wire;
  }

  /** The type of the server's answer, e.g. {@code "ASD"}. */
  public String answerWire() {
    return answerWire;
  }

  /** The packet type written as {@code wire}, if this codec handles it. */
  public static Optional<WialonPacketType> fromWire(String wire) {
    for (WialonPacketType type : values()) {
      if (type.wire.equals(wire)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }

  /** The packet type whose answer is written as {@code answerWire}, e.g. "ASD". */
  public static Optional<WialonPacketType> fromAnswerWire(String answerWire) {
    for (WialonPacketType type : values()) {
      if (type.answerWire.equals(answerWire)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}

package dev.dozor.protocol.wialon;

import java.util.Objects;

/**
 * An answer of the server to a device packet (spec 1.1 and 2.0: AL, ASD, AD, AB, AP). {@link
 * WialonAnswerEncoder} writes it, {@link WialonAnswerDecoder} reads it.
 */
public sealed interface WialonAnswer
    permits WialonAnswer.Login,
        WialonAnswer.ShortData,
        WialonAnswer.Data,
        WialonAnswer.BlackBox,
        WialonAnswer.Ping {

  /** The packet type this answers. */
  WialonPacketType answers();

  /** {@code #AL#1}, {@code #AL#0}, {@code #AL#01}, {@code #AL#10}. */
  record Login(WialonLoginStatus status) implements WialonAnswer {
    public Login {
      Objects.requireNonNull(status, "status");
    }

    @Override
    public WialonPacketType answers() {
      return WialonPacketType.LOGIN;
    }
  }

  /** {@code #ASD#code}: -1, 0, 1, 10, 11, 12 and (2.0) 13 = checksum error. */
  record ShortData(WialonDataStatus status) implements WialonAnswer {
    public ShortData {
      Objects.requireNonNull(status, "status");
      if (status.wireCode(WialonPacketType.SHORT_DATA).isEmpty()) {
        throw new IllegalArgumentException(status + " is not a code of the ASD answer");
      }
    }

    @Override
    public WialonPacketType answers() {
      return WialonPacketType.SHORT_DATA;
    }
  }

  /** {@code #AD#code}: -1, 0, 1, 10 to 15 and (2.0) 16 = checksum error. */
  record Data(WialonDataStatus status) implements WialonAnswer {
    public Data {
      Objects.requireNonNull(status, "status");
    }

    @Override
    public WialonPacketType answers() {
      return WialonPacketType.DATA;
    }
  }

  /**
   * {@code #AB#count}: the number of messages accepted; {@code #AB#} with no number when the
   * checksum of the packet is wrong (spec 2.0, "Black box packet").
   *
   * @param accepted the count, or null for the checksum error
   */
  record BlackBox(Integer accepted) implements WialonAnswer {
    public BlackBox {
      if (accepted != null && accepted < 0) {
        throw new IllegalArgumentException("accepted count " + accepted + " is negative");
      }
    }

    /** {@code #AB#count}. */
    public static BlackBox of(int accepted) {
      return new BlackBox(accepted);
    }

    /** {@code #AB#}: checksum error. */
    public static BlackBox checksumError() {
      return new BlackBox(null);
    }

    /** Whether this is the checksum-error answer. */
    public boolean isChecksumError() {
      return accepted == null;
    }

    @Override
    public WialonPacketType answers() {
      return WialonPacketType.BLACK_BOX;
    }
  }

  /** {@code #AP#}. */
  record Ping() implements WialonAnswer {
    @Override
    public WialonPacketType answers() {
      return WialonPacketType.PING;
    }
  }

  /**
   * The answer to a packet that decoded: L gets {@code #AL#1} (the caller answers {@link
   * WialonLoginStatus#PASSWORD_ERROR} or {@link WialonLoginStatus#REJECTED} instead when its
   * registry says so), SD {@code #ASD#1}, D {@code #AD#1}, B {@code #AB#<accepted count>}, P {@code
   * #AP#}.
   */
  static WialonAnswer acceptedFor(WialonPacket packet) {
    if (packet instanceof WialonPacket.BlackBox blackBox) {
      return BlackBox.of(blackBox.acceptedCount());
    }
    return switch (packet.type()) {
      case LOGIN -> new Login(WialonLoginStatus.OK);
      case SHORT_DATA -> new ShortData(WialonDataStatus.ACCEPTED);
      case DATA -> new Data(WialonDataStatus.ACCEPTED);
      case BLACK_BOX -> throw new IllegalStateException("a black box is a WialonPacket.BlackBox");
      case PING -> new Ping();
    };
  }

  /** The answer to a packet of {@code type} whose structure is wrong. */
  static WialonAnswer structureError(WialonPacketType type) {
    return switch (type) {
      case LOGIN -> new Login(WialonLoginStatus.REJECTED);
      case SHORT_DATA -> new ShortData(WialonDataStatus.STRUCTURE_ERROR);
      case DATA -> new Data(WialonDataStatus.STRUCTURE_ERROR);
      case BLACK_BOX -> BlackBox.of(0);
      case PING -> new Ping();
    };
  }
}

package dev.dozor.protocol.wialon;

import java.util.Objects;

/**
 * What {@link WialonPacketDecoder} made of one line. It never throws on any input: every outcome is
 * one of these.
 */
public sealed interface WialonDecodeResult
    permits WialonDecodeResult.Decoded,
        WialonDecodeResult.Rejected,
        WialonDecodeResult.Unrecognized {

  /**
   * The line is a well-formed packet. Answer it with {@link WialonAnswer#acceptedFor} (after the
   * password check for a login). A black box may still hold refused messages; its answer counts
   * only the accepted ones.
   */
  record Decoded(WialonPacket packet) implements WialonDecodeResult {
    public Decoded {
      Objects.requireNonNull(packet, "packet");
    }
  }

  /**
   * The line is a packet of a known type but malformed: send {@code answer} (the spec's error code
   * for exactly this fault) and take nothing from it.
   *
   * @param type the packet's type
   * @param answer the answer the device must get, e.g. {@code #AD#14} for an unreadable ADC
   * @param reason what was wrong, for logs; names the field
   */
  record Rejected(WialonPacketType type, WialonAnswer answer, String reason)
      implements WialonDecodeResult {
    public Rejected {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(answer, "answer");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * The line is not a packet this codec answers (no {@code #TYPE#} header, or a type such as M or I
   * that is not handled). The spec has no answer for it; the caller may ignore the line or close
   * the connection.
   */
  record Unrecognized(String reason) implements WialonDecodeResult {
    public Unrecognized {
      Objects.requireNonNull(reason, "reason");
    }
  }
}

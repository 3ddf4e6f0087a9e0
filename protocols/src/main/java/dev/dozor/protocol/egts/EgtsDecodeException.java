package dev.dozor.protocol.egts;

import java.util.OptionalInt;

/**
 * The only exception an EGTS decoder throws: what is wrong (naming the field and its offset), the
 * EGTS result code to answer with ({@link EgtsResultCode}) and the packet id when the transport
 * header was intact. No stack trace is captured: a flood of garbage must stay cheap to reject.
 */
public final class EgtsDecodeException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int resultCode;
  private final int packetId;

  /**
   * @param resultCode the EGTS processing result code for the answer
   * @param packetId PID of the packet, or -1 when the header could not be trusted
   * @param message what is wrong, naming the field and its offset in the frame
   */
  public EgtsDecodeException(int resultCode, int packetId, String message) {
    super(EgtsResultCode.name(resultCode) + ": " + message, null, false, false);
    this.resultCode = resultCode;
    this.packetId = packetId;
  }

  /** The EGTS result code, e.g. {@link EgtsResultCode#DATACRC_ERROR}. */
  public int resultCode() {
    return resultCode;
  }

  /** PID of the rejected packet, empty when the header was not trustworthy. */
  public OptionalInt packetId() {
    return packetId < 0 ? OptionalInt.empty() : OptionalInt.of(packetId);
  }
}

package dev.dozor.protocol.egts;

/** What {@link EgtsFrameDecoder#probe} says about the bytes buffered so far on a stream. */
public sealed interface EgtsFrameStatus {

  /**
   * Not enough bytes yet.
   *
   * @param totalBytes how many buffered bytes the next probe needs at least (always more than were
   *     given, never more than the decoder's maximum frame size)
   */
  record NeedMore(int totalBytes) implements EgtsFrameStatus {}

  /**
   * A complete frame whose header and data checksums are right.
   *
   * @param frameLength bytes of the frame from the probed offset
   * @param packetId PID, for the acknowledgement
   */
  record Complete(int frameLength, int packetId) implements EgtsFrameStatus {}

  /**
   * The bytes are not an acceptable frame.
   *
   * @param resultCode EGTS result code to answer with ({@link EgtsResultCode})
   * @param packetId PID when the header checksum was right, else -1
   * @param frameLength when &gt; 0 the stream is still in step: answer with {@code resultCode},
   *     drop this many bytes and go on; when 0 the stream is lost: close the connection
   * @param message what is wrong, naming the field
   */
  record Invalid(int resultCode, int packetId, int frameLength, String message)
      implements EgtsFrameStatus {

    /** The same error as the exception the packet decoder would throw. */
    public EgtsDecodeException toException() {
      return new EgtsDecodeException(resultCode, packetId, message);
    }
  }
}

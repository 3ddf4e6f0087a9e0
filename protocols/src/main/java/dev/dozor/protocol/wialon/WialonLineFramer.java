package dev.dozor.protocol.wialon;

import java.nio.ByteBuffer;

/**
 * Cuts a Wialon IPS TCP stream into lines. Every packet ends with {@code \r\n} (spec 1.1 and 2.0,
 * "Incoming data (TCP)": {@code #TP#msg\r\n}); a bare {@code \n} is accepted as well, since some
 * firmwares drop the {@code \r}. The framer only finds line ends: the bytes of a line (NUL, control
 * characters, invalid UTF-8) are judged by {@link WialonPacketDecoder}, which rejects them with the
 * packet's structure error.
 *
 * <p>Stateless and thread-safe; the caller keeps the buffer. {@code maxLineLength} bounds the
 * memory a connection may hold: a black box of thousands of D messages needs about 200 bytes per
 * message.
 */
public final class WialonLineFramer {

  /** What the buffered bytes hold. */
  public sealed interface Frame permits NeedMore, Line, TooLong {}

  /** No line end yet and still under the limit: read more bytes. */
  public record NeedMore() implements Frame {}

  /**
   * A complete line at the start of the buffer.
   *
   * @param frameLength bytes to consume, the line end included
   * @param lineLength bytes of the packet itself, without {@code \r\n} (or {@code \n})
   */
  public record Line(int frameLength, int lineLength) implements Frame {}

  /**
   * No line end within {@code maxLineLength} bytes: the peer sends garbage or a packet too big to
   * accept; the connection cannot resynchronise safely and should be closed.
   *
   * @param maxLineLength the limit that was exceeded
   */
  public record TooLong(int maxLineLength) implements Frame {}

  private static final NeedMore NEED_MORE = new NeedMore();
  private static final int SHORTEST_PACKET = "#P#\r\n".length();

  private final int maxLineLength;

  /**
   * @param maxLineLength the longest line accepted, line end included
   */
  public WialonLineFramer(int maxLineLength) {
    if (maxLineLength < SHORTEST_PACKET) {
      throw new IllegalArgumentException(
          "maxLineLength " + maxLineLength + " is shorter than the shortest packet");
    }
    this.maxLineLength = maxLineLength;
  }

  /** The longest line accepted, line end included. */
  public int maxLineLength() {
    return maxLineLength;
  }

  /** Looks at {@code length} buffered bytes from {@code offset}. */
  public Frame next(byte[] buffer, int offset, int length) {
    if (offset < 0 || length < 0 || offset > buffer.length - length) {
      throw new IndexOutOfBoundsException(
          "offset " + offset + ", length " + length + " outside a buffer of " + buffer.length);
    }
    int limit = Math.min(length, maxLineLength);
    for (int i = 0; i < limit; i++) {
      if (buffer[offset + i] == '\n') {
        int lineLength = i > 0 && buffer[offset + i - 1] == '\r' ? i - 1 : i;
        return new Line(i + 1, lineLength);
      }
    }
    return length >= maxLineLength ? new TooLong(maxLineLength) : NEED_MORE;
  }

  /** Looks at the bytes between the buffer's position and limit; the position does not move. */
  public Frame next(ByteBuffer buffer) {
    int length = buffer.remaining();
    int limit = Math.min(length, maxLineLength);
    int start = buffer.position();
    for (int i = 0; i < limit; i++) {
      if (buffer.get(start + i) == '\n') {
        int lineLength = i > 0 && buffer.get(start + i - 1) == '\r' ? i - 1 : i;
        return new Line(i + 1, lineLength);
      }
    }
    return length >= maxLineLength ? new TooLong(maxLineLength) : NEED_MORE;
  }
}

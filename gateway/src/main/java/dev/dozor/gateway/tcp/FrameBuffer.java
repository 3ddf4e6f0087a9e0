package dev.dozor.gateway.tcp;

import io.vertx.core.buffer.Buffer;

/**
 * Collects a connection's bytes until the session finds whole frames in them, and refuses to hold
 * more than {@code maxBytes} unconsumed: a frame larger than that, or garbage without a frame
 * boundary, ends the connection instead of the gateway's memory.
 */
public final class FrameBuffer {
  private final int maxBytes;
  private Buffer buffer = Buffer.buffer();
  private int start;

  public FrameBuffer(int maxBytes) {
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes must be positive, got " + maxBytes);
    }
    this.maxBytes = maxBytes;
  }

  /**
   * Appends received bytes.
   *
   * @throws TcpProtocolException when more than {@code maxBytes} would be buffered
   */
  public void append(Buffer data) {
    int unconsumed = length();
    if ((long) unconsumed + data.length() > maxBytes) {
      throw new TcpProtocolException(
          "more than " + maxBytes + " bytes without a complete frame (max-frame-bytes)");
    }
    if (start > 0) {
      buffer = unconsumed == 0 ? Buffer.buffer() : buffer.getBuffer(start, buffer.length());
      start = 0;
    }
    buffer.appendBuffer(data);
  }

  /** Bytes received and not consumed yet. */
  public int length() {
    return buffer.length() - start;
  }

  /** The unconsumed bytes, without copying; valid until the next {@link #append}. */
  public Buffer view() {
    return buffer.slice(start, buffer.length());
  }

  /** Drops the first {@code bytes} unconsumed bytes (a frame the session has handled). */
  public void consume(int bytes) {
    if (bytes < 0 || bytes > length()) {
      throw new IllegalArgumentException("cannot consume " + bytes + " of " + length() + " bytes");
    }
    start += bytes;
  }
}

package dev.dozor.protocol.egts;

/**
 * A bounds-checked little-endian cursor over part of a frame. Every read that would pass the limit
 * throws {@link EgtsDecodeException} naming the field and its offset in the frame, so decoders
 * never see an index exception.
 */
final class EgtsReader {
  private final byte[] buf;
  private final int frameStart;
  private final int limit;
  private final int packetId;
  private final int shortCode;
  private int pos;

  /**
   * @param buf the bytes
   * @param frameStart index of the frame's first byte (offsets in messages are relative to it)
   * @param pos index of the first byte to read
   * @param limit index after the last readable byte
   * @param packetId PID for errors, -1 when unknown
   * @param shortCode result code when a field is cut off by the limit
   */
  EgtsReader(byte[] buf, int frameStart, int pos, int limit, int packetId, int shortCode) {
    this.buf = buf;
    this.frameStart = frameStart;
    this.pos = pos;
    this.limit = limit;
    this.packetId = packetId;
    this.shortCode = shortCode;
  }

  int remaining() {
    return limit - pos;
  }

  boolean hasRemaining() {
    return pos < limit;
  }

  /** Offset of the next byte, relative to the frame start. */
  int offset() {
    return pos - frameStart;
  }

  int u8(String field) throws EgtsDecodeException {
    need(1, field);
    return buf[pos++] & 0xFF;
  }

  int u16(String field) throws EgtsDecodeException {
    need(2, field);
    int v = (buf[pos] & 0xFF) | (buf[pos + 1] & 0xFF) << 8;
    pos += 2;
    return v;
  }

  int u24(String field) throws EgtsDecodeException {
    need(3, field);
    int v = (buf[pos] & 0xFF) | (buf[pos + 1] & 0xFF) << 8 | (buf[pos + 2] & 0xFF) << 16;
    pos += 3;
    return v;
  }

  long u32(String field) throws EgtsDecodeException {
    need(4, field);
    long v =
        (buf[pos] & 0xFFL)
            | (buf[pos + 1] & 0xFFL) << 8
            | (buf[pos + 2] & 0xFFL) << 16
            | (buf[pos + 3] & 0xFFL) << 24;
    pos += 4;
    return v;
  }

  byte[] bytes(int n, String field) throws EgtsDecodeException {
    need(n, field);
    byte[] out = new byte[n];
    System.arraycopy(buf, pos, out, 0, n);
    pos += n;
    return out;
  }

  /**
   * A reader over the next {@code n} bytes, which this reader skips. When fewer remain, fails with
   * {@code overrunCode}; reads past the slice fail with {@code innerShortCode}.
   */
  EgtsReader slice(int n, String field, int overrunCode, int innerShortCode)
      throws EgtsDecodeException {
    if (n > remaining()) {
      throw error(
          overrunCode,
          field
              + " = "
              + n
              + " at offset "
              + offset()
              + " overruns its container ("
              + remaining()
              + " bytes left)");
    }
    EgtsReader inner = new EgtsReader(buf, frameStart, pos, pos + n, packetId, innerShortCode);
    pos += n;
    return inner;
  }

  EgtsDecodeException error(int code, String message) {
    return new EgtsDecodeException(code, packetId, message);
  }

  private void need(int n, String field) throws EgtsDecodeException {
    if (n > limit - pos) {
      throw error(
          shortCode,
          field
              + " at offset "
              + offset()
              + " needs "
              + n
              + " bytes, only "
              + remaining()
              + " left");
    }
  }
}

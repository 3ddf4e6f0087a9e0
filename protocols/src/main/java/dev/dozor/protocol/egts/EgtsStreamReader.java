package dev.dozor.protocol.egts;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads whole EGTS frames from a blocking stream, for device-side code (simulator, benchmark,
 * tests). The server side frames non-blocking buffers with {@link EgtsFrameDecoder} directly.
 */
public final class EgtsStreamReader {
  private final InputStream in;
  private final EgtsFrameDecoder frames;
  private byte[] buffer = new byte[4096];
  private int buffered;

  public EgtsStreamReader(InputStream in, int maxFrameBytes) {
    this.in = in;
    this.frames = new EgtsFrameDecoder(maxFrameBytes);
  }

  /**
   * The next frame's bytes.
   *
   * @throws IOException when the stream ends or fails
   * @throws EgtsDecodeException when the bytes are not a valid frame
   */
  public byte[] nextFrame() throws IOException, EgtsDecodeException {
    while (true) {
      EgtsFrameStatus s = frames.probe(buffer, 0, buffered);
      if (s instanceof EgtsFrameStatus.Complete c) {
        byte[] frame = Arrays.copyOf(buffer, c.frameLength());
        System.arraycopy(buffer, c.frameLength(), buffer, 0, buffered - c.frameLength());
        buffered -= c.frameLength();
        return frame;
      }
      if (s instanceof EgtsFrameStatus.Invalid invalid) {
        throw invalid.toException();
      }
      int need = ((EgtsFrameStatus.NeedMore) s).totalBytes();
      if (need > buffer.length) {
        buffer = Arrays.copyOf(buffer, Math.max(need, buffer.length * 2));
      }
      int n = in.read(buffer, buffered, buffer.length - buffered);
      if (n < 0) {
        throw new IOException("the peer closed the EGTS connection");
      }
      buffered += n;
    }
  }

  /** The next frame, decoded. */
  public EgtsPacket nextPacket() throws IOException, EgtsDecodeException {
    return EgtsPacketDecoder.decode(nextFrame());
  }
}

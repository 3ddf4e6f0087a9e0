package dev.dozor.rules.engine;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * An in-memory output stream kept as a list of 64 KiB chunks. A partition's serialized state (3 MB
 * at 1,650 vehicles) written into a {@link java.io.ByteArrayOutputStream} grew by doubling and was
 * copied once more at the end: about 11 MB of allocation, most of it in arrays large enough to be
 * G1 "humongous" objects, each of which can start a collection on the engine's thread. Chunks are
 * allocated once and never copied; {@link #writeTo} hands them to the compressor.
 */
public final class ChunkedBytes extends OutputStream {
  static final int CHUNK = 64 * 1024;

  private final List<byte[]> chunks = new ArrayList<>();
  private byte[] current;
  private int used;
  private long size;

  @Override
  public void write(int b) {
    if (current == null || used == CHUNK) {
      nextChunk();
    }
    current[used++] = (byte) b;
    size++;
  }

  @Override
  public void write(byte[] b, int off, int len) {
    while (len > 0) {
      if (current == null || used == CHUNK) {
        nextChunk();
      }
      int n = Math.min(len, CHUNK - used);
      System.arraycopy(b, off, current, used, n);
      used += n;
      off += n;
      len -= n;
      size += n;
    }
  }

  private void nextChunk() {
    current = new byte[CHUNK];
    chunks.add(current);
    used = 0;
  }

  /** The number of bytes written. */
  public long size() {
    return size;
  }

  /** Writes every byte, in order, to {@code out}. */
  public void writeTo(OutputStream out) throws IOException {
    for (int i = 0; i < chunks.size(); i++) {
      byte[] chunk = chunks.get(i);
      out.write(chunk, 0, i == chunks.size() - 1 ? used : CHUNK);
    }
  }

  /** A copy as one array (tests; the checkpoint path uses {@link #writeTo}). */
  public byte[] toByteArray() {
    byte[] all = new byte[Math.toIntExact(size)];
    int at = 0;
    for (int i = 0; i < chunks.size(); i++) {
      int n = i == chunks.size() - 1 ? used : CHUNK;
      System.arraycopy(chunks.get(i), 0, all, at, n);
      at += n;
    }
    return all;
  }
}

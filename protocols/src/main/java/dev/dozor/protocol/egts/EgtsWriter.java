package dev.dozor.protocol.egts;

import java.util.Arrays;

/** A growable little-endian byte sink for the encoders; checks every value fits its field. */
final class EgtsWriter {
  private byte[] buf = new byte[64];
  private int size;

  int size() {
    return size;
  }

  EgtsWriter u8(int v, String field) {
    check(v, 0xFF, field);
    ensure(1);
    buf[size++] = (byte) v;
    return this;
  }

  EgtsWriter u16(int v, String field) {
    check(v, 0xFFFF, field);
    ensure(2);
    buf[size++] = (byte) v;
    buf[size++] = (byte) (v >> 8);
    return this;
  }

  EgtsWriter u24(int v, String field) {
    check(v, 0xFF_FFFF, field);
    ensure(3);
    buf[size++] = (byte) v;
    buf[size++] = (byte) (v >> 8);
    buf[size++] = (byte) (v >> 16);
    return this;
  }

  EgtsWriter u32(long v, String field) {
    if (v < 0 || v > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException(field + " " + v + " does not fit 32 unsigned bits");
    }
    ensure(4);
    buf[size++] = (byte) v;
    buf[size++] = (byte) (v >> 8);
    buf[size++] = (byte) (v >> 16);
    buf[size++] = (byte) (v >> 24);
    return this;
  }

  EgtsWriter bytes(byte[] b) {
    ensure(b.length);
    System.arraycopy(b, 0, buf, size, b.length);
    size += b.length;
    return this;
  }

  /** Overwrites the 16-bit value at {@code index} (for lengths known only afterwards). */
  void putU16(int index, int v, String field) {
    check(v, 0xFFFF, field);
    buf[index] = (byte) v;
    buf[index + 1] = (byte) (v >> 8);
  }

  byte[] array() {
    return buf;
  }

  byte[] toByteArray() {
    return Arrays.copyOf(buf, size);
  }

  private static void check(int v, int max, String field) {
    if (v < 0 || v > max) {
      throw new IllegalArgumentException(field + " " + v + " is outside [0, " + max + "]");
    }
  }

  private void ensure(int n) {
    if (size + n > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
    }
  }
}

package dev.dozor.rules.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ChunkedBytesTest {

  @Test
  void bytesWrittenAcrossChunkBoundariesComeBackInOrder() throws IOException {
    Random random = new Random(7);
    ChunkedBytes chunked = new ChunkedBytes();
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    // single bytes and runs of every size around the chunk length, so writes start, end and
    // straddle chunk boundaries
    int[] runs = {
      1, ChunkedBytes.CHUNK - 1, 1, 1, ChunkedBytes.CHUNK, 3 * ChunkedBytes.CHUNK + 5, 0
    };
    for (int run : runs) {
      byte[] data = new byte[run];
      random.nextBytes(data);
      if (run == 1) {
        chunked.write(data[0]);
      } else {
        chunked.write(data, 0, run);
      }
      expected.write(data, 0, run);
    }
    ByteArrayOutputStream written = new ByteArrayOutputStream();
    chunked.writeTo(written);

    assertEquals(expected.size(), chunked.size());
    assertArrayEquals(expected.toByteArray(), written.toByteArray());
    assertArrayEquals(expected.toByteArray(), chunked.toByteArray());
  }

  @Test
  void anEmptyStreamWritesNothing() throws IOException {
    ChunkedBytes chunked = new ChunkedBytes();
    ByteArrayOutputStream written = new ByteArrayOutputStream();
    chunked.writeTo(written);

    assertEquals(0, chunked.size());
    assertEquals(0, written.size());
    assertEquals(0, chunked.toByteArray().length);
  }

  @Test
  void anExactMultipleOfTheChunkLengthEndsWithAFullChunk() throws IOException {
    ChunkedBytes chunked = new ChunkedBytes();
    byte[] data = new byte[2 * ChunkedBytes.CHUNK];
    new Random(3).nextBytes(data);
    chunked.write(data, 0, data.length);
    ByteArrayOutputStream written = new ByteArrayOutputStream();
    chunked.writeTo(written);

    assertArrayEquals(data, written.toByteArray());
  }
}

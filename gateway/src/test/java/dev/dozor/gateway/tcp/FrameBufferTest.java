package dev.dozor.gateway.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

class FrameBufferTest {

  @Test
  void keepsUnconsumedBytesAcrossAppends() {
    FrameBuffer frames = new FrameBuffer(16);
    frames.append(Buffer.buffer("abc\nde"));
    frames.consume(4);
    frames.append(Buffer.buffer("f\n"));
    assertEquals("def\n", frames.view().toString());
    frames.consume(4);
    assertEquals(0, frames.length());
  }

  @Test
  void acceptsExactlyMaxBytesAndRefusesOneMore() {
    FrameBuffer frames = new FrameBuffer(8);
    frames.append(Buffer.buffer("12345678"));
    assertEquals(8, frames.length());
    TcpProtocolException e =
        assertThrows(TcpProtocolException.class, () -> frames.append(Buffer.buffer("9")));
    assertEquals("more than 8 bytes without a complete frame (max-frame-bytes)", e.getMessage());
  }

  @Test
  void consumedBytesDoNotCountAgainstTheLimit() {
    FrameBuffer frames = new FrameBuffer(4);
    frames.append(Buffer.buffer("abcd"));
    frames.consume(3);
    frames.append(Buffer.buffer("efg"));
    assertEquals("defg", frames.view().toString());
  }
}

package dev.dozor.protocol.wialon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dozor.protocol.wialon.WialonLineFramer.Line;
import dev.dozor.protocol.wialon.WialonLineFramer.NeedMore;
import dev.dozor.protocol.wialon.WialonLineFramer.TooLong;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WialonLineFramerTest {
  private final WialonLineFramer framer = new WialonLineFramer(64);

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void findsALineEndingInCrLf() {
    byte[] buffer = bytes("#P#\r\n#SD#rest");
    assertEquals(new Line(5, 3), framer.next(buffer, 0, buffer.length));
  }

  @Test
  void findsTheNextLineFromAnOffset() {
    byte[] buffer = bytes("#P#\r\n#L#123;NA\r\n");
    assertEquals(new Line(11, 9), framer.next(buffer, 5, buffer.length - 5));
  }

  @Test
  void acceptsABareLineFeed() {
    byte[] buffer = bytes("#P#\n");
    assertEquals(new Line(4, 3), framer.next(buffer, 0, buffer.length));
  }

  @Test
  void needsMoreWithoutALineEnd() {
    byte[] buffer = bytes("#SD#270413;2056");
    assertInstanceOf(NeedMore.class, framer.next(buffer, 0, buffer.length));
    assertInstanceOf(NeedMore.class, framer.next(buffer, 0, 0));
  }

  @Test
  void needsMoreWhenOnlyTheCarriageReturnArrived() {
    byte[] buffer = bytes("#P#\r");
    assertInstanceOf(NeedMore.class, framer.next(buffer, 0, buffer.length));
  }

  @Test
  void reportsTooLongWhenNoLineEndFitsTheLimit() {
    byte[] buffer = new byte[100];
    assertEquals(new TooLong(64), framer.next(buffer, 0, buffer.length));
    assertEquals(new TooLong(64), framer.next(buffer, 0, 64));
    assertInstanceOf(NeedMore.class, framer.next(buffer, 0, 63));
  }

  @Test
  void acceptsALineOfExactlyTheLimit() {
    byte[] buffer = new byte[64];
    java.util.Arrays.fill(buffer, (byte) 'A');
    buffer[62] = '\r';
    buffer[63] = '\n';
    assertEquals(new Line(64, 62), framer.next(buffer, 0, buffer.length));
  }

  @Test
  void passesNulGarbageOnAsALineForTheDecoderToReject() {
    byte[] buffer = {0, 0, '#', 'P', '#', '\r', '\n'};
    Line line = assertInstanceOf(Line.class, framer.next(buffer, 0, buffer.length));
    assertInstanceOf(
        WialonDecodeResult.Unrecognized.class,
        WialonPacketDecoder.decode(buffer, 0, line.lineLength(), WialonVersion.V1_1));
  }

  @Test
  void readsAByteBufferWithoutMovingIt() {
    ByteBuffer buffer = ByteBuffer.wrap(bytes("xx#P#\r\n"));
    buffer.position(2);
    assertEquals(new Line(5, 3), framer.next(buffer));
    assertEquals(2, buffer.position());
  }

  @Test
  void refusesALimitBelowTheShortestPacketAndBadBounds() {
    assertThrows(IllegalArgumentException.class, () -> new WialonLineFramer(2));
    assertThrows(IndexOutOfBoundsException.class, () -> framer.next(new byte[4], 2, 3));
  }
}

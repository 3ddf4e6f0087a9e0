package dev.dozor.protocol.wialon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.dozor.protocol.FixSanity;
import dev.dozor.protocol.RawFix;
import java.time.Instant;
import java.util.Optional;

/** Shared assertions of the Wialon tests. */
final class WialonAssertions {
  /** Two fixes that round-trip through 1e-5 minutes differ by less than this, degrees. */
  static final double COORDINATE_TOLERANCE = 1e-6;

  private WialonAssertions() {}

  /** The fix passes the gateway's sanity check at server time {@code now}. */
  static void assertSane(RawFix fix, Instant now) {
    Optional<String> problem = FixSanity.DEFAULT.problem(fix, now);
    assertTrue(problem.isEmpty(), () -> problem.orElse("") + " in " + fix);
  }

  /** Decodes a line that must decode. */
  static WialonPacket decoded(String line, WialonVersion version) {
    WialonDecodeResult result = WialonPacketDecoder.decode(line, version);
    if (result instanceof WialonDecodeResult.Decoded decoded) {
      return decoded.packet();
    }
    return fail("expected " + line.strip() + " to decode, got " + result);
  }

  /** Decodes a line that must decode to a packet of class {@code type}. */
  static <T extends WialonPacket> T decoded(String line, WialonVersion version, Class<T> type) {
    return assertInstanceOf(type, decoded(line, version));
  }

  /** Decodes a line that must be rejected. */
  static WialonDecodeResult.Rejected rejected(String line, WialonVersion version) {
    return assertInstanceOf(
        WialonDecodeResult.Rejected.class, WialonPacketDecoder.decode(line, version), line);
  }

  /** What the server answers to {@code line}: the accepted answer or the rejection's code. */
  static String answerTo(String line, WialonVersion version) {
    WialonDecodeResult result = WialonPacketDecoder.decode(line, version);
    if (result instanceof WialonDecodeResult.Decoded decoded) {
      return WialonAnswerEncoder.encode(WialonAnswer.acceptedFor(decoded.packet()));
    }
    if (result instanceof WialonDecodeResult.Rejected rejected) {
      return WialonAnswerEncoder.encode(rejected.answer());
    }
    return "(no answer: " + result + ")";
  }

  /** A 2.0 packet built by hand: {@code #type#body;crc16\r\n} with the right CRC. */
  static String v2(String type, String body) {
    String signed = body + ";";
    return "#" + type + "#" + signed + WialonCrc16.format(WialonCrc16.compute(signed)) + "\r\n";
  }

  /** A 2.0 black box built by hand: {@code #B#msg|msg|crc16\r\n}. */
  static String v2BlackBox(String messages) {
    String signed = messages + "|";
    return "#B#" + signed + WialonCrc16.format(WialonCrc16.compute(signed)) + "\r\n";
  }

  /** Same body, coordinates within {@link #COORDINATE_TOLERANCE}, everything else exact. */
  static void assertSameData(WialonData expected, WialonData actual) {
    assertEquals(expected.time(), actual.time(), "time");
    assertEquals(expected.hasPosition(), actual.hasPosition(), "has position");
    if (expected.hasPosition()) {
      assertEquals(expected.lat(), actual.lat(), COORDINATE_TOLERANCE, "lat");
      assertEquals(expected.lon(), actual.lon(), COORDINATE_TOLERANCE, "lon");
    }
    assertEquals(expected.speedKmh(), actual.speedKmh(), "speed");
    assertEquals(expected.courseDeg(), actual.courseDeg(), "course");
    assertEquals(expected.altitudeM(), actual.altitudeM(), "altitude");
    assertEquals(expected.satellites(), actual.satellites(), "satellites");
    assertEquals(expected.hdop(), actual.hdop(), "hdop");
    assertEquals(expected.inputs(), actual.inputs(), "inputs");
    assertEquals(expected.outputs(), actual.outputs(), "outputs");
    assertEquals(expected.adc(), actual.adc(), "adc");
    assertEquals(expected.ibutton(), actual.ibutton(), "ibutton");
    assertEquals(expected.params(), actual.params(), "params");
  }
}

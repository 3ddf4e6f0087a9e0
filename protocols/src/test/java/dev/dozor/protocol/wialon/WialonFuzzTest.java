package dev.dozor.protocol.wialon;

import static dev.dozor.protocol.wialon.WialonAssertions.v2;
import static dev.dozor.protocol.wialon.WialonAssertions.v2BlackBox;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.dozor.protocol.FixSanity;
import dev.dozor.protocol.RawFix;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Mutates valid lines (fixed seed) and checks that the decoder only ever returns its result type,
 * that every answer can be written, and that every fix is in range or flagged by FixSanity.
 */
class WialonFuzzTest {
  private static final long SEED = 20240315L;
  private static final int MUTANTS_PER_LINE = 1_500;
  private static final Instant NOW = Instant.parse("2024-03-15T09:00:00Z");
  private static final String SD = "150324;080000;5544.6025;N;03739.6834;E;42.5;271;156;11";
  private static final String D =
      SD + ";0.8;165;1;12.5,NA,3.6;00000A1B2C3D;plough:1:1,rate:2:12.5,hw:3:V4.5,Бат:3:100 %";
  private static final String[] REPLACEMENTS = {
    "99999999999999999999999",
    "-1",
    "-99999",
    "1e400",
    "NaN",
    "Infinity",
    "0x1F",
    "NA",
    "",
    "-0",
    "360",
    "9000.0001",
    "18000.0000",
    "4294967296",
    "9223372036854775808",
    "0.0000001",
    "255",
    "256",
    "\u0000",
    "\u00ff",
    "Ж",
    "00000000000000000000000000000000001"
  };
  private static final String INSERTS = ";#|,:.-\r\n\u0000 NA";

  private static List<String> seeds() {
    List<String> lines = new ArrayList<>();
    lines.add("#L#862462031400566;NA\r\n");
    lines.add(v2("L", "2.0;862462031400566;pass"));
    lines.add("#SD#" + SD + "\r\n");
    lines.add(v2("SD", SD));
    lines.add("#SD#" + SD.replace(";N;", ";S;").replace(";E;", ";W;") + "\r\n");
    lines.add("#D#" + D + "\r\n");
    lines.add(v2("D", D));
    lines.add("#D#NA;NA;NA;NA;NA;NA;NA;NA;NA;NA;NA;NA;NA;NA;NA;NA\r\n");
    lines.add("#B#" + SD + "|" + D + "|" + SD + "\r\n");
    lines.add(v2BlackBox(SD + "|" + D + "|" + SD));
    lines.add(WialonDeviceEncoder.data(WialonVersion.V2_0, richData()));
    lines.add(WialonDeviceEncoder.data(WialonVersion.V1_1, richData()));
    lines.add("#P#\r\n");
    lines.add(
        "#D#101118;061143;0756.0930;N;12338.6403;E;18.223;99.766;-4.000;10;0.800;NA;NA;NA;NA;"
            + "101_521347:1:521249,101_521126:1:6593598;F24A\r\n");
    return lines;
  }

  private static WialonData richData() {
    return WialonData.position(NOW.minusSeconds(30), -12.5, 170.25, 88.0, 359.5, -20.0, 4)
        .withExtended(
            2.5,
            WialonData.MAX_BITMASK,
            7L,
            List.of(1.0, 2.0),
            "KEY",
            List.of(new WialonParam.IntParam("n", -5), new WialonParam.TextParam("t", "x:y")));
  }

  @Test
  void mutatedLinesNeverEscapeTheResultType() {
    Random random = new Random(SEED);
    int mutants = 0;
    int decoded = 0;
    int rejected = 0;
    int fixes = 0;
    for (String seed : seeds()) {
      for (int i = 0; i < MUTANTS_PER_LINE; i++) {
        String mutated = mutate(seed, random);
        String mutant = random.nextBoolean() ? resign(mutated) : mutated;
        mutants++;
        for (WialonVersion version : WialonVersion.values()) {
          WialonDecodeResult result = decode(mutant, version);
          if (result instanceof WialonDecodeResult.Decoded d) {
            decoded++;
            fixes += checkPacket(d.packet(), mutant);
          } else if (result instanceof WialonDecodeResult.Rejected r) {
            rejected++;
            assertFalse(r.reason().startsWith("internal"), () -> r.reason() + " for " + mutant);
            assertEquals(r.type(), r.answer().answers());
            assertNotNull(WialonAnswerEncoder.encode(r.answer()));
          } else {
            assertNotNull(((WialonDecodeResult.Unrecognized) result).reason());
          }
        }
      }
    }
    assertTrue(mutants >= 20_000, "mutants: " + mutants);
    assertTrue(decoded > 1_000, "decoded: " + decoded);
    assertTrue(rejected > 5_000, "rejected: " + rejected);
    assertTrue(fixes > 1_000, "fixes: " + fixes);
  }

  @Test
  void randomBytesNeverEscapeTheResultType() {
    Random random = new Random(SEED + 1);
    for (int i = 0; i < 5_000; i++) {
      byte[] line = new byte[random.nextInt(80)];
      random.nextBytes(line);
      if (line.length > 3 && random.nextBoolean()) {
        line[0] = '#';
        line[1] = (byte) "LSDBP".charAt(random.nextInt(5));
        line[2] = '#';
      }
      for (WialonVersion version : WialonVersion.values()) {
        WialonDecodeResult result = WialonPacketDecoder.decode(line, version);
        assertNotNull(result);
        if (result instanceof WialonDecodeResult.Rejected r) {
          assertFalse(r.reason().startsWith("internal"), r.reason());
        }
      }
    }
  }

  private static WialonDecodeResult decode(String line, WialonVersion version) {
    try {
      return WialonPacketDecoder.decode(line, version);
    } catch (RuntimeException e) {
      return fail("decoder threw " + e + " for " + line, e);
    }
  }

  /** Checks the decoded values and maps them; returns the number of fixes. */
  private static int checkPacket(WialonPacket packet, String line) {
    assertNotNull(WialonAnswerEncoder.encode(WialonAnswer.acceptedFor(packet)));
    List<WialonPacket.DataMessage> messages = new ArrayList<>();
    if (packet instanceof WialonPacket.DataMessage message) {
      messages.add(message);
    } else if (packet instanceof WialonPacket.BlackBox blackBox) {
      messages.addAll(blackBox.accepted());
    }
    for (WialonPacket.DataMessage message : messages) {
      RawFix fix = WialonFixMapper.toFix(message, NOW);
      checkRanges(fix, line);
      Optional<String> problem = FixSanity.DEFAULT.problem(fix, NOW);
      if (problem.isEmpty()) {
        assertTrue(fix.valid() && Math.abs(fix.lat()) <= 90, line);
      }
    }
    return messages.size();
  }

  /** Whatever FixSanity says, the decoder itself never lets these out of range. */
  private static void checkRanges(RawFix fix, String line) {
    String where = " in " + fix + " from " + line;
    assertNotNull(fix.fixTime(), "time" + where);
    assertTrue(fix.lat() >= -90 && fix.lat() <= 90, "lat" + where);
    assertTrue(fix.lon() >= -180 && fix.lon() <= 180, "lon" + where);
    if (fix.speedKmh() != null) {
      assertTrue(Double.isFinite(fix.speedKmh()) && fix.speedKmh() >= 0, "speed" + where);
    }
    if (fix.headingDeg() != null) {
      assertTrue(fix.headingDeg() >= 0 && fix.headingDeg() < 360, "heading" + where);
    }
    if (fix.altitudeM() != null) {
      assertTrue(Math.abs(fix.altitudeM()) <= 100_000, "altitude" + where);
    }
    if (fix.satellites() != null) {
      assertTrue(fix.satellites() >= 0 && fix.satellites() <= 255, "satellites" + where);
    }
    for (Map.Entry<String, Double> input : fix.inputs().entrySet()) {
      assertTrue(Double.isFinite(input.getValue()), input.getKey() + where);
    }
  }

  private static String mutate(String line, Random random) {
    StringBuilder s = new StringBuilder(line);
    int edits = 1 + random.nextInt(3);
    for (int e = 0; e < edits && s.length() > 0; e++) {
      int at = random.nextInt(s.length());
      switch (random.nextInt(7)) {
        case 0 -> s.setCharAt(at, (char) (0x20 + random.nextInt(0x5F))); // flip to printable
        case 1 -> s.setCharAt(at, (char) random.nextInt(0x100)); // flip to any byte value
        case 2 -> s.deleteCharAt(at);
        case 3 -> s.insert(at, INSERTS.charAt(random.nextInt(INSERTS.length())));
        case 4 -> replaceNumber(s, at, REPLACEMENTS[random.nextInt(REPLACEMENTS.length)]);
        case 5 -> s.setLength(at); // truncation
        default -> s.insert(at, s.substring(at, Math.min(s.length(), at + random.nextInt(20))));
      }
    }
    return s.toString();
  }

  /** Replaces the run of digits (and dots) around {@code at} by {@code replacement}. */
  private static void replaceNumber(StringBuilder s, int at, String replacement) {
    int start = at;
    while (start > 0 && isNumberChar(s.charAt(start - 1))) {
      start--;
    }
    int end = at;
    while (end < s.length() && isNumberChar(s.charAt(end))) {
      end++;
    }
    s.replace(start, end, replacement);
  }

  private static boolean isNumberChar(char c) {
    return (c >= '0' && c <= '9') || c == '.';
  }

  /** Recomputes a 2.0 checksum so that the mutation reaches the field checks. */
  private static String resign(String line) {
    String body = line.endsWith("\r\n") ? line.substring(0, line.length() - 2) : line;
    int header = body.indexOf('#', 1);
    if (!body.startsWith("#") || header < 0) {
      return line;
    }
    char separator = body.startsWith("#B#") ? '|' : ';';
    int last = body.lastIndexOf(separator);
    if (last <= header) {
      return line;
    }
    byte[] signed = body.substring(header + 1, last + 1).getBytes(StandardCharsets.UTF_8);
    return body.substring(0, last + 1)
        + WialonCrc16.format(WialonCrc16.compute(signed, 0, signed.length))
        + "\r\n";
  }
}

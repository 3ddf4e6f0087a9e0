package dev.dozor.telemetry.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dozor.events.Equipment;
import dev.dozor.events.JsonSerde;
import dev.dozor.events.TelemetryPoint;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PointLinesTest {
  private static TelemetryPoint point(String vehicle, int s, Map<String, String> attributes) {
    Instant at = Instant.parse("2026-05-11T08:00:00.250Z").plusSeconds(s);
    return new TelemetryPoint(
        1,
        vehicle,
        null,
        at,
        at.plusMillis(1500),
        55.7512345,
        37.6187654,
        37.4,
        s == 0 ? null : 271.3,
        s == 0 ? null : 12345.678,
        new Equipment(true, null, true, 22.5, null, true, null),
        attributes);
  }

  @Test
  void everyPointIsOneLineInTheTopicsJsonFormEndingWithANewline() throws Exception {
    List<TelemetryPoint> points =
        List.of(
            point("a", 0, Map.of()),
            point("b", 1, Map.of("din3", "1", "note", "line\nbreak \"quoted\"")),
            point("c", 2, Map.of("lls1", "402.5")));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (PointLines lines = new PointLines(out)) {
      for (TelemetryPoint p : points) {
        lines.write(p);
      }
    }
    String text = out.toString(StandardCharsets.UTF_8);

    assertTrue(text.endsWith("\n"), text);
    String[] rows = text.split("\n", -1);
    // three lines and the empty rest after the last newline: a newline inside a value is escaped
    assertEquals(4, rows.length, text);
    assertEquals("", rows[3]);
    for (int i = 0; i < points.size(); i++) {
      // byte for byte what the gateway publishes, no separator before or after
      assertEquals(JsonSerde.toJson(points.get(i)), rows[i]);
      assertEquals(points.get(i), JsonSerde.fromJson(rows[i], TelemetryPoint.class));
    }
    // absent values are left out, as on the topic
    assertTrue(!rows[0].contains("headingDeg") && !rows[0].contains("deviceId"), rows[0]);
  }

  @Test
  void noPointsWriteNothing() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (PointLines lines = new PointLines(out)) {
      // nothing to write
    }
    assertEquals(0, out.size());
  }
}

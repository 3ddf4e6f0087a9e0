package dev.dozor.simulator.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dozor.events.TelemetryPoint;
import dev.dozor.simulator.road.SharedData;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplayTest {
  static final String HEADER =
      "latitude,longitude,messageTime,odometer.value,truck_name,timeedit,datetime\n";

  @Test
  void parsesQuotedFieldsAndSkipsBadLinesNamingThem() throws IOException {
    String csv =
        HEADER
            + "43.05536,-76.107377,2021-02-14T00:20:50Z,4850.5,1110735,x,y\n"
            + "\"43.056\",\"-76.108\",2021-02-14T00:21:05Z,4850.6,\"11,07\",\"a \"\"b\"\"\",y\n"
            + "not-a-number,-76.1,2021-02-14T00:21:20Z,1,7,x,y\n"
            + "43.0,-76.1,yesterday,1,7,x,y\n"
            + "43.0,-76.1,2021-02-14T00:21:20Z,1,7\n"
            + "\n"
            + "43.0,-76.1,2021-02-14T00:21:20Z,,7,x,y\n";
    List<String> problems = new ArrayList<>();
    TraceCsv.Result r = TraceCsv.parse(new StringReader(csv), problems::add);
    assertEquals(3, r.fixes().size());
    assertEquals(3, r.badLines());
    assertEquals("11,07", r.fixes().get(1).truck());
    assertNull(r.fixes().get(2).odometerMiles());
    assertTrue(problems.get(0).startsWith("line 4: latitude 'not-a-number'"), problems.get(0));
    assertTrue(problems.get(1).startsWith("line 5: messageTime 'yesterday'"), problems.get(1));
    assertTrue(problems.get(2).startsWith("line 6: 5 fields"), problems.get(2));
  }

  @Test
  void retimesOntoTheStartKeepingRelativeTimingAndDerivesSpeedOdometerAndPlough() {
    Instant t0 = Instant.parse("2021-02-14T00:20:50Z");
    List<TraceFix> trace =
        List.of(
            new TraceFix("A", t0.plusSeconds(30), 43.0009, -76.1, 100.0, 3),
            new TraceFix("A", t0, 43.0, -76.1, 99.9, 2),
            new TraceFix("B", t0.plusSeconds(10), 43.1, -76.2, null, 4),
            new TraceFix("A", t0.plusSeconds(30), 43.0009, -76.1, 100.0, 5), // same instant
            new TraceFix("A", t0.plusSeconds(60), 43.0009, -76.1, 100.0, 6));
    Instant start = Instant.parse("2026-01-15T06:00:00Z");
    Map<String, List<TelemetryPoint>> plan = ReplayPlan.retime(trace, start, 2);
    List<TelemetryPoint> a = plan.get("syr-A");
    assertEquals(3, a.size());
    assertEquals(start, a.get(0).fixTime());
    assertEquals(start.plusSeconds(15), a.get(1).fixTime());
    assertEquals(start.plusSeconds(30), a.get(2).fixTime());
    assertEquals(start.plusSeconds(5), plan.get("syr-B").get(0).fixTime());
    // 100 m north in 30 s of real time = 12 km/h, plough derived down; standing = up
    assertEquals(12.0, a.get(1).speedKmh(), 0.2);
    assertEquals(0.0, a.get(1).headingDeg(), 0.1);
    assertTrue(a.get(1).equipment().isPloughDown());
    assertEquals(0.0, a.get(2).speedKmh());
    assertTrue(!a.get(2).equipment().isPloughDown());
    assertEquals(160.934, a.get(1).odometerKm(), 1e-3);
    assertEquals("dev-syr-A", a.get(0).deviceId());
  }

  @Test
  void theRealSyracuseTraceParsesCompletely() throws IOException {
    Path file = SharedData.file("syracuse-snowplow-2021/gps_data.csv");
    assumeTrue(Files.isReadable(file), "skipped: Syracuse trace not found at " + file);
    TraceCsv.Result r;
    try (Reader reader = Files.newBufferedReader(file)) {
      r = TraceCsv.parse(reader, m -> {});
    }
    assertEquals(25_255, r.fixes().size() + r.badLines());
    Instant start = Instant.parse("2026-01-15T06:00:00Z");
    Map<String, List<TelemetryPoint>> plan = ReplayPlan.retime(r.fixes(), start, 1);
    assertEquals(31, plan.size());
    Instant end = start.plus(Duration.ofDays(3));
    plan.values()
        .forEach(
            fixes -> {
              for (int i = 1; i < fixes.size(); i++) {
                assertTrue(fixes.get(i).fixTime().isAfter(fixes.get(i - 1).fixTime()));
                assertTrue(!fixes.get(i).fixTime().isAfter(end));
                assertTrue(fixes.get(i).speedKmh() <= ReplayPlan.MAX_REPORTED_KMH);
              }
            });
  }
}

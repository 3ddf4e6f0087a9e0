package dev.dozor.simulator.firehose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dozor.events.TelemetryPoint;
import dev.dozor.simulator.fleet.Fleet;
import dev.dozor.simulator.fleet.FleetConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FirehosePacerTest {
  static final Instant WALL = Instant.parse("2026-01-15T06:00:00Z");

  @Test
  void producesTheAskedRateWithIncreasingFixTimesNeverInTheFuture() {
    FirehosePacer pacer = new FirehosePacer(200, 2_000, 10, Duration.ofSeconds(60), WALL);
    assertEquals(Duration.ofSeconds(1), pacer.fixInterval());
    assertEquals(2_000, pacer.effectiveRate(), 1e-9);
    // 60 s at K = 10 cover 10 simulated minutes, ending at the wall clock's end
    assertEquals(WALL.minus(Duration.ofMinutes(9)), pacer.simStart());
    Fleet fleet =
        Fleet.create(
            FleetConfig.defaults()
                .withVehicles(200)
                .withOffenders(0)
                .withInterval(pacer.fixInterval()),
            pacer.simStart());
    Map<String, Instant> last = new HashMap<>();
    int[] perSecond = new int[60];
    for (int ms = 0; ms <= 60_000; ms += 50) {
      Instant wall = WALL.plusMillis(ms);
      List<TelemetryPoint> points = fleet.step(pacer.simTimeAt(wall));
      for (TelemetryPoint p : points) {
        assertFalse(p.fixTime().isAfter(wall), "fix in the future: " + p);
        Instant before = last.put(p.vehicleId(), p.fixTime());
        assertTrue(before == null || p.fixTime().isAfter(before), p::toString);
      }
      if (ms > 0 && ms < 60_000) {
        perSecond[(ms - 1) / 1000] += points.size();
      }
    }
    for (int s = 1; s < 59; s++) {
      assertTrue(Math.abs(perSecond[s] - 2_000) <= 200, "second " + s + ": " + perSecond[s]);
    }
    // at the end simulated time has reached the wall clock and stops there
    assertEquals(WALL.plusSeconds(60), pacer.simTimeAt(WALL.plusSeconds(60)));
    assertEquals(WALL.plusSeconds(90), pacer.simTimeAt(WALL.plusSeconds(90)));
  }

  @Test
  void theDefaultCompressionGivesOneFixPerSimulatedSecond() {
    assertEquals(20, FirehosePacer.defaultCompression(1_000, 20_000));
    assertEquals(1, FirehosePacer.defaultCompression(20_000, 5_000));
    FirehosePacer slow = new FirehosePacer(20_000, 5_000, 1, Duration.ofMinutes(1), WALL);
    assertEquals(Duration.ofSeconds(4), slow.fixInterval());
  }

  @Test
  void refusesAnIntervalBelow100msWithAnActionableMessage() {
    String message =
        assertThrows(
                IllegalArgumentException.class,
                () -> new FirehosePacer(100, 20_000, 1, Duration.ofMinutes(1), WALL))
            .getMessage();
    assertTrue(message.contains("raise --time-compression to 20.0"), message);
  }
}

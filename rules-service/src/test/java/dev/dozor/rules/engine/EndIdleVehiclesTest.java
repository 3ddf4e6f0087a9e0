package dev.dozor.rules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dozor.events.ViolationEvent;
import dev.dozor.events.ViolationStatus;
import dev.dozor.rules.registry.RegistryState;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A vehicle silent (wall time) for longer than the idle timeout: its data ends, its open episodes
 * close and every state fact of it is dropped, however many it holds.
 */
class EndIdleVehiclesTest {

  @Test
  void endingASilentVehicleWithSeveralStateFactsClosesItsEpisodesAndDropsItsState() {
    Spd001RuleTest.MutableClock wall =
        new Spd001RuleTest.MutableClock(Instant.parse("2026-01-15T07:00:00Z"));
    RegistryState registry = new RegistryState();
    try (RuleEngine engine =
        new RuleEngine(
            RegulationTestSupport.catalogue(), EngineSettings.defaults(), wall, registry)) {
      // three vehicles of one partition: the session holds three facts of each state class
      String v2 = RuleTestSupport.samePartitionAs(engine, "v1", "w");
      String v3 = RuleTestSupport.samePartitionAs(engine, "v1", "x");
      for (String v : List.of("v1", v2, v3)) {
        registry.vehicle(RuleTestSupport.vehicle(v, "plough", null, null));
      }
      registry.publishPlaces();
      // ploughing at 55 km/h for 95 s: an open SPD-001 episode besides INT-001's and INT-004's
      // state (and more), for each vehicle
      List<ViolationEvent> opened =
          RuleTestSupport.run(
              engine,
              Track.of("v1").fixes(20, 5, 55, true).points(),
              Track.of(v2).fixes(20, 5, 55, true).points(),
              Track.of(v3).fixes(20, 5, 55, true).points());
      assertEquals(
          3,
          RuleTestSupport.of("SPD-001", opened).stream()
              .filter(e -> e.status() == ViolationStatus.OPENED)
              .count(),
          opened.toString());
      assertTrue(engine.factCount("v1") > 2, "several state facts: " + engine.factCount("v1"));

      wall.advance(EngineSettings.defaults().sessionIdleTimeout().plusMinutes(1));
      List<ViolationEvent> ended = engine.endIdleVehicles();

      List<ViolationEvent> closed = RuleTestSupport.of("SPD-001", ended);
      assertEquals(3, closed.size(), ended.toString());
      closed.forEach(e -> assertEquals(ViolationStatus.CLOSED, e.status()));
      assertEquals(0, engine.factCount("v1"));
      assertEquals(0, engine.factCount(v2));
      assertEquals(0, engine.factCount(v3));
      assertEquals(0, engine.activeSessions());
    }
  }
}

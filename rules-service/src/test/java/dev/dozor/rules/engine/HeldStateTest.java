package dev.dozor.rules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dozor.events.TelemetryPoint;
import dev.dozor.events.ViolationEvent;
import dev.dozor.events.ViolationStatus;
import dev.dozor.rules.registry.RegistryState;
import dev.dozor.rules.regulation.RegulationCatalogue;
import dev.dozor.rules.regulation.RegulationParameters;
import dev.dozor.rules.regulation.int001.Int001Watch;
import dev.dozor.rules.regulation.spd002.BrushWindow;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * What a vehicle holds, as its points see it: the counts the rules' cheap conditions ({@code
 * holdsEpisodeOf}, {@code holdsState}, {@code holdsNoState}) read must equal the state facts in the
 * session after every batch, a version activation and a restore, or a rule would skip a join it
 * needs.
 */
class HeldStateTest {
  private static final VehicleState SPD_001_EPISODE =
      new Episode("SPD-001", "v1", null, 0, new RegulationParameters("SPD-001", Map.of()));

  @Test
  void countsFactsByRegulationAndClassAsTheyComeAndGo() {
    HeldState h = new HeldState();
    h.add(SPD_001_EPISODE);
    h.add(SPD_001_EPISODE);

    assertTrue(h.episodeOf("SPD-001"));
    assertFalse(h.episodeOf("SPD-004"));
    assertTrue(h.anyEpisode());
    assertTrue(h.state(Episode.class));
    assertFalse(h.state(BrushWindow.class));
    assertTrue(h.noState(BrushWindow.class));

    h.remove(SPD_001_EPISODE);
    assertTrue(h.episodeOf("SPD-001"), "one of two episodes is still held");
    h.remove(SPD_001_EPISODE);
    assertFalse(h.episodeOf("SPD-001"));
    assertFalse(h.anyEpisode());
    assertTrue(h.isEmpty());
  }

  @Test
  void warmingUpReadsEveryDepthAndChangesNothingHeld() {
    HeldState h = new HeldState();
    for (int depth = 0; depth < BatchWarmUp.DEPTHS; depth++) {
      assertEquals(0, h.warm(depth), "nothing held, nothing counted at depth " + depth);
    }
    h.add(SPD_001_EPISODE);
    h.add(SPD_001_EPISODE);
    h.add(SPD_001_EPISODE);
    h.remove(SPD_001_EPISODE);
    Map<String, Integer> before = h.counts();

    assertEquals(4, h.warm(0), "two held, both episodes, no running tally");
    for (int depth = 0; depth < BatchWarmUp.DEPTHS + 1; depth++) {
      h.warm(depth);
    }
    assertEquals(before, h.counts());
    assertTrue(h.episodeOf("SPD-001"));
  }

  @Test
  void aPointOutsideASessionLetsEveryRuleJoin() {
    VehiclePoint alone =
        new VehiclePoint(
            TelemetryPoint.of("v1", "d1", Track.T0, Track.T0, 55.75, 37.6, 10.0, null, null));

    assertTrue(alone.holdsEpisodeOf("SPD-001"));
    assertTrue(alone.holdsAnyEpisode());
    assertTrue(alone.holdsState(Int001Watch.class));
    assertTrue(alone.holdsNoState(Int001Watch.class), "unknown: the `not` rule must join too");
  }

  @Test
  void theSharedAnswersAreNeverCountedInto() {
    assertThrows(IllegalStateException.class, () -> HeldState.NONE.add(SPD_001_EPISODE));
    assertThrows(IllegalStateException.class, () -> HeldState.UNKNOWN.add(SPD_001_EPISODE));
    assertTrue(HeldState.NONE.noState(Int001Watch.class));
    assertFalse(HeldState.NONE.anyEpisode());
  }

  @Test
  void theCountsMatchTheSessionThroughEpisodesVersionsAndRestores() {
    RegulationCatalogue catalogue = RegulationCatalogue.fromClasspath();
    RuleEngine engine =
        new RuleEngine(
            catalogue, EngineSettings.defaults(), Clock.systemUTC(), new RegistryState());
    List<String> vehicles = List.of("plough-1", "plough-2", "sweeper-1", "plough-3");
    try {
      List<TelemetryPoint> points = new ArrayList<>();
      // plough-1 too fast (SPD-001 opens, then closes), plough-2 silent in between (a data gap
      // ends its episode), sweeper-1 with the brush on too fast, plough-3 jumps (INT-002)
      points.addAll(Track.of("plough-1").fixes(20, 5, 70, true).fixes(5, 5, 30, true).points());
      points.addAll(
          Track.of("plough-2")
              .fixes(20, 5, 70, true)
              .pause(Duration.ofMinutes(20))
              .fixes(5, 5, 70, true)
              .points());
      points.addAll(
          Track.of("sweeper-1")
              .equipment(null, true, null, null, null, null)
              .fixes(40, 5, 25)
              .points());
      points.addAll(
          Track.of("plough-3").fixes(5, 5, 30, true).jump(5_000).fixes(5, 5, 30, true).points());
      List<ViolationEvent> events = new ArrayList<>();
      for (List<TelemetryPoint> batch : inBatchesByFixTime(points, 7)) {
        events.addAll(engine.process(batch));
        vehicles.forEach(v -> assertCountsMatch(engine, v));
      }
      assertTrue(
          events.stream().anyMatch(e -> e.status() == ViolationStatus.CLOSED),
          "the workload opens and closes episodes: " + events);

      engine.activate(catalogue);
      vehicles.forEach(v -> assertCountsMatch(engine, v));

      int partition = engine.partitionOf("plough-2");
      PartitionSnapshot snapshot = engine.snapshot(partition);
      engine.releasePartitions(List.of(partition));
      assertEquals(Map.of(), engine.heldState("plough-2").counts());
      engine.restore(snapshot);
      vehicles.forEach(v -> assertCountsMatch(engine, v));
    } finally {
      engine.close();
    }
  }

  private static void assertCountsMatch(RuleEngine engine, String vehicleId) {
    Map<String, Integer> facts = new TreeMap<>();
    for (VehicleState f : engine.stateFacts(vehicleId)) {
      facts.merge(f.getRegulationId() + " " + f.getClass().getSimpleName(), 1, Integer::sum);
    }
    assertEquals(facts, engine.heldState(vehicleId).counts(), vehicleId);
    // the held state the vehicle's track keeps for its next fix is the session's, not one a
    // replaced session (a new version, a restore) counted
    HeldState next = engine.heldStateOfNextFix(vehicleId);
    if (facts.isEmpty()) {
      assertTrue(next.isEmpty(), vehicleId);
    } else {
      assertSame(engine.heldState(vehicleId), next, vehicleId);
    }
    // and the facts themselves, which the regulations' own conditions read
    for (VehicleState f : engine.stateFacts(vehicleId)) {
      assertTrue(
          engine.heldState(vehicleId).any(f.getClass(), h -> h == f), vehicleId + " holds " + f);
    }
  }

  private static List<List<TelemetryPoint>> inBatchesByFixTime(List<TelemetryPoint> points, int n) {
    List<TelemetryPoint> sorted =
        points.stream().sorted(java.util.Comparator.comparing(TelemetryPoint::fixTime)).toList();
    List<List<TelemetryPoint>> out = new ArrayList<>();
    for (int i = 0; i < sorted.size(); i += n) {
      out.add(sorted.subList(i, Math.min(sorted.size(), i + n)));
    }
    return out;
  }
}

package dev.dozor.rules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dozor.events.TelemetryPoint;
import dev.dozor.events.ViolationEvent;
import dev.dozor.rules.regulation.RegulationCatalogue;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A partition's state written as a checkpoint and restored by another engine continues exactly as
 * if nothing had happened: the same events, with the same ids, none lost or doubled.
 */
class CheckpointRestoreTest {
  private final RegulationCatalogue catalogue = RegulationCatalogue.fromClasspath();

  @Test
  void anotherEngineRestoredFromTheCheckpointGivesTheSameEventsAsAnUninterruptedOne() {
    List<TelemetryPoint> points = new ArrayList<>();
    // a long SPD-001 episode (10 min), spreading at 60 g/m² (SPD-003 chunks), sweeping too fast
    points.addAll(Track.of("plough-1").fixes(120, 5, 60, true).fixes(2, 5, 30, false).points());
    points.addAll(
        Track.of("spreader-1")
            .equipment(null, null, true, 60.0, null, true)
            .fixes(150, 5, 30)
            .equipment(null, null, false, null, null, true)
            .fixes(2, 5, 30)
            .points());
    points.addAll(
        Track.of("sweeper-1")
            .equipment(null, true, null, null, null, true)
            .fixes(80, 5, 18)
            .fixes(2, 5, 5)
            .points());
    points.sort(Comparator.comparing(TelemetryPoint::fixTime));
    int cut = points.size() / 2;

    List<ViolationEvent> uninterrupted;
    try (RuleEngine one = engine()) {
      uninterrupted = new ArrayList<>(one.process(points.subList(0, cut)));
      uninterrupted.addAll(one.process(points.subList(cut, points.size())));
    }

    List<ViolationEvent> handedOver;
    try (RuleEngine first = engine();
        RuleEngine second = engine()) {
      handedOver = new ArrayList<>(first.process(points.subList(0, cut)));
      for (int partition : first.partitions()) {
        byte[] checkpoint = first.snapshot(partition).toBytes();
        second.restore(second.readSnapshot(checkpoint));
      }
      handedOver.addAll(second.process(points.subList(cut, points.size())));
    }

    assertFalse(uninterrupted.isEmpty());
    assertTrue(
        uninterrupted.stream()
            .map(ViolationEvent::regulationId)
            .toList()
            .containsAll(List.of("SPD-001", "SPD-002", "SPD-003")));
    assertEquals(uninterrupted, handedOver);
  }

  @Test
  void reDeliveredPointsAfterARestoreAreSkippedNotDoubled() {
    List<TelemetryPoint> points = Track.of("plough-1").fixes(30, 5, 60, true).points();
    try (RuleEngine first = engine();
        RuleEngine second = engine()) {
      List<ViolationEvent> before = first.process(points);
      int partition = first.partitionOf("plough-1");
      second.restore(second.readSnapshot(first.snapshot(partition).toBytes()));

      assertEquals(List.of(), second.process(points.subList(20, 30)));
      assertEquals(1, before.stream().filter(e -> e.status().name().equals("OPENED")).count());
    }
  }

  @Test
  void bytesThatAreNotACheckpointAreRefusedWithAReason() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> PartitionSnapshot.fromBytes(new byte[] {1, 2, 3}));
    assertEquals(true, e.getMessage().startsWith("not a readable rule-state checkpoint"));
  }

  private RuleEngine engine() {
    return new RuleEngine(catalogue, EngineSettings.defaults(), Clock.systemUTC());
  }
}

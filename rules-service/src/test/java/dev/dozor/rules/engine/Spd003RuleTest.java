package dev.dozor.rules.engine;

import static dev.dozor.events.ViolationStatus.CLOSED;
import static dev.dozor.events.ViolationStatus.OPENED;
import static dev.dozor.events.ViolationStatus.UPDATED;
import static dev.dozor.rules.engine.RegulationTestSupport.of;
import static dev.dozor.rules.engine.RegulationTestSupport.runInBatches;
import static dev.dozor.rules.engine.RegulationTestSupport.runShuffled;
import static dev.dozor.rules.engine.RegulationTestSupport.statuses;
import static dev.dozor.rules.engine.Track.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dozor.events.Equipment;
import dev.dozor.events.TelemetryPoint;
import dev.dozor.events.ViolationEvent;
import dev.dozor.rules.registry.RegistryState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * SPD-003 (spreading density out of norm, per 500 m chunk) on the pure engine. At 38 km/h and a fix
 * every 5 s the spreader drives 52.8 m per fix, so a chunk is done every 10 fixes (528 m).
 */
class Spd003RuleTest {
  private static final String SPD_003 = "SPD-003";
  private static final double CHUNK_SPEED_KMH = 38;
  private static final double METRES_PER_FIX = CHUNK_SPEED_KMH / 3.6 * 5;
  private static final Equipment OFF = new Equipment(null, null, false, null, null, null, null);

  private static Equipment rate(Double gm2) {
    return new Equipment(null, null, true, gm2, null, null, null);
  }

  private static Track spreader() {
    return Track.of("spreader-1");
  }

  private static List<ViolationEvent> run(List<TelemetryPoint> points) {
    return RegulationTestSupport.run(SPD_003, new RegistryState(), points);
  }

  private static List<ViolationEvent> run(RegistryState registry, List<TelemetryPoint> points) {
    return RegulationTestSupport.run(SPD_003, registry, points);
  }

  @Test
  void consecutiveChunksAboveTheNormFormOneEpisodeThatEndsWithAChunkWithinIt() {
    List<TelemetryPoint> points =
        spreader()
            .equipment(rate(60.0))
            .fixes(31, 5, CHUNK_SPEED_KMH) // 0..150 s: chunks done at 50, 100, 150 s
            .equipment(rate(20.0))
            .fixes(10, 5, CHUNK_SPEED_KMH) // 155..200 s: a chunk within the norm done at 200 s
            .points();

    List<ViolationEvent> events = run(points);

    assertEquals(List.of(OPENED, UPDATED, UPDATED, CLOSED), statuses(events));
    String id = ViolationEvent.episodeId(SPD_003, "spreader-1", t(0));
    assertTrue(events.stream().allMatch(e -> e.violationId().equals(id)));
    assertEquals(t(50), events.get(0).eventTime(), "opened when the first chunk is done");
    assertEquals(t(0), events.get(0).startedAt(), "started at the chunk's first fix");
    ViolationEvent closed = events.get(3);
    assertEquals(t(150), closed.endedAt(), "the last fix of the last bad chunk");
    assertEquals(t(200), closed.eventTime(), "the good chunk was done");
    Map<String, Double> m = closed.measurements();
    assertEquals(3.0, m.get("chunks"));
    assertEquals(60.0, m.get("meanRateGm2"), 1e-6);
    assertEquals(30 * METRES_PER_FIX, m.get("spreadM"), 0.5);
    assertEquals(48.0, m.get("normMaxGm2"), 1e-9);
    assertEquals(4.0, m.get("normMinGm2"), 1e-9);
    assertEquals(150.0, m.get("durationS"));
  }

  @Test
  void doesNotFireWithinTheNormOrWithoutAMeasuredRate() {
    assertEquals(
        List.of(), run(spreader().equipment(rate(30.0)).fixes(60, 5, CHUNK_SPEED_KMH).points()));
    assertEquals(
        List.of(),
        run(spreader().equipment(rate(null)).fixes(60, 5, CHUNK_SPEED_KMH).points()),
        "spreader on without a rate cannot be judged");
    assertEquals(
        List.of(),
        run(spreader().equipment(OFF).fixes(60, 5, CHUNK_SPEED_KMH).points()),
        "spreader off");
  }

  @Test
  void doesNotFireExactlyAtTheWidenedBounds() {
    assertEquals(
        List.of(), run(spreader().equipment(rate(48.0)).fixes(31, 5, CHUNK_SPEED_KMH).points()));
    assertEquals(
        List.of(), run(spreader().equipment(rate(4.0)).fixes(31, 5, CHUNK_SPEED_KMH).points()));
  }

  @Test
  void firesJustBeyondTheWidenedBounds() {
    List<ViolationEvent> high =
        run(spreader().equipment(rate(48.1)).fixes(11, 5, CHUNK_SPEED_KMH).points());
    List<ViolationEvent> low =
        run(spreader().equipment(rate(3.9)).fixes(11, 5, CHUNK_SPEED_KMH).points());

    assertEquals(List.of(OPENED), statuses(high));
    assertEquals(List.of(OPENED), statuses(low));
    assertEquals(t(50), low.get(0).eventTime());
  }

  @Test
  void doesNotJudgeAnUnfinishedChunk() {
    List<TelemetryPoint> points =
        spreader()
            .equipment(rate(90.0))
            .fixes(10, 5, CHUNK_SPEED_KMH) // 9 intervals: 475 m
            .equipment(OFF)
            .fixes(40, 5, CHUNK_SPEED_KMH)
            .points();

    assertEquals(List.of(), run(points));
  }

  @Test
  void theRateIsWeightedByDistanceNotByFix() {
    // 400 m at 72 km/h (300 m at 80 g/m², 100 m at 10 g/m²), then ~107 m at 7 km/h at 10 g/m²:
    // the mean of the fixes is 24 g/m² (within the norm) but that of the metres is 51.4 (above)
    List<TelemetryPoint> points =
        spreader()
            .equipment(rate(80.0))
            .fixes(4, 5, 72)
            .equipment(rate(10.0))
            .fixes(12, 5, 7)
            .points();

    List<ViolationEvent> events = run(points);

    assertEquals(List.of(OPENED), statuses(events));
    assertEquals(t(75), events.get(0).eventTime(), "the chunk reached 500 m at the 16th fix");
    double slow = 7 / 3.6 * 5;
    double expected = (300 * 80 + (100 + 11 * slow) * 10) / (400 + 11 * slow);
    assertEquals(expected, events.get(0).measurements().get("meanRateGm2"), 0.01);
  }

  @Test
  void insideAYardTheYardNormApplies() {
    RegistryState registry = new RegistryState();
    registry.zone(Places.squareZone("yard-1", "yard", 55.70, 37.62, 5_000));
    registry.publishPlaces();

    assertEquals(
        List.of(),
        run(registry, spreader().equipment(rate(150.0)).fixes(31, 5, CHUNK_SPEED_KMH).points()),
        "150 g/m² is within the yard norm");
    List<ViolationEvent> events =
        run(registry, spreader().equipment(rate(60.0)).fixes(11, 5, CHUNK_SPEED_KMH).points());
    assertEquals(List.of(OPENED), statuses(events), "60 g/m² is below the yard norm");
    assertEquals(88.0, events.get(0).measurements().get("normMinGm2"), 1e-9);
    assertEquals(264.0, events.get(0).measurements().get("normMaxGm2"), 1e-9);
  }

  @Test
  void aPauseInSpreadingLongerThanMaxPauseEndsTheEpisode() {
    List<TelemetryPoint> points =
        spreader()
            .equipment(rate(60.0))
            .fixes(21, 5, CHUNK_SPEED_KMH) // 0..100 s: chunks done at 50 and 100 s
            .equipment(OFF)
            .fixes(30, 5, CHUNK_SPEED_KMH) // 105..250 s: off for more than 120 s at 225 s
            .points();

    List<ViolationEvent> events = run(points);

    assertEquals(List.of(OPENED, UPDATED, CLOSED), statuses(events));
    assertEquals(t(100), events.get(2).endedAt());
    assertEquals(t(225), events.get(2).eventTime());
  }

  @Test
  void aShortPauseInSpreadingDoesNotSplitTheEpisode() {
    List<TelemetryPoint> points =
        spreader()
            .equipment(rate(60.0))
            .fixes(21, 5, CHUNK_SPEED_KMH) // 0..100 s
            .equipment(OFF)
            .fixes(9, 5, CHUNK_SPEED_KMH) // 105..145 s off: not counted
            .equipment(rate(60.0))
            .fixes(21, 5, CHUNK_SPEED_KMH) // 150..250 s: chunks done at 200 and 250 s
            .points();

    List<ViolationEvent> events = run(points);

    assertEquals(List.of(OPENED, UPDATED, UPDATED, UPDATED), statuses(events));
    assertEquals(1, events.stream().map(ViolationEvent::violationId).distinct().count());
    assertEquals(t(250), events.get(3).eventTime());
    assertEquals(4.0, events.get(3).measurements().get("chunks"));
  }

  @Test
  void shuffledOrBatchedInputGivesTheSameEventsAsInOrderInput() {
    List<TelemetryPoint> points =
        spreader()
            .equipment(rate(2.0))
            .fixes(31, 5, CHUNK_SPEED_KMH)
            .equipment(rate(20.0))
            .fixes(12, 5, CHUNK_SPEED_KMH)
            .equipment(rate(70.0))
            .fixes(25, 5, CHUNK_SPEED_KMH)
            .equipment(OFF)
            .fixes(30, 5, CHUNK_SPEED_KMH)
            .points();
    RegistryState registry = new RegistryState();
    List<ViolationEvent> inOrder = RegulationTestSupport.run(SPD_003, registry, points);
    assertEquals(
        2, inOrder.stream().filter(e -> e.status() == CLOSED).count(), "too little, too much");

    assertEquals(inOrder, runShuffled(SPD_003, registry, points, 3));
    assertEquals(inOrder, runInBatches(SPD_003, registry, points, 13));
  }

  @Test
  void holdsOneChunkAndOneEpisodeWhileSpreadingAndNothingAfterALongPause() {
    try (RuleEngine engine = RegulationTestSupport.engine()) {
      Track track = spreader().equipment(rate(60.0));
      engine.process(track.fixes(200, 5, CHUNK_SPEED_KMH).points());
      assertEquals(2, engine.factCount("spreader-1", "SPD-003"), "the chunk and the open episode");

      List<TelemetryPoint> all = track.equipment(OFF).fixes(30, 5, CHUNK_SPEED_KMH).points();
      List<ViolationEvent> events = of(SPD_003, engine.process(all.subList(200, all.size())));
      assertEquals(List.of(CLOSED), statuses(events));
      assertEquals(0, engine.factCount("spreader-1", "SPD-003"));
    }
  }
}

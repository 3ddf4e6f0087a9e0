package dev.dozor.rules.engine;

import static dev.dozor.events.ViolationStatus.CLOSED;
import static dev.dozor.events.ViolationStatus.OPENED;
import static dev.dozor.events.ViolationStatus.UPDATED;
import static dev.dozor.rules.engine.RegulationTestSupport.of;
import static dev.dozor.rules.engine.RegulationTestSupport.run;
import static dev.dozor.rules.engine.RegulationTestSupport.runInBatches;
import static dev.dozor.rules.engine.RegulationTestSupport.runShuffled;
import static dev.dozor.rules.engine.RegulationTestSupport.statuses;
import static dev.dozor.rules.engine.Track.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dozor.events.Equipment;
import dev.dozor.events.TelemetryPoint;
import dev.dozor.events.ViolationEvent;
import dev.dozor.rules.registry.RegistryState;
import dev.dozor.rules.regulation.RegulationParameters;
import dev.dozor.rules.regulation.spd002.BrushWindow;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SPD-002 (sweeping too fast: mean speed over two minutes of brushing) on the pure engine. */
class Spd002RuleTest {
  private static final String SPD_002 = "SPD-002";
  private static final Equipment BRUSH_ON = new Equipment(null, true, null, null, null, null, null);
  private static final Equipment BRUSH_OFF =
      new Equipment(null, false, null, null, null, null, null);

  private static Track sweeper() {
    return Track.of("sweeper-1").equipment(BRUSH_ON);
  }

  private static List<ViolationEvent> run(List<TelemetryPoint> points) {
    return RegulationTestSupport.run(SPD_002, new RegistryState(), points);
  }

  @Test
  void opensWhenTheWindowIsFullAndItsMeanIsAboveTheLimitAndClosesWhenTheBrushGoesOff() {
    List<TelemetryPoint> points =
        sweeper().fixes(37, 5, 12).equipment(BRUSH_OFF).fixes(1, 5, 12).points(); // 0..180, 185

    List<ViolationEvent> events = run(points);

    assertEquals(List.of(OPENED, UPDATED, UPDATED, CLOSED), statuses(events));
    String id = ViolationEvent.episodeId(SPD_002, "sweeper-1", t(120));
    assertTrue(events.stream().allMatch(e -> e.violationId().equals(id)));
    assertEquals(t(120), events.get(0).startedAt(), "the first fix with two minutes of data");
    assertEquals(t(120), events.get(0).eventTime());
    assertEquals(t(180), events.get(3).endedAt(), "the last fix where the mean was too high");
    assertEquals(t(185), events.get(3).eventTime(), "the brush went off");
    assertEquals(12.0, events.get(3).measurements().get("maxMeanSpeedKmh"), 1e-9);
    assertEquals(60.0, events.get(3).measurements().get("durationS"));
    assertEquals(
        Map.of("speedLimitKmh", 10.0, "windowS", 120.0, "maxGapS", 120.0),
        events.get(0).parameters());
  }

  @Test
  void doesNotFireWhenSweepingSlowlyOrDrivingFastWithTheBrushOff() {
    assertEquals(List.of(), run(sweeper().fixes(120, 5, 9).points()));
    assertEquals(
        List.of(), run(Track.of("sweeper-1").equipment(BRUSH_OFF).fixes(120, 5, 40).points()));
    assertEquals(List.of(), run(Track.of("sweeper-1").fixes(120, 5, 40).points()), "no channel");
  }

  @Test
  void doesNotJudgeLessThanTwoMinutesOfBrushing() {
    List<TelemetryPoint> points =
        sweeper()
            .fixes(24, 5, 20) // 0..115 s at 20 km/h
            .equipment(BRUSH_OFF)
            .fixes(1, 5, 20) // 120 s off
            .equipment(BRUSH_ON)
            .fixes(24, 5, 20) // 125..240 s: a new run, again only 115 s long
            .equipment(BRUSH_OFF)
            .fixes(1, 5, 20)
            .points();

    assertEquals(List.of(), run(points));
  }

  @Test
  void doesNotFireAtExactlyTheLimitForTenMinutes() {
    assertEquals(List.of(), run(sweeper().fixes(121, 5, 10.0).points()));
  }

  @Test
  void opensJustAboveTheLimitAtTheFixThatCompletesTheWindow() {
    List<ViolationEvent> events = run(sweeper().fixes(25, 5, 10.1).points()); // 0..120 s

    assertEquals(List.of(OPENED), statuses(events));
    assertEquals(t(120), events.get(0).startedAt());
  }

  @Test
  void opensAtTheFirstFixWhoseTwoMinuteMeanExceedsTheLimitNotAtExactlyTheLimit() {
    // 8 km/h for 0..115 s, then 13 km/h: the mean of the 25 fixes in [T-120, T] at T = 120 + 5k
    // is (205 + 5k) / 25 — exactly 10 at k = 9 (165 s), above it from k = 10 (170 s)
    List<TelemetryPoint> points = sweeper().fixes(24, 5, 8).fixes(20, 5, 13).points();

    List<ViolationEvent> events = run(points);

    assertEquals(OPENED, events.get(0).status());
    assertEquals(t(170), events.get(0).startedAt());
    assertEquals(10.2, events.get(0).measurements().get("maxMeanSpeedKmh"), 1e-9);
  }

  @Test
  void endsAtTheFirstFixWhoseMeanIsBackAtOrBelowTheLimit() {
    // 15 km/h for 0..175 s, then 5 km/h: the mean at T = 180 + 5j is (365 - 10j) / 25, at or
    // below 10 from j = 12 (240 s)
    List<TelemetryPoint> points = sweeper().fixes(36, 5, 15).fixes(20, 5, 5).points();

    List<ViolationEvent> events = run(points);

    ViolationEvent closed = events.get(events.size() - 1);
    assertEquals(CLOSED, closed.status());
    assertEquals(t(120), closed.startedAt());
    assertEquals(t(235), closed.endedAt());
    assertEquals(t(240), closed.eventTime());
  }

  @Test
  void aGapLongerThanMaxGapRestartsTheWindowAndSplitsTheEpisode() {
    List<TelemetryPoint> points =
        sweeper()
            .fixes(31, 5, 15) // 0..150 s: opens at 120
            .at(300)
            .fixes(27, 5, 15) // 300..430 s: a new run, full again at 420
            .equipment(BRUSH_OFF)
            .fixes(1, 5, 15)
            .points();

    List<ViolationEvent> events = run(points);

    assertEquals(List.of(OPENED, UPDATED, CLOSED, OPENED, CLOSED), statuses(events));
    assertEquals(t(150), events.get(2).endedAt());
    assertEquals(t(300), events.get(2).eventTime(), "closed by the fix after the gap");
    assertEquals(t(420), events.get(3).startedAt(), "the new run needs two minutes again");
    assertNotEquals(events.get(0).violationId(), events.get(3).violationId());
  }

  @Test
  void shuffledOrBatchedInputGivesTheSameEventsAsInOrderInput() {
    List<TelemetryPoint> points =
        sweeper()
            .fixes(24, 5, 8)
            .fixes(30, 5, 14)
            .fixes(30, 5, 4)
            .equipment(BRUSH_OFF)
            .fixes(2, 5, 30)
            .points();
    RegistryState registry = new RegistryState();
    List<ViolationEvent> inOrder = RegulationTestSupport.run(SPD_002, registry, points);
    // mean above 10 from 160 s (rising) to 310 s (falling): updated every 30 s of fix time
    assertEquals(
        List.of(OPENED, UPDATED, UPDATED, UPDATED, UPDATED, UPDATED, CLOSED), statuses(inOrder));
    assertEquals(t(160), inOrder.get(0).startedAt());
    assertEquals(t(310), inOrder.get(6).endedAt());

    assertEquals(inOrder, runShuffled(SPD_002, registry, points, 7));
    assertEquals(inOrder, runInBatches(SPD_002, registry, points, 11));
  }

  @Test
  void holdsOnlyTheWindowAndTheEpisodeWhileSweepingAndNothingAfter() {
    try (RuleEngine engine = RegulationTestSupport.engine()) {
      Track track = sweeper();
      List<ViolationEvent> events = of(SPD_002, engine.process(track.fixes(200, 5, 15).points()));
      assertEquals(OPENED, events.get(0).status());
      assertEquals(
          2, engine.factCount("sweeper-1", "SPD-002"), "the brush window and the open episode");

      List<TelemetryPoint> all = track.equipment(BRUSH_OFF).fixes(1, 5, 15).points();
      engine.process(all.subList(all.size() - 1, all.size()));
      assertEquals(0, engine.factCount("sweeper-1", "SPD-002"));
    }
  }

  @Test
  void theWindowKeepsAtMostOneEntryPerSecondOfItsLength() {
    RegulationParameters par =
        new RegulationParameters(SPD_002, Map.of("windowS", 120.0, "maxGapS", 120.0));
    Track fourPerSecond = sweeper();
    List<TelemetryPoint> points = fourPerSecond.fixes(4_000, 0, 15).points();
    BrushWindow window = null;
    for (int i = 0; i < points.size(); i++) {
      TelemetryPoint p = points.get(i);
      TelemetryPoint at =
          new TelemetryPoint(
              p.schemaVersion(),
              p.vehicleId(),
              p.deviceId(),
              Instant.ofEpochMilli(Track.T0.toEpochMilli() + i * 250L),
              p.receivedAt(),
              p.lat(),
              p.lon(),
              p.speedKmh(),
              p.headingDeg(),
              p.odometerKm(),
              p.equipment(),
              p.attributes());
      if (window == null) {
        window = new BrushWindow(new VehiclePoint(at), par);
      } else {
        window.add(new VehiclePoint(at));
      }
    }

    assertTrue(window.size() <= 121, "entries: " + window.size());
    assertTrue(window.isFull());
    assertEquals(15.0, window.getMeanSpeedKmh(), 1e-9);
  }
}

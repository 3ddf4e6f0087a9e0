package dev.dozor.rules.engine;

import static dev.dozor.events.ViolationStatus.CLOSED;
import static dev.dozor.events.ViolationStatus.OPENED;
import static dev.dozor.events.ViolationStatus.UPDATED;
import static dev.dozor.rules.engine.Track.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.dozor.events.EvidencePoint;
import dev.dozor.events.TelemetryPoint;
import dev.dozor.events.ViolationEvent;
import dev.dozor.events.ViolationStatus;
import dev.dozor.rules.regulation.RegulationCatalogue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SPD-001 (ploughing too fast) on the pure engine: no Kafka, no Quarkus. */
class Spd001RuleTest {
  private static RegulationCatalogue catalogue;
  private MutableClock wall;
  private RuleEngine engine;

  @BeforeAll
  static void loadCatalogue() {
    catalogue = RegulationCatalogue.fromClasspath();
  }

  @BeforeEach
  void newEngine() {
    wall = new MutableClock(Instant.parse("2026-01-15T07:00:00Z"));
    engine = new RuleEngine(catalogue, EngineSettings.defaults(), wall);
  }

  @AfterEach
  void closeEngine() {
    engine.close();
  }

  @Test
  void opensAfterSixtySecondsOfFastPloughingAndClosesWhenThePloughGoesUp() {
    List<TelemetryPoint> points =
        Track.of("v1").fixes(19, 5, 55, true).fixes(1, 5, 55, false).points(); // 0..90 s, up at 95

    List<ViolationEvent> events = engine.process(points);

    assertEquals(List.of(OPENED, UPDATED, CLOSED), statuses(events));
    ViolationEvent opened = events.get(0);
    ViolationEvent closed = events.get(2);
    String id = ViolationEvent.episodeId("SPD-001", "v1", t(0));
    assertEquals(id, opened.violationId());
    assertEquals(id, closed.violationId());
    assertEquals(t(0), opened.startedAt());
    assertEquals(t(60), opened.eventTime());
    assertNull(opened.endedAt());
    assertEquals(t(90), events.get(1).eventTime(), "UPDATED 30 s of fix time after OPENED");
    assertEquals(t(90), closed.endedAt(), "ended at the last violating fix");
    assertEquals(t(95), closed.eventTime());
    assertEquals("SPD-001", opened.regulationId());
    assertEquals(1, opened.regulationVersion());
    assertEquals("HIGH", opened.severity());
    assertEquals("Превышение скорости с опущенным отвалом", opened.title());
    assertEquals(
        Map.of("speedLimitKmh", 45.0, "minDurationS", 60.0, "maxGapS", 120.0), opened.parameters());
  }

  @Test
  void doesNotFireWithThePloughUpAtAnySpeed() {
    assertEquals(List.of(), engine.process(Track.of("v1").fixes(60, 5, 70, false).points()));
  }

  @Test
  void doesNotFireWhenThePloughStateIsNotReported() {
    assertEquals(List.of(), engine.process(Track.of("v1").fixes(60, 5, 70, null).points()));
  }

  @Test
  void doesNotFireWhenFastPloughingStopsAfterFiftyFiveSeconds() {
    List<TelemetryPoint> points =
        Track.of("v1").fixes(12, 5, 50, true).fixes(10, 5, 30, true).points(); // 0..55 s fast

    assertEquals(List.of(), engine.process(points));
  }

  @Test
  void doesNotFireAtExactlyTheLimitForFiveMinutes() {
    assertEquals(List.of(), engine.process(Track.of("v1").fixes(61, 5, 45.0, true).points()));
  }

  @Test
  void opensAtTheSixtySecondFixJustAboveTheLimit() {
    List<TelemetryPoint> points =
        Track.of("v1").fixes(13, 5, 45.1, true).fixes(1, 5, 40, true).points(); // 0..60 s

    List<ViolationEvent> events = engine.process(points);

    assertEquals(List.of(OPENED, CLOSED), statuses(events));
    assertEquals(t(60), events.get(0).eventTime());
    assertEquals(60.0, events.get(0).measurements().get("durationS"));
    assertEquals(t(60), events.get(1).endedAt());
  }

  @Test
  void doesNotFireAfterFiftyNineSecondsJustAboveTheLimit() {
    List<TelemetryPoint> points =
        Track.of("v1")
            .fixes(12, 5, 45.1, true) // 0..55 s
            .at(59)
            .fixes(1, 5, 45.1, true) // 59 s
            .fixes(1, 5, 45.1, false) // 64 s: plough up
            .points();

    assertEquals(List.of(), engine.process(points));
  }

  @Test
  void shuffledInputGivesTheSameEventsAsInOrderInput() {
    List<TelemetryPoint> inOrder = new ArrayList<>();
    inOrder.addAll(Track.of("v1").fixes(30, 5, 60, true).fixes(2, 5, 20, true).points());
    inOrder.addAll(Track.of("v2").fixes(10, 5, 60, true).fixes(20, 5, 50, true).points());
    List<ViolationEvent> expected = engine.process(inOrder);
    List<TelemetryPoint> shuffled = new ArrayList<>(inOrder);
    Collections.shuffle(shuffled, new Random(42));

    RuleEngine fresh = new RuleEngine(catalogue, EngineSettings.defaults(), wall);
    List<ViolationEvent> actual = fresh.process(shuffled);
    fresh.close();

    // events are in fix-time order per vehicle; vehicles come in partition order
    assertEquals(
        List.of(OPENED, UPDATED, UPDATED, CLOSED),
        statuses(expected.stream().filter(e -> e.vehicleId().equals("v1")).toList()));
    assertEquals(
        List.of(OPENED, UPDATED, UPDATED),
        statuses(expected.stream().filter(e -> e.vehicleId().equals("v2")).toList()));
    assertEquals(expected, actual);
  }

  @Test
  void batchesDeliveredOneAfterAnotherGiveTheSameEventsAsOneBatch() {
    List<TelemetryPoint> points =
        Track.of("v1").fixes(40, 5, 60, true).fixes(1, 5, 20, true).points();
    List<ViolationEvent> expected = engine.process(points);

    RuleEngine fresh = new RuleEngine(catalogue, EngineSettings.defaults(), wall);
    List<ViolationEvent> actual = new ArrayList<>();
    for (int from = 0; from < points.size(); from += 7) {
      actual.addAll(fresh.process(points.subList(from, Math.min(points.size(), from + 7))));
    }
    fresh.close();

    assertEquals(expected, actual);
  }

  @Test
  void blackBoxUploadAfterAnotherVehiclesLaterDataStillProducesItsViolation() {
    engine.process(Track.of("live").at(3600).fixes(30, 5, 30, true).points());

    List<ViolationEvent> events =
        engine.process(Track.of("offline").fixes(20, 5, 60, true).fixes(1, 5, 0, false).points());

    assertEquals(List.of(OPENED, UPDATED, CLOSED), statuses(events));
    assertEquals("offline", events.get(0).vehicleId());
    assertEquals(t(0), events.get(0).startedAt());
  }

  @Test
  void aGapLongerThanMaxGapEndsTheCandidateSoItNeverOpens() {
    List<TelemetryPoint> points =
        Track.of("v1")
            .fixes(9, 5, 60, true) // 0..40 s
            .at(190)
            .fixes(9, 5, 60, true) // 190..230 s: 40 s again, after a 150 s gap
            .fixes(1, 5, 0, true)
            .points();

    assertEquals(List.of(), engine.process(points));
  }

  @Test
  void aGapLongerThanMaxGapClosesTheOpenEpisodeAtItsLastFix() {
    List<TelemetryPoint> points =
        Track.of("v1")
            .fixes(15, 5, 60, true) // 0..70 s
            .at(200)
            .fixes(14, 5, 60, true) // 200..265 s
            .fixes(1, 5, 0, true)
            .points();

    List<ViolationEvent> events = engine.process(points);

    assertEquals(List.of(OPENED, CLOSED, OPENED, CLOSED), statuses(events));
    assertEquals(t(70), events.get(1).endedAt());
    assertEquals(t(200), events.get(1).eventTime(), "closed by the fix after the gap");
    assertEquals(t(200), events.get(2).startedAt());
    assertNotEquals(events.get(0).violationId(), events.get(2).violationId());
  }

  @Test
  void aGapOfExactlyMaxGapDoesNotBreakTheEpisode() {
    List<TelemetryPoint> points =
        Track.of("v1").fixes(1, 5, 60, true).at(120).fixes(1, 5, 60, true).points();

    List<ViolationEvent> events = engine.process(points);

    assertEquals(List.of(OPENED), statuses(events));
    assertEquals(120.0, events.get(0).measurements().get("durationS"));
  }

  @Test
  void redeliveredPointsProduceNothingNewAndAreCounted() {
    List<TelemetryPoint> points =
        Track.of("v1").fixes(19, 5, 55, true).fixes(1, 5, 55, false).points();
    assertEquals(3, engine.process(points).size());

    assertEquals(List.of(), engine.process(points));
    assertEquals(points.size(), engine.skippedPoints());
    assertEquals(points.size(), engine.processedPoints());
  }

  @Test
  void measurementsCoverTheViolatingFixesOnly() {
    List<TelemetryPoint> points =
        Track.of("v1")
            .fixes(5, 10, 50, true) // 0..40 s
            .fixes(3, 10, 80, true) // 50..70 s
            .fixes(1, 10, 60, true) // 80 s
            .fixes(1, 10, 90, false) // 90 s: plough up, not measured
            .points();

    List<ViolationEvent> events = engine.process(points);

    ViolationEvent closed = events.get(events.size() - 1);
    assertEquals(CLOSED, closed.status());
    Map<String, Double> m = closed.measurements();
    assertEquals(80.0, m.get("maxSpeedKmh"));
    assertEquals((5 * 50 + 3 * 80 + 60) / 9.0, m.get("avgSpeedKmh"), 1e-9);
    assertEquals(80.0, m.get("durationS"));
    assertEquals(9.0, m.get("points"));
    double metres = (5 * 50 + 3 * 80) / 3.6 * 10; // each fix drives its speed for 10 s
    assertEquals(metres, m.get("distanceM"), 0.01);
    assertEquals(
        List.of(t(0), t(50), t(80)),
        closed.evidence().stream().map(EvidencePoint::fixTime).toList(),
        "first, fastest and last violating fix");
  }

  @Test
  void aSilentVehiclesSessionIsDisposedAndItsOpenEpisodeClosed() {
    engine.process(Track.of("v1").fixes(15, 5, 60, true).points()); // open at 60 s, last fix 70 s
    assertEquals(1, engine.activeSessions());

    wall.advance(Duration.ofHours(6).plusSeconds(1));
    List<ViolationEvent> events = engine.process(List.of());

    assertEquals(List.of(CLOSED), statuses(events));
    assertEquals(t(70), events.get(0).endedAt());
    assertEquals(0, engine.activeSessions());
  }

  @Test
  void aVehicleHoldsOnlyItsOneOpenEpisodeBetweenPoints() {
    engine.process(Track.of("v1").fixes(100, 5, 60, true).points());

    // SPD-001 holds only its open Episode for the vehicle; no point facts remain
    assertEquals(1, engine.factCount("v1", "SPD-001"));
  }

  private static List<ViolationStatus> statuses(List<ViolationEvent> events) {
    return events.stream().map(ViolationEvent::status).toList();
  }

  /** A wall clock the test moves. */
  static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}

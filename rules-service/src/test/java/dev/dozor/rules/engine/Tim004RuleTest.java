package dev.dozor.rules.engine;

import static dev.dozor.events.ViolationStatus.CLOSED;
import static dev.dozor.events.ViolationStatus.OPENED;
import static dev.dozor.events.ViolationStatus.UPDATED;
import static dev.dozor.rules.engine.PlaceRuleSupport.LON0;
import static dev.dozor.rules.engine.PlaceRuleSupport.assertOrderIndependent;
import static dev.dozor.rules.engine.PlaceRuleSupport.engine;
import static dev.dozor.rules.engine.PlaceRuleSupport.north;
import static dev.dozor.rules.engine.PlaceRuleSupport.statuses;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dozor.events.TelemetryPoint;
import dev.dozor.events.VehicleRecord;
import dev.dozor.events.ViolationEvent;
import dev.dozor.rules.registry.RegistryState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** TIM-004 (refuse collection outside allowed hours) on the pure engine; local time is Moscow. */
class Tim004RuleTest {
  private static final String ID = "TIM-004";

  /** 00:00 Moscow time. */
  private static final Instant MIDNIGHT = Instant.parse("2026-01-15T21:00:00Z");

  /** 09:00 Moscow time. */
  private static final Instant MORNING = Instant.parse("2026-01-15T06:00:00Z");

  /** Container site cs-1: 20 m × 20 m, from 90 m to 110 m north of the start. */
  private static final Consumer<RegistryState> PLACES =
      r -> {
        r.zone(Places.squareZone("cs-1", "container-site", north(100), LON0, 10));
        r.vehicle(VehicleRecord.of("r1", "A1", "refuse", "c", "d"));
        r.vehicle(VehicleRecord.of("r2", "A2", "refuse", "c", "d"));
        r.vehicle(VehicleRecord.of("p1", "A3", "plough", "c", "d"));
      };

  private RuleEngine engine;

  @BeforeEach
  void newEngine() {
    engine = engine(PLACES);
  }

  @AfterEach
  void closeEngine() {
    engine.close();
  }

  private List<ViolationEvent> run(List<TelemetryPoint> points) {
    return PlaceRuleSupport.only(ID, engine.process(points));
  }

  /** Stands at metres north of the start for seconds (a fix every 10 s), then drives off. */
  private static Track stop(String vehicleId, Instant start, double metresNorth, int seconds) {
    Track track = new Track(vehicleId, start).position(north(metresNorth), LON0);
    track.fixes(seconds / 10 + 1, 10, 0);
    track.fixes(1, 10, 20);
    return track;
  }

  private static Instant at(Instant base, int seconds) {
    return base.plusSeconds(seconds);
  }

  @Test
  void aMinuteAtTheSiteAtMidnightOpensWhenTheStopQualifies() {
    List<ViolationEvent> events = run(stop("r1", MIDNIGHT, 75, 90).points());

    assertEquals(List.of(OPENED, UPDATED, CLOSED), statuses(events));
    ViolationEvent opened = events.get(0);
    assertEquals(ViolationEvent.episodeId(ID, "r1/cs-1", MIDNIGHT), opened.violationId());
    assertEquals(MIDNIGHT, opened.startedAt());
    assertEquals(at(MIDNIGHT, 60), opened.eventTime(), "the stop qualifies after 60 s");
    assertEquals(at(MIDNIGHT, 90), events.get(2).endedAt());
    assertEquals(at(MIDNIGHT, 100), events.get(2).eventTime(), "drove off");
  }

  @Test
  void theSameStopInTheDayIsAllowed() {
    assertEquals(List.of(), run(stop("r1", MORNING, 75, 300).points()));
  }

  @Test
  void sixtySecondsQualifyAndFiftyDoNot() {
    List<ViolationEvent> at = run(stop("r1", MIDNIGHT, 75, 60).points());
    assertEquals(List.of(OPENED, CLOSED), statuses(at));
    assertEquals(60.0, at.get(1).measurements().get("durationS"));

    assertEquals(List.of(), run(stop("r2", MIDNIGHT, 75, 50).points()));
  }

  @Test
  void withinThirtyMetresOfTheSiteCountsAndFartherDoesNot() {
    assertEquals(List.of(OPENED, CLOSED), statuses(run(stop("r1", MIDNIGHT, 61, 60).points())));
    assertEquals(List.of(), run(stop("r2", MIDNIGHT, 58, 300).points()), "32 m away");
  }

  @Test
  void aStopThatQualifiesAtElevenPmFiresAndOneThatQualifiesAtSevenAmDoesNot() {
    Instant before11pm = Instant.parse("2026-01-15T19:59:30Z"); // 22:59:30 Moscow
    List<ViolationEvent> evening = run(stop("r1", before11pm, 75, 60).points());
    assertEquals(List.of(OPENED, CLOSED), statuses(evening));
    assertEquals(before11pm, evening.get(0).startedAt());
    assertEquals(at(before11pm, 60), evening.get(0).eventTime());

    Instant before7am = Instant.parse("2026-01-15T03:59:00Z"); // 06:59:00 Moscow
    assertEquals(List.of(), run(stop("r2", before7am, 75, 90).points()));
  }

  @Test
  void onlyRefuseTrucksAreChecked() {
    assertEquals(List.of(), run(stop("p1", MIDNIGHT, 75, 300).points()), "a plough");
    assertEquals(List.of(), run(stop("unknown", MIDNIGHT, 75, 300).points()), "no registry entry");
  }

  @Test
  void drivingPastTheSiteSlowlyIsNotAStop() {
    Track track = new Track("r1", MIDNIGHT).position(north(60), LON0).fixes(20, 10, 1.5);
    assertEquals(List.of(), run(track.points()));
  }

  @Test
  void shuffledAndBatchedInputGiveTheSameEvents() {
    List<TelemetryPoint> points = new ArrayList<>(stop("r1", MIDNIGHT, 75, 150).points());
    points.addAll(stop("r2", at(MIDNIGHT, 40), 100, 70).points());

    List<ViolationEvent> events = assertOrderIndependent(ID, PLACES, points);

    assertEquals(2, events.stream().filter(e -> e.status() == CLOSED).count());
  }

  @Test
  void stateIsTheCurrentStopOnlyAndNothingAfterDrivingOff() {
    List<TelemetryPoint> points = stop("r1", MORNING, 75, 120).points(); // a day stop
    engine.process(points.subList(0, points.size() - 1));
    assertEquals(1, engine.factCount("r1", "TIM-004"), "the stop (a candidate)");
    engine.process(points.subList(points.size() - 1, points.size()));
    assertEquals(0, engine.factCount("r1", "TIM-004"));
  }
}

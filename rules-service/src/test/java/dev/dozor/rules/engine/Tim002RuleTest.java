package dev.dozor.rules.engine;

import static dev.dozor.events.ViolationStatus.CLOSED;
import static dev.dozor.events.ViolationStatus.OPENED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dozor.events.AssignmentRecord;
import dev.dozor.events.Equipment;
import dev.dozor.events.TelemetryPoint;
import dev.dozor.events.ViolationEvent;
import dev.dozor.events.ViolationStatus;
import dev.dozor.events.WeatherEventRecord;
import dev.dozor.rules.registry.RegistryState;
import dev.dozor.rules.regulation.RegulationCatalogue;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * TIM-002 (de-icing overdue) on the pure engine. The snowfall starts in D1 at T0 (06:00Z); v1's
 * shift runs 05:00–14:00 with 21-0 (priority 1: treated by 07:00) and 22-0 (priority 2: by 09:00).
 */
class Tim002RuleTest {
  private static final int H = 3600;
  private static final double LAT = 55.70;
  private static final double LON_1 = 37.62;
  private static final double LON_2 = 37.64;
  private static final Equipment SPREADER =
      new Equipment(false, false, true, 20.0, null, null, null);
  private static RegulationCatalogue catalogue;
  private RegistryState registry;
  private RuleEngine engine;

  @BeforeAll
  static void loadCatalogue() {
    catalogue = RegulationCatalogue.fromClasspath();
  }

  @BeforeEach
  void newEngine() {
    registry = new RegistryState();
    registry.segment(Places.segment("21-0", LAT, LON_1, 0, 400, 1, 60, "D1"));
    registry.segment(Places.segment("22-0", LAT, LON_2, 0, 400, 2, 60, "D1"));
    registry.publishPlaces();
    registry.assignment(
        AssignmentRecord.of(
            "a1", "v1", Track.t(-H), Track.t(8 * H), null, List.of("21-0", "22-0"), null, null));
    registry.weather(
        WeatherEventRecord.of("w1", "D1", WeatherEventRecord.SNOWFALL_STARTED, Track.T0, null));
    engine = newEngine(registry);
  }

  private static RuleEngine newEngine(RegistryState registry) {
    return new RuleEngine(
        catalogue,
        RegulationTestSupport.EXACT_CLOCK,
        Clock.fixed(Instant.parse("2026-01-15T20:00:00Z"), ZoneOffset.UTC),
        registry);
  }

  @AfterEach
  void closeEngine() {
    engine.close();
  }

  private static List<TelemetryPoint> ping(int seconds) {
    return new Track("v1", Track.t(seconds))
        .position(LAT - 0.02, LON_1)
        .fixes(1, 5, 0, false)
        .points();
  }

  /** v1 drives the 400 m segment at (LAT, lon) with this equipment, 50 m before to 50 m after. */
  private static List<TelemetryPoint> drive(int seconds, double lon, Equipment e) {
    return new Track("v1", Track.t(seconds))
        .position(LAT - 50 / Track.METRES_PER_DEGREE, lon)
        .equipment(e)
        .fixes(11, 5, 36)
        .points();
  }

  private List<ViolationEvent> tim002(List<TelemetryPoint> points) {
    return engine.process(points).stream().filter(e -> e.regulationId().equals("TIM-002")).toList();
  }

  private static List<List<TelemetryPoint>> lateDay() {
    return List.of(
        ping(60), ping(H - 1), ping(H), drive(H + 600, LON_1, SPREADER), ping(3 * H), ping(8 * H));
  }

  @Test
  void onlySpreadersAreJudgedOtherTypesAreOffByTheirOverride() {
    for (String type : List.of("spreader", "plough")) {
      engine.close();
      registry.vehicle(RuleTestSupport.vehicle("v1", type, null, null));
      engine = newEngine(registry);
      List<ViolationEvent> events = new java.util.ArrayList<>();
      lateDay().forEach(batch -> events.addAll(engine.process(batch)));

      long episodes = events.stream().filter(e -> e.regulationId().equals("TIM-002")).count();
      assertEquals(type.equals("spreader"), episodes > 0, type + ": " + episodes + " events");
    }
  }

  @Test
  void opensAtTheOneHourDeadlineOfPriorityOneClosesWhenTreatedThenForPriorityTwo() {
    List<List<TelemetryPoint>> day = lateDay();
    assertEquals(List.of(), tim002(day.get(0)));
    assertEquals(List.of(), tim002(day.get(1)), "one second before 07:00");
    List<ViolationEvent> opened = tim002(day.get(2));
    assertEquals(List.of(OPENED), statuses(opened));
    assertEquals(Track.t(H), opened.get(0).startedAt());
    assertEquals(
        ViolationEvent.episodeId("TIM-002", "v1/a1/w1", Track.t(H)), opened.get(0).violationId());
    assertEquals(1.0, opened.get(0).measurements().get("uncoveredSegments"));
    assertEquals(1.0, opened.get(0).parameters().get("treatmentP1H"));

    List<ViolationEvent> closed = tim002(day.get(3));
    assertEquals(List.of(CLOSED), statuses(closed));
    assertEquals(Track.t(H + 625), closed.get(0).endedAt());
    assertEquals(625 / 60.0, closed.get(0).measurements().get("lateMin"), 1e-6);

    List<ViolationEvent> second = tim002(day.get(4));
    assertEquals(List.of(OPENED), statuses(second), "22-0 due 3 h after the start");
    assertEquals(Track.t(3 * H), second.get(0).startedAt());
    List<ViolationEvent> end = tim002(day.get(5));
    assertEquals(List.of(CLOSED), statuses(end));
    assertEquals(Track.t(8 * H), end.get(0).endedAt());
    assertEquals(0, engine.factCount("v1", "TIM-002"));
  }

  @Test
  void doesNotFireWhenBothSegmentsAreTreatedInTime() {
    List<ViolationEvent> events = new ArrayList<>();
    events.addAll(tim002(drive(600, LON_1, SPREADER)));
    events.addAll(tim002(drive(2 * H, LON_2, SPREADER)));
    events.addAll(tim002(ping(8 * H + 60)));
    assertEquals(List.of(), events);
  }

  @Test
  void aPassJustBeforeTheDeadlineIsInTimeButAPloughPassDoesNotTreat() {
    List<ViolationEvent> events = new ArrayList<>();
    events.addAll(tim002(drive(H - 26, LON_1, SPREADER))); // counts at 06:59:59
    events.addAll(tim002(drive(H, LON_2, Equipment.plough(true))));
    events.addAll(tim002(ping(3 * H)));
    assertEquals(List.of(OPENED), statuses(events), "22-0 only: ploughed, not treated");
    assertEquals(Track.t(3 * H), events.get(0).startedAt());
  }

  @Test
  void oneShuffledBatchOrSmallBatchesGiveTheSameEventsAsInOrder() {
    List<ViolationEvent> expected = new ArrayList<>();
    List<TelemetryPoint> all = new ArrayList<>();
    for (List<TelemetryPoint> batch : lateDay()) {
      expected.addAll(tim002(batch));
      all.addAll(batch);
    }
    assertEquals(List.of(OPENED, CLOSED, OPENED, CLOSED), statuses(expected));
    Collections.shuffle(all, new Random(5));
    engine.close();
    engine = newEngine(registry);
    assertEquals(expected, tim002(all), "one shuffled batch");

    all.sort((a, b) -> a.fixTime().compareTo(b.fixTime()));
    engine.close();
    engine = newEngine(registry);
    List<ViolationEvent> split = new ArrayList<>();
    for (int i = 0; i < all.size(); i += 3) {
      split.addAll(tim002(all.subList(i, Math.min(all.size(), i + 3))));
    }
    assertEquals(expected, split, "batches of three");
  }

  private static List<ViolationStatus> statuses(List<ViolationEvent> events) {
    return events.stream().map(ViolationEvent::status).toList();
  }
}

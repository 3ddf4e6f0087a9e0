package dev.dozor.rules.engine;

import static dev.dozor.events.ViolationStatus.CLOSED;
import static dev.dozor.events.ViolationStatus.OPENED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.dozor.events.AssignmentRecord;
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
 * TIM-001 (clearing deadline after snowfall) on the pure engine. The snowfall ends in district D1
 * at T0 (06:00Z); v1's shift runs 05:00–16:00 with segments 11-0 (priority 1: due 10:00), 12-0
 * (priority 3: due 14:00) in D1 and 13-0 in D2 (not this event's).
 */
class Tim001RuleTest {
  private static final int H = 3600;
  private static final double LAT = 55.70;
  private static final double LON_1 = 37.62;
  private static final double LON_2 = 37.64;
  private static final double LON_3 = 37.66;
  private static final String SUBJECT = "v1/a1/w1";
  private static RegulationCatalogue catalogue;
  private RegistryState registry;
  private RuleEngine engine;

  @BeforeAll
  static void loadCatalogue() {
    catalogue = RegulationCatalogue.fromClasspath();
  }

  @BeforeEach
  void newEngine() {
    registry = roadsAndShift();
    registry.weather(snowfallEnded());
    engine = newEngine(registry);
  }

  /** The three segments and v1's shift over them; no weather event yet. */
  private static RegistryState roadsAndShift() {
    RegistryState registry = new RegistryState();
    registry.segment(Places.segment("11-0", LAT, LON_1, 0, 400, 1, 60, "D1"));
    registry.segment(Places.segment("12-0", LAT, LON_2, 0, 400, 3, 60, "D1"));
    registry.segment(Places.segment("13-0", LAT, LON_3, 0, 400, 1, 60, "D2"));
    registry.publishPlaces();
    registry.assignment(
        AssignmentRecord.of(
            "a1",
            "v1",
            Track.t(-H),
            Track.t(10 * H),
            null,
            List.of("11-0", "12-0", "13-0"),
            null,
            null));
    return registry;
  }

  private static WeatherEventRecord snowfallEnded() {
    return WeatherEventRecord.of(
        "w1", "D1", WeatherEventRecord.SNOWFALL_ENDED, Track.T0, "snowfall over");
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

  /** One fix of v1 standing with the plough up, 2 km from the roads, at T0 + seconds. */
  private static List<TelemetryPoint> ping(int seconds) {
    return new Track("v1", Track.t(seconds))
        .position(LAT - 0.02, LON_1)
        .fixes(1, 5, 0, false)
        .points();
  }

  /** v1 ploughs the 400 m segment starting at (LAT, lon), from 50 m before it to 50 m after. */
  private static List<TelemetryPoint> plough(int seconds, double lon) {
    return new Track("v1", Track.t(seconds))
        .position(LAT - 50 / Track.METRES_PER_DEGREE, lon)
        .fixes(11, 5, 36, true)
        .points();
  }

  private List<ViolationEvent> tim001(List<TelemetryPoint> points) {
    return engine.process(points).stream().filter(e -> e.regulationId().equals("TIM-001")).toList();
  }

  /** The day of the class Javadoc: 11-0 cleared 30 min late, 12-0 never. */
  private static List<List<TelemetryPoint>> lateDay() {
    return List.of(
        ping(60),
        ping(4 * H - 1),
        ping(4 * H),
        plough(4 * H + 1800, LON_1),
        ping(8 * H),
        ping(10 * H));
  }

  /**
   * The engine keeps segment passes out of the rules' sight while no vehicle holds deadlines (no
   * rule can use them then); a pass made before the snowfall event reached the registry counts all
   * the same once the deadlines are planned.
   */
  @Test
  void aPassMadeBeforeTheSnowfallReachedTheRegistryStillClearsItsSegment() {
    List<List<TelemetryPoint>> before = List.of(plough(600, LON_1), ping(1200));
    List<List<TelemetryPoint>> after = List.of(ping(1800), ping(4 * H), ping(8 * H));

    List<ViolationEvent> knownAllAlong = new ArrayList<>();
    before.forEach(batch -> knownAllAlong.addAll(tim001(batch)));
    after.forEach(batch -> knownAllAlong.addAll(tim001(batch)));

    engine.close();
    RegistryState late = roadsAndShift();
    engine = newEngine(late);
    List<ViolationEvent> reportedLate = new ArrayList<>();
    before.forEach(batch -> reportedLate.addAll(tim001(batch)));
    late.weather(snowfallEnded());
    after.forEach(batch -> reportedLate.addAll(tim001(batch)));

    // 11-0 (due 10:00) was cleared by the pass at 06:10; only 12-0 is overdue, at 14:00
    assertEquals(List.of(OPENED), statuses(knownAllAlong));
    assertEquals(Track.t(8 * H), knownAllAlong.get(0).startedAt());
    assertEquals(knownAllAlong, reportedLate);
  }

  @Test
  void onlyPloughsAreJudgedOtherTypesAreOffByTheirOverride() {
    for (String type : List.of("plough", "sweeper")) {
      engine.close();
      registry.vehicle(RuleTestSupport.vehicle("v1", type, null, null));
      engine = newEngine(registry);
      List<ViolationEvent> events = new java.util.ArrayList<>();
      lateDay().forEach(batch -> events.addAll(engine.process(batch)));

      long episodes = events.stream().filter(e -> e.regulationId().equals("TIM-001")).count();
      assertEquals(type.equals("plough"), episodes > 0, type + ": " + episodes + " events");
    }
  }

  @Test
  void opensAtTheDeadlineClosesWhenThePassComesAndAgainForTheNextSegment() {
    List<List<TelemetryPoint>> day = lateDay();
    assertEquals(List.of(), tim001(day.get(0)), "planned, nothing due");
    assertEquals(List.of(), tim001(day.get(1)), "one second before 10:00");

    List<ViolationEvent> opened = tim001(day.get(2));
    assertEquals(List.of(OPENED), statuses(opened));
    ViolationEvent o = opened.get(0);
    assertEquals(ViolationEvent.episodeId("TIM-001", SUBJECT, Track.t(4 * H)), o.violationId());
    assertEquals(Track.t(4 * H), o.startedAt());
    assertEquals(1.0, o.measurements().get("uncoveredSegments"));
    assertEquals(400.0, o.measurements().get("uncoveredM"));
    assertEquals(2.0, o.measurements().get("plannedSegments"), "13-0 lies in D2");
    assertEquals(4.0, o.parameters().get("deadlineP1H"));

    List<ViolationEvent> closed = tim001(day.get(3));
    assertEquals(List.of(CLOSED), statuses(closed));
    ViolationEvent c = closed.get(0);
    assertEquals(o.violationId(), c.violationId());
    // the pass counts once half of 11-0 is ploughed: 250 m (25 s) after the first fix
    assertEquals(Track.t(4 * H + 1825), c.endedAt());
    assertEquals(1825 / 60.0, c.measurements().get("lateMin"), 1e-6);
    assertEquals(0.0, c.measurements().get("uncoveredSegments"));

    List<ViolationEvent> second = tim001(day.get(4));
    assertEquals(List.of(OPENED), statuses(second), "12-0 (priority 3) due at 14:00");
    assertEquals(Track.t(8 * H), second.get(0).startedAt());

    List<ViolationEvent> shiftEnd = tim001(day.get(5));
    assertEquals(List.of(CLOSED), statuses(shiftEnd));
    assertEquals(Track.t(10 * H), shiftEnd.get(0).endedAt(), "closed at the shift end");
    assertEquals(1.0, shiftEnd.get(0).measurements().get("uncoveredSegments"));
    assertNull(shiftEnd.get(0).measurements().get("lateMin"));
    assertEquals(
        0, engine.factCount("v1", "TIM-001"), "the deadlines are forgotten after the shift");
  }

  @Test
  void doesNotFireWhenEverySegmentIsPloughedInTime() {
    List<ViolationEvent> events = new ArrayList<>();
    events.addAll(tim001(ping(60)));
    events.addAll(tim001(plough(H, LON_1)));
    events.addAll(tim001(plough(2 * H, LON_2)));
    events.addAll(tim001(ping(10 * H + 60)));
    assertEquals(List.of(), events);
    assertEquals(0, engine.factCount("v1", "TIM-001"));
  }

  @Test
  void aPassJustBeforeTheDeadlineIsInTimeAndOneBeforeTheSnowfallEndedDoesNotCount() {
    List<ViolationEvent> events = new ArrayList<>();
    events.addAll(tim001(plough(-1800, LON_2))); // 12-0 during the snowfall: does not count
    events.addAll(tim001(plough(4 * H - 26, LON_1))); // 11-0 counts at 09:59:59
    events.addAll(tim001(ping(8 * H)));
    assertEquals(List.of(OPENED), statuses(events), "only 12-0, at 14:00");
    assertEquals(Track.t(8 * H), events.get(0).startedAt());
  }

  @Test
  void aShiftThatEndedBeforeTheDeadlinesOrAnotherDistrictGivesNothing() {
    registry.assignment(
        AssignmentRecord.of(
            "a1", "v1", Track.t(-H), Track.t(2 * H), null, List.of("11-0", "12-0"), null, null));
    registry.weather(
        WeatherEventRecord.of("w2", "D9", WeatherEventRecord.SNOWFALL_ENDED, Track.T0, null));
    List<ViolationEvent> events = new ArrayList<>();
    events.addAll(tim001(ping(60)));
    events.addAll(tim001(ping(12 * H)));
    assertEquals(List.of(), events);
  }

  @Test
  void oneShuffledBatchOrSmallBatchesGiveTheSameEventsAsInOrder() {
    List<ViolationEvent> expected = new ArrayList<>();
    List<TelemetryPoint> all = new ArrayList<>();
    for (List<TelemetryPoint> batch : lateDay()) {
      expected.addAll(tim001(batch));
      all.addAll(batch);
    }
    assertEquals(List.of(OPENED, CLOSED, OPENED, CLOSED), statuses(expected));

    Collections.shuffle(all, new Random(3));
    engine.close();
    engine = newEngine(registry);
    assertEquals(expected, tim001(all), "one shuffled batch");

    all.sort((a, b) -> a.fixTime().compareTo(b.fixTime()));
    engine.close();
    engine = newEngine(registry);
    List<ViolationEvent> split = new ArrayList<>();
    for (int i = 0; i < all.size(); i += 4) {
      split.addAll(tim001(all.subList(i, Math.min(all.size(), i + 4))));
    }
    assertEquals(expected, split, "batches of four");
  }

  @Test
  void stateIsOneDeadlinesFactPerAssignmentAndEventWhileTheShiftLasts() {
    tim001(ping(60));
    assertEquals(1, engine.factCount("v1", "TIM-001"), "one SegmentDeadlines");
    tim001(ping(4 * H));
    assertEquals(2, engine.factCount("v1", "TIM-001"), "plus the open episode");
    tim001(ping(10 * H));
    assertEquals(0, engine.factCount("v1", "TIM-001"));
  }

  private static List<ViolationStatus> statuses(List<ViolationEvent> events) {
    return events.stream().map(ViolationEvent::status).toList();
  }
}

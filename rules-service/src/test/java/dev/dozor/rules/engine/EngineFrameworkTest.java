package dev.dozor.rules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dozor.events.AssignmentRecord;
import dev.dozor.events.JsonSerde;
import dev.dozor.events.TelemetryPoint;
import dev.dozor.events.ViolationEvent;
import dev.dozor.events.ViolationStatus;
import dev.dozor.rules.registry.RegistryState;
import dev.dozor.rules.regulation.Regulation;
import dev.dozor.rules.regulation.RegulationCatalogue;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The engine's own behaviour: partitions, registry facts, activation of another version. */
class EngineFrameworkTest {
  private final RegulationCatalogue catalogue = RegulationCatalogue.fromClasspath();
  private final RegistryState registry = new RegistryState();
  private RuleEngine engine;

  @BeforeEach
  void setUp() {
    engine = new RuleEngine(catalogue, EngineSettings.defaults(), Clock.systemUTC(), registry);
  }

  @AfterEach
  void tearDown() {
    engine.close();
  }

  @Test
  void eachVehiclesStateLivesInTheSessionOfItsKafkaPartition() {
    // two vehicle ids that Kafka's default partitioner puts into different partitions
    String a = "plough-1";
    String b = firstIdNotIn(engine.partitionOf(a));

    engine.process(Track.of(a).fixes(3, 5, 60, true).points());
    engine.process(Track.of(b).fixes(3, 5, 60, true).points());

    assertEquals(
        java.util.Set.of(engine.partitionOf(a), engine.partitionOf(b)), engine.partitions());
    assertEquals(2, engine.activeSessions());
  }

  @Test
  void releasingAPartitionDropsTheStateOfItsVehicles() {
    engine.process(Track.of("plough-1").fixes(3, 5, 60, true).points());
    assertEquals(1, engine.factCount("plough-1", "SPD-001"));

    engine.releasePartitions(List.of(engine.partitionOf("plough-1")));

    assertEquals(0, engine.factCount("plough-1", "SPD-001"));
    assertEquals(0, engine.activeSessions());
  }

  @Test
  void theStateOfAVehicleJoinsItsPointsThroughOneInstanceOfItsId() {
    // every point read from Kafka brings its own copy of the id; the rules' index look-ups compare
    // ids on every join, and two references to one string compare without reading either
    List<TelemetryPoint> points =
        Track.of("plough-1").fixes(1, 5, 10, false).fixes(3, 5, 60, true).points().stream()
            .map(EngineFrameworkTest::withOwnIdCopy)
            .toList();
    engine.process(points.subList(0, 1));
    engine.process(points.subList(1, points.size()));

    // the first point makes the tallies; the later ones (the plough down too fast) SPD-001's
    List<VehicleState> facts = engine.stateFacts("plough-1");
    assertTrue(
        facts.stream().anyMatch(f -> f.getRegulationId().equals("SPD-001")),
        "state facts of plough-1: " + facts);
    String id = facts.get(0).getVehicleId();
    facts.forEach(f -> assertSame(id, f.getVehicleId(), f.toString()));
  }

  /** The point as the consumer reads it from Kafka: decoded afresh, with its own copy of the id. */
  private static TelemetryPoint withOwnIdCopy(TelemetryPoint p) {
    return JsonSerde.fromBytes(JsonSerde.toBytes(p), TelemetryPoint.class);
  }

  @Test
  void anAssignmentOpensTheSessionOfItsVehiclesPartitionEvenWithoutPoints() {
    registry.assignment(
        AssignmentRecord.of(
            "a1", "silent-7", Track.t(0), Track.t(3600), null, List.of(), null, "night shift"));

    engine.process(Track.of("plough-1").fixes(1, 5, 10, false).points());

    assertTrue(engine.partitions().contains(engine.partitionOf("silent-7")));
  }

  @Test
  void deadlineRulesAreCheckedOncePerClockTickSoASilenceIsCaughtAtMostOneTickLate() {
    // INT-001: v1 (no assignment) is silent after t(60); the limit of 300 s passes at t(360) + 1 ms
    engine.process(Track.of("v1").fixes(7, 10, 20).points());
    List<String> opened = new java.util.ArrayList<>();
    for (int s = 358; s <= 366; s++) {
      for (ViolationEvent e : engine.process(Track.of("v2").at(s).fixes(1, 1, 20).points())) {
        if (e.regulationId().equals("INT-001") && e.vehicleId().equals("v1")) {
          opened.add(s + " " + e.status() + " from " + e.startedAt());
        }
      }
    }

    // the clock moved at t(358) (more than a tick after t(60)), then not before t(363)
    assertEquals(List.of("363 OPENED from " + Track.t(60)), opened);
    assertEquals(EngineSettings.DEFAULT_CLOCK_TICK, Duration.ofSeconds(5));
  }

  @Test
  void theEventClockIgnoresAFixFromAClockRunningAhead() {
    engine.process(
        Track.of("v1").receiveDelay(Duration.ofMinutes(-10)).fixes(1, 5, 10, false).points());
    assertEquals(Long.MIN_VALUE, engine.watermarkMs());

    engine.process(Track.of("v2").fixes(1, 5, 10, false).points());
    assertEquals(Track.t(0).toEpochMilli(), engine.watermarkMs());
  }

  @Test
  void activatingANewVersionKeepsTheOpenEpisodeAndAppliesTheNewParameters() {
    List<dev.dozor.events.TelemetryPoint> track =
        Track.of("v1").fixes(15, 5, 50, true).fixes(2, 5, 50, true).points();
    List<ViolationEvent> first = engine.process(track.subList(0, 15));
    assertEquals(ViolationStatus.OPENED, first.get(0).status());

    engine.activate(catalogue.with(spd001WithLimit(55, 2)));
    // the same episode goes on (no new OPENED); at 50 km/h it is now within the 55 km/h limit
    List<ViolationEvent> after = engine.process(track.subList(15, 17));

    assertEquals(
        List.of(ViolationStatus.CLOSED), after.stream().map(ViolationEvent::status).toList());
    assertEquals(first.get(0).violationId(), after.get(0).violationId());
    assertEquals(2, after.get(0).regulationVersion());
  }

  @Test
  void aVersionThatDoesNotCompileChangesNothing() {
    RegulationCatalogue.Entry spd = catalogue.entry("SPD-001").orElseThrow();
    RegulationCatalogue.Entry broken =
        new RegulationCatalogue.Entry(spd.regulation(), spd.drl().replace("then", "then oops("));

    assertThrows(
        KieBaseCompiler.RegulationCompileException.class,
        () -> engine.activate(catalogue.with(broken)));
    assertEquals(1, engine.catalogue().require("SPD-001").version());
  }

  @Test
  void aGpsJumpIsFlaggedAndLeftOutOfTheOtherRegulations() {
    // 60 km/h ploughing for 70 s, with one fix 5 km away in the middle: SPD-001 must not break
    Track track = Track.of("v1").fixes(7, 5, 60, true);
    track.jump(5_000).fixes(1, 5, 60, true).jump(-5_000 - 60 / 3.6 * 5).fixes(7, 5, 60, true);

    List<ViolationEvent> events = engine.process(track.points());

    assertEquals(
        List.of(ViolationStatus.OPENED),
        events.stream()
            .filter(e -> e.regulationId().equals("SPD-001"))
            .map(ViolationEvent::status)
            .toList());
  }

  private RegulationCatalogue.Entry spd001WithLimit(double limit, int version) {
    RegulationCatalogue.Entry spd = catalogue.entry("SPD-001").orElseThrow();
    Regulation r = spd.regulation();
    Map<String, dev.dozor.rules.regulation.ParameterSpec> params =
        new LinkedHashMap<>(r.parameters());
    var old = params.get("speedLimitKmh");
    params.put(
        "speedLimitKmh",
        new dev.dozor.rules.regulation.ParameterSpec(limit, old.unit(), old.description()));
    return new RegulationCatalogue.Entry(
        new Regulation(
            r.id(),
            version,
            r.title(),
            r.description(),
            r.severity(),
            r.vehicleTypes(),
            r.drl(),
            params,
            r.overrides()),
        spd.drl());
  }

  private String firstIdNotIn(int partition) {
    for (int i = 2; ; i++) {
      String id = "plough-" + i;
      if (engine.partitionOf(id) != partition) {
        assertNotEquals(partition, engine.partitionOf(id));
        return id;
      }
    }
  }
}

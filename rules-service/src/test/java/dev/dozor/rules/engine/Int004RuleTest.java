package dev.dozor.rules.engine;

import static dev.dozor.events.ViolationStatus.CLOSED;
import static dev.dozor.events.ViolationStatus.OPENED;
import static dev.dozor.rules.engine.RuleTestSupport.of;
import static dev.dozor.rules.engine.RuleTestSupport.shift;
import static dev.dozor.rules.engine.RuleTestSupport.shuffled;
import static dev.dozor.rules.engine.RuleTestSupport.statuses;
import static dev.dozor.rules.engine.RuleTestSupport.vehicle;
import static dev.dozor.rules.engine.RuleTestSupport.weather;
import static dev.dozor.rules.engine.Track.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dozor.events.Equipment;
import dev.dozor.events.TelemetryPoint;
import dev.dozor.events.ViolationEvent;
import dev.dozor.events.WeatherEventRecord;
import dev.dozor.rules.registry.RegistryState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** INT-004 (suspicious sensor): (a) a toggling channel, (b) a plough stuck over a snowy shift. */
class Int004RuleTest {
  private RegistryState registry;
  private RuleEngine engine;

  @BeforeEach
  void newEngine() {
    registry = new RegistryState();
    registry.vehicle(vehicle("v1", "plough", "D1", null));
    engine = RuleTestSupport.engine(registry);
  }

  @AfterEach
  void closeEngine() {
    engine.close();
  }

  // ---- (a) toggling ----

  /** The brush toggles on every fix stepS apart for toggleS seconds, then stays on until 150 s. */
  private static List<TelemetryPoint> brushToggling(int stepS, int toggleS) {
    Track track = Track.of("v1");
    boolean on = true;
    int s = 0;
    for (; s <= toggleS; s += stepS) {
      track
          .at(s)
          .equipment(new Equipment(null, on, null, null, null, null, null))
          .fixes(1, stepS, 10);
      on = !on;
    }
    on = !on; // keeps the last value
    for (; s <= 150; s += stepS) {
      track
          .at(s)
          .equipment(new Equipment(null, on, null, null, null, null, null))
          .fixes(1, stepS, 10);
    }
    return track.points();
  }

  @Test
  void aChannelTogglingElevenTimesInAMinuteOpensUntilTheRateDrops() {
    List<ViolationEvent> events = of("INT-004", engine.process(brushToggling(5, 90)));

    assertEquals(OPENED, events.get(0).status());
    assertEquals(
        ViolationEvent.episodeId("INT-004", "v1/brush", t(55)), events.get(0).violationId());
    assertEquals(t(55), events.get(0).startedAt(), "the 11th toggle within 60 s");
    ViolationEvent closed = events.get(events.size() - 1);
    assertEquals(CLOSED, closed.status());
    assertEquals(t(95), closed.endedAt(), "the last fix with 11 toggles in its window");
    assertEquals(11.0, closed.measurements().get("maxTogglesInWindow"));
  }

  @Test
  void exactlyTenTogglesInAMinuteAreAllowed() {
    assertEquals(List.of(), of("INT-004", engine.process(brushToggling(6, 150))));
  }

  @Test
  void aSteadyChannelIsNoViolation() {
    assertEquals(List.of(), of("INT-004", engine.process(brushToggling(5, 0))));
  }

  @Test
  void shuffledAndBatchedTogglingGivesTheSameEvents() {
    List<TelemetryPoint> points = brushToggling(5, 90);
    List<ViolationEvent> expected = of("INT-004", engine.process(points));

    RuleEngine shuffledEngine = RuleTestSupport.engine(registry);
    List<ViolationEvent> fromShuffled = of("INT-004", shuffledEngine.process(shuffled(points)));
    shuffledEngine.close();
    RuleEngine batchedEngine = RuleTestSupport.engine(registry);
    List<ViolationEvent> fromBatches = new ArrayList<>();
    RuleTestSupport.batches(points, 4)
        .forEach(b -> fromBatches.addAll(of("INT-004", batchedEngine.process(b))));
    batchedEngine.close();

    assertEquals(expected, fromShuffled);
    assertEquals(expected, fromBatches);
  }

  @Test
  void theToggleWindowIsBounded() {
    engine.process(brushToggling(1, 600)); // 600 toggles
    // the sensor (11 toggle times per channel at most) and the open episode
    assertEquals(2, engine.factCount("v1", "INT-004"));
  }

  @Test
  void aSensorHandedOverByCheckpointMidTogglingGivesTheSameEventsAsAnUninterruptedOne() {
    List<TelemetryPoint> points = brushToggling(5, 90);
    List<ViolationEvent> uninterrupted = of("INT-004", engine.process(points));
    assertTrue(statuses(uninterrupted).contains(OPENED));

    // cut before the first toggle, with a few toggle times held and with many (the ring grown)
    for (int cut : List.of(1, 4, 9, 15, 21)) {
      List<ViolationEvent> handedOver = new ArrayList<>();
      try (RuleEngine first = RuleTestSupport.engine(registry);
          RuleEngine second = RuleTestSupport.engine(registry)) {
        handedOver.addAll(of("INT-004", first.process(points.subList(0, cut))));
        for (int partition : first.partitions()) {
          second.restore(second.readSnapshot(first.snapshot(partition).toBytes()));
        }
        handedOver.addAll(of("INT-004", second.process(points.subList(cut, points.size()))));
      }
      assertEquals(uninterrupted, handedOver, "cut after " + cut + " fixes");
    }
  }

  @Test
  void theSensorIsCheckpointedInTheFormOfEarlierVersions() {
    // its channels' last values and toggle deques: checkpoints written before the sensor kept them
    // in bits and one array are read, and older versions read the new ones
    java.io.ObjectStreamClass form =
        java.io.ObjectStreamClass.lookup(dev.dozor.rules.regulation.int004.Int004Sensor.class);
    java.util.Map<String, String> fields = new java.util.TreeMap<>();
    for (java.io.ObjectStreamField f : form.getFields()) {
      fields.put(f.getName(), f.getTypeString());
    }

    assertEquals(1L, form.getSerialVersionUID());
    assertEquals(
        java.util.Map.of(
            "vehicleId", "Ljava/lang/String;",
            "last", "[Ljava/lang/Boolean;",
            "toggles", "[Ljava/util/ArrayDeque;",
            "lastFix", "Ldev/dozor/rules/engine/VehiclePoint;"),
        fields);
  }

  // ---- (b) stuck plough over a snowy shift ----

  /** count fixes 30 s apart from the shift start, plough down except fix number upAt (-1: none). */
  private static List<TelemetryPoint> shiftFixes(int count, int upAt) {
    Track track = Track.of("v1");
    for (int i = 0; i < count; i++) {
      track.at(i * 30).equipment(Equipment.plough(i != upAt)).fixes(1, 30, 10);
    }
    return track.at(3700).equipment(Equipment.plough(false)).fixes(1, 30, 0).points();
  }

  private void snowyShift(String snowDistrict) {
    registry.assignment(shift("a1", "v1", t(0), t(3600)));
    registry.weather(weather("w1", snowDistrict, WeatherEventRecord.SNOWFALL_STARTED, t(-3600)));
  }

  @Test
  void aPloughDownOnEveryFixOfASnowyShiftIsReportedAtTheShiftEnd() {
    snowyShift("D1");

    List<ViolationEvent> events = of("INT-004", engine.process(shiftFixes(120, -1)));

    assertEquals(List.of(OPENED, CLOSED), statuses(events));
    assertEquals(
        ViolationEvent.episodeId("INT-004", "v1/plough@a1", t(0)), events.get(0).violationId());
    assertEquals(t(0), events.get(1).startedAt());
    assertEquals(t(119 * 30), events.get(1).endedAt());
    assertEquals(120.0, events.get(1).measurements().get("shiftFixes"));
    assertEquals(120.0, events.get(1).measurements().get("ploughDownFixes"));
  }

  @Test
  void onePloughUpFixClearsTheShift() {
    snowyShift("D1");
    assertEquals(List.of(), of("INT-004", engine.process(shiftFixes(120, 60))));
  }

  @Test
  void exactlyMinShiftFixesIsEnoughAndOneLessIsNot() {
    snowyShift("D1");
    assertEquals(
        List.of(OPENED, CLOSED), statuses(of("INT-004", engine.process(shiftFixes(100, -1)))));

    RuleEngine other = RuleTestSupport.engine(registry);
    assertEquals(List.of(), of("INT-004", other.process(shiftFixes(99, -1))));
    other.close();
  }

  @Test
  void withoutSnowfallInTheHomeDistrictTheShiftIsNotJudged() {
    snowyShift("D2");
    assertEquals(List.of(), of("INT-004", engine.process(shiftFixes(120, -1))));
  }

  @Test
  void aSnowfallThatEndedBeforeTheShiftStartDoesNotCount() {
    snowyShift("D1");
    registry.weather(weather("w2", "D1", WeatherEventRecord.SNOWFALL_ENDED, t(-600)));
    assertEquals(List.of(), of("INT-004", engine.process(shiftFixes(120, -1))));
  }

  @Test
  void otherVehiclesTrafficPassingTheShiftEndReportsItAndDropsTheState() {
    snowyShift("D1");
    String other = RuleTestSupport.samePartitionAs(engine, "v1", "other-");
    List<TelemetryPoint> shift = shiftFixes(120, -1);
    engine.process(shift.subList(0, shift.size() - 1)); // without the fix after the shift
    assertTrue(engine.factCount("v1", "INT-004") >= 1);

    List<ViolationEvent> events =
        of("INT-004", engine.process(Track.of(other).at(3600).fixes(1, 10, 20).points()));

    assertEquals(List.of(OPENED, CLOSED), statuses(events));
    assertEquals(1, engine.factCount("v1", "INT-004"), "only the channel sensor remains");
  }
}

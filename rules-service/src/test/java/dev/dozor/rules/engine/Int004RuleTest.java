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

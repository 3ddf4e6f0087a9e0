package dev.dozor.rules.engine;

import static dev.dozor.rules.engine.RuleTestSupport.of;
import static dev.dozor.rules.engine.RuleTestSupport.shift;
import static dev.dozor.rules.engine.RuleTestSupport.vehicle;
import static dev.dozor.rules.engine.Track.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.dozor.events.Equipment;
import dev.dozor.events.TelemetryPoint;
import dev.dozor.events.ViolationEvent;
import dev.dozor.rules.registry.RegistryState;
import dev.dozor.rules.regulation.RegulationCatalogue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The conditions that spare a point a join ({@code holdsEpisodeOf}, {@code holdsState}, and each
 * regulation's own condition on what the vehicle holds, such as {@code Int001Watch.mayEndSilence})
 * never change what the rules find: the shipped DRLs and the same DRLs with every such condition
 * replaced by {@code true} give the same events, live and as a late upload, over shifts that follow
 * each other, silences, a late roll-out and periods that change.
 */
class HeldConditionsTest {
  // a static call of a regulation class on the point, and the count conditions
  private static final Pattern CONDITION =
      Pattern.compile(
          "\\b[A-Z]\\w+\\.may\\w+\\( this(, \"[^\"]*\")? \\)"
              + "|\\bholds(EpisodeOf|AnyEpisode|State|NoState)\\( [^)]*\\)");

  @Test
  void theShippedConditionsGiveTheEventsOfRulesWithoutThem() {
    RegulationCatalogue ungated = withoutConditions();
    assertNotEquals(RuleTestSupport.CATALOGUE.entries(), ungated.entries());

    for (boolean late : new boolean[] {false, true}) {
      List<ViolationEvent> gated = run(RuleTestSupport.CATALOGUE, late);
      for (String id : List.of("INT-001", "INT-003", "TIM-006")) {
        assertFalse(of(id, gated).isEmpty(), "the workload reaches " + id);
      }
      if (!late) {
        // shuffled, most of a run's fixes come after later ones and are skipped
        for (String id : List.of("SPD-002", "SPD-003")) {
          assertFalse(of(id, gated).isEmpty(), "the workload reaches " + id);
        }
      }
      assertSameEvents(run(ungated, late), gated, late ? "as a late upload" : "live");
    }
  }

  /** Names the first event that differs (the lists run to a hundred events). */
  private static void assertSameEvents(
      List<ViolationEvent> expected, List<ViolationEvent> actual, String how) {
    for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
      assertEquals(expected.get(i), actual.get(i), how + ", event " + i);
    }
    assertEquals(expected.size(), actual.size(), how + ": number of events");
  }

  private static RegulationCatalogue withoutConditions() {
    List<RegulationCatalogue.Entry> entries = new ArrayList<>();
    for (RegulationCatalogue.Entry e : RuleTestSupport.CATALOGUE.entries()) {
      entries.add(
          new RegulationCatalogue.Entry(
              e.regulation(), CONDITION.matcher(e.drl()).replaceAll("true")));
    }
    return RegulationCatalogue.of(entries);
  }

  /**
   * v1: two shifts back to back, an odometer 30 % high, a 20-minute silence in the first and fixes
   * past the second; v2: no assignment, a silence with the ignition unknown; v3: a shift whose
   * first fix comes 40 minutes after its start (a late roll-out), standing in its depot; v4: a
   * sweeper brushing too fast, then slowly, then with the brush off, then too fast again; v5: a
   * spreader spreading too much, pausing past {@code maxPauseS}, then within the norm.
   */
  private static List<ViolationEvent> run(RegulationCatalogue catalogue, boolean late) {
    RegistryState registry = new RegistryState();
    registry.zone(Places.squareZone("depot-3", "depot", 55.75, 37.62, 300));
    registry.vehicle(vehicle("v1", "plough", null, null));
    registry.vehicle(vehicle("v2", "sweeper", null, null));
    registry.vehicle(vehicle("v3", "plough", null, "depot-3"));
    registry.vehicle(vehicle("v4", "sweeper", null, null));
    registry.vehicle(vehicle("v5", "spreader", null, null));
    registry.assignment(shift("a1", "v1", t(0), t(3600)));
    registry.assignment(shift("a2", "v1", t(3600), t(7200)));
    registry.assignment(shift("a3", "v3", t(0), t(7200)));
    registry.publishPlaces();
    List<TelemetryPoint> points = new ArrayList<>();
    points.addAll(
        Track.of("v1")
            .odometer(1000, 1.3)
            .fixes(40, 20, 36, true)
            .pause(Duration.ofMinutes(20))
            .fixes(300, 20, 36, true)
            .points());
    points.addAll(
        Track.of("v2")
            .at(300)
            .fixes(30, 30, 20)
            .pause(Duration.ofMinutes(25))
            .fixes(30, 30, 20)
            .points());
    points.addAll(
        Track.of("v3")
            .position(55.75, 37.62)
            .at(2400)
            .fixes(10, 60, 0)
            .jump(2000)
            .fixes(100, 30, 30)
            .points());
    Equipment brush = new Equipment(null, true, null, null, null, null, null);
    Equipment brushOff = new Equipment(null, false, null, null, null, null, null);
    points.addAll(
        Track.of("v4")
            .equipment(brush)
            .fixes(50, 5, 25)
            .fixes(40, 5, 6)
            .equipment(brushOff)
            .fixes(5, 5, 20)
            .equipment(brush)
            .fixes(40, 5, 25)
            .points());
    points.addAll(
        Track.of("v5")
            .equipment(new Equipment(null, null, true, 60.0, null, null, null))
            .fixes(60, 10, 30)
            .pause(Duration.ofMinutes(5))
            .equipment(new Equipment(null, null, true, 20.0, null, null, null))
            .fixes(60, 10, 30)
            .points());
    List<TelemetryPoint> inOrder =
        points.stream().sorted(Comparator.comparing(TelemetryPoint::fixTime)).toList();
    List<TelemetryPoint> delivered = late ? RuleTestSupport.shuffled(inOrder) : inOrder;
    try (RuleEngine engine = RuleTestSupport.engine(catalogue, registry)) {
      return RuleTestSupport.inBatches(engine, delivered, 9);
    }
  }
}

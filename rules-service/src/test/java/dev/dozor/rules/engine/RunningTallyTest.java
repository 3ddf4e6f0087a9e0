package dev.dozor.rules.engine;

import static dev.dozor.rules.engine.RuleTestSupport.of;
import static dev.dozor.rules.engine.RuleTestSupport.shift;
import static dev.dozor.rules.engine.RuleTestSupport.vehicle;
import static dev.dozor.rules.engine.Track.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.dozor.events.Equipment;
import dev.dozor.events.ViolationEvent;
import dev.dozor.rules.registry.RegistryState;
import dev.dozor.rules.regulation.RegulationCatalogue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Running tallies (a watch's last fix, a period's distance, a sensor's toggles, a shift's counts)
 * take each valid fix of their vehicle from the partition session, not from a rule: once, in the
 * phase they ask for, only while the session holds them; and a regulation version stored while a
 * rule still did the counting gives the same events (nothing is counted twice).
 */
class RunningTallyTest {
  /** The counting rules the shipped DRLs had before the tallies took fixes themselves. */
  private static final Map<String, String> OLD_COUNTING_RULES =
      Map.of(
          "INT-001",
          """
          rule "INT-001 remember the latest fix"
              salience -10
          when
              $c  : EventClock( )
              $pt : VehiclePoint( $vid : vehicleId, valid )
              $w  : Int001Watch( vehicleId == $vid, lastFixTimeMs < $pt.fixTimeMs )
          then
              if ( $w.remember( $pt, $c.getNowMs() ) ) {
                  update( $w );
              }
          end
          """,
          "INT-003",
          """
          rule "INT-003 a fix adds to the tally of its period"
              salience -20
          when
              $pt : VehiclePoint( $vid : vehicleId, valid )
              $t  : Int003Tally( vehicleId == $vid, over == false, lastFixTimeMs < $pt.fixTimeMs,
                                 covers( $pt ) )
          then
              $t.add( $pt );
          end
          """,
          "INT-004",
          """
          rule "INT-004 count the toggles of the next fix"
              salience 20
          when
              $pt : VehiclePoint( $vid : vehicleId, valid )
              $s  : Int004Sensor( vehicleId == $vid, lastFixTimeMs < $pt.fixTimeMs )
          then
              if ( $s.observe( $pt ) ) {
                  update( $s );
              }
          end

          rule "INT-004 a fix on shift counts for the shift"
              salience -20
          when
              $pt : VehiclePoint( $ptAssignmentId : assignmentId, $vid : vehicleId, valid, onShift )
              $t  : Int004Shift( vehicleId == $vid, over == false,
                                 assignmentId == $ptAssignmentId, lastFixTimeMs < $pt.fixTimeMs )
          then
              $t.add( $pt );
          end
          """,
          "SPD-002",
          """
          rule "SPD-002 add a brush-on fix to the window"
          when
              $pt : VehiclePoint( $vid : vehicleId, valid, brushOn )
              $w  : BrushWindow( vehicleId == $vid, lastFixTimeMs < $pt.fixTimeMs )
          then
              modify( $w ) { add( $pt ) }
          end
          """,
          "SPD-003",
          """
          rule "SPD-003 add a spreading fix to the chunk"
          when
              $pt : VehiclePoint( $vid : vehicleId, valid, spreading( this ) )
              $c  : SpreadChunk( vehicleId == $vid, lastFixTimeMs < $pt.fixTimeMs )
          then
              modify( $c ) { add( $pt, inYard( $pt ) ) }
          end
          """);

  @Test
  void aStoredVersionThatStillCountsFixesInARuleGivesTheSameEvents() {
    List<ViolationEvent> shipped = run(RuleTestSupport.CATALOGUE);
    List<ViolationEvent> stored = run(withOldCountingRules());

    assertFalse(of("INT-001", shipped).isEmpty(), "the workload has a telemetry gap");
    assertFalse(of("INT-003", shipped).isEmpty(), "and an odometer counting too much");
    assertFalse(of("INT-004", shipped).isEmpty(), "and a brush toggling too often");
    assertFalse(of("SPD-002", shipped).isEmpty(), "and a sweeper brushing too fast");
    assertFalse(of("SPD-003", shipped).isEmpty(), "and a spreader spreading too much");
    assertEquals(shipped, stored);
  }

  @Test
  void aTallyTakesOnlyThePointsOfItsPhaseAndOnlyWhileHeld() {
    HeldState held = new HeldState();
    RecordingTally before = new RecordingTally(RunningTally.Phase.BEFORE_RULES, true);
    RecordingTally after = new RecordingTally(RunningTally.Phase.AFTER_RULES, false);
    held.add(before, null);
    held.add(after, null);
    VehiclePoint point = new VehiclePoint(Track.of("v1").fixes(1, 10, 10).points().get(0));
    List<Object> changed = new ArrayList<>();

    assertEquals(1, held.take(RunningTally.Phase.BEFORE_RULES, point, 0, changed::add));
    assertEquals(0, held.take(RunningTally.Phase.AFTER_RULES, point, 0, changed::add));
    held.remove(before);
    held.take(RunningTally.Phase.BEFORE_RULES, point, 0, changed::add);

    assertEquals(List.of(point), before.taken, "once, in its phase, not after it was dropped");
    assertEquals(List.of(point), after.taken);
    assertEquals(1, changed.size(), "only the tally that changed what rules read is updated");
  }

  /**
   * One plough with an odometer: toggling brush, a 30-minute silence, a fix after the shift; one
   * sweeper brushing at 25 km/h for five minutes, then slowly, then with the brush off; one
   * spreader spreading 60 g/m² (the norm is 5–40) for five kilometres, pausing, then within the
   * norm.
   */
  private static List<ViolationEvent> run(RegulationCatalogue catalogue) {
    RegistryState registry = new RegistryState();
    registry.vehicle(vehicle("v1", "plough", null, null));
    registry.vehicle(vehicle("v2", "sweeper", null, null));
    registry.vehicle(vehicle("v3", "spreader", null, null));
    registry.assignment(shift("a1", "v1", t(0), t(3600)));
    Track track = Track.of("v1").odometer(1000, 1.3);
    boolean on = true;
    for (int s = 0; s <= 120; s += 5) {
      track.at(s).equipment(new Equipment(null, on, null, null, null, null, null)).fixes(1, 5, 36);
      on = !on;
    }
    track.at(2000).fixes(30, 10, 36).at(3700).fixes(1, 10, 0);
    Equipment brush = new Equipment(null, true, null, null, null, null, null);
    Track sweeper =
        Track.of("v2")
            .equipment(brush)
            .fixes(60, 5, 25)
            .fixes(40, 5, 6)
            .equipment(new Equipment(null, false, null, null, null, null, null))
            .fixes(5, 5, 20);
    Track spreader =
        Track.of("v3")
            .equipment(new Equipment(null, null, true, 60.0, null, null, null))
            .fixes(60, 10, 30)
            .at(900)
            .equipment(new Equipment(null, null, true, 20.0, null, null, null))
            .fixes(40, 10, 30);
    List<dev.dozor.events.TelemetryPoint> points = new ArrayList<>(track.points());
    points.addAll(sweeper.points());
    points.addAll(spreader.points());
    points.sort(java.util.Comparator.comparing(dev.dozor.events.TelemetryPoint::fixTime));
    try (RuleEngine engine = RuleTestSupport.engine(catalogue, registry)) {
      // in batches, so the session holds the tallies across them
      return RuleTestSupport.inBatches(engine, points, 7);
    }
  }

  private static RegulationCatalogue withOldCountingRules() {
    List<RegulationCatalogue.Entry> entries = new ArrayList<>();
    for (RegulationCatalogue.Entry e : RuleTestSupport.CATALOGUE.entries()) {
      String old = OLD_COUNTING_RULES.get(e.regulation().id());
      entries.add(
          old == null ? e : new RegulationCatalogue.Entry(e.regulation(), e.drl() + "\n" + old));
    }
    return RegulationCatalogue.of(entries);
  }

  private static final class RecordingTally implements RunningTally {
    private final Phase phase;
    private final boolean changes;
    private final List<VehiclePoint> taken = new ArrayList<>();

    RecordingTally(Phase phase, boolean changes) {
      this.phase = phase;
      this.changes = changes;
    }

    @Override
    public Phase phase() {
      return phase;
    }

    @Override
    public boolean take(VehiclePoint point, long eventNowMs) {
      taken.add(point);
      return changes;
    }

    @Override
    public String getVehicleId() {
      return "v1";
    }

    @Override
    public String getRegulationId() {
      return "TEST";
    }
  }
}

package dev.dozor.rules.engine;

import static dev.dozor.events.ViolationStatus.CLOSED;
import static dev.dozor.events.ViolationStatus.OPENED;
import static dev.dozor.events.ViolationStatus.UPDATED;
import static dev.dozor.rules.engine.PlaceRuleSupport.assertOrderIndependent;
import static dev.dozor.rules.engine.PlaceRuleSupport.engine;
import static dev.dozor.rules.engine.PlaceRuleSupport.north;
import static dev.dozor.rules.engine.PlaceRuleSupport.statuses;
import static dev.dozor.rules.engine.Track.t;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dozor.events.TelemetryPoint;
import dev.dozor.events.VehicleRecord;
import dev.dozor.events.ViolationEvent;
import dev.dozor.rules.registry.RegistryState;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GEO-003 (snow dumped outside an approved site) on the pure engine. */
class Geo003RuleTest {
  private static final String ID = "GEO-003";

  /** A snow-melting station 100 m × 100 m around the point 500 m north of the start. */
  private static final Consumer<RegistryState> PLACES =
      r -> {
        r.zone(Places.squareZone("smp-1", "snow-melting-station", north(500), 37.62, 50));
        r.vehicle(VehicleRecord.of("truck-1", "A1", "plough", "c", "d"));
        r.vehicle(VehicleRecord.of("refuse-1", "A2", "refuse", "c", "d"));
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

  /** Stands still at metres north of the start: count fixes 10 s apart, body up or down. */
  private static Track standing(Track track, double metresNorth, int count, boolean tipped) {
    return track
        .position(north(metresNorth), 37.62)
        .equipment(null, null, null, null, tipped, true)
        .fixes(count, 10, 0);
  }

  private List<ViolationEvent> run(List<TelemetryPoint> points) {
    return PlaceRuleSupport.only(ID, engine.process(points));
  }

  @Test
  void tippingOnTheRoadOpensAtOnceAndClosesWhenTheBodyComesDown() {
    Track track = Track.of("truck-1");
    standing(track, 0, 2, false); // 0, 10 s
    standing(track, 0, 4, true); // 20..50 s tipped
    standing(track, 0, 1, false); // 60 s

    List<ViolationEvent> events = run(track.points());

    assertEquals(List.of(OPENED, UPDATED, CLOSED), statuses(events));
    assertEquals(ViolationEvent.episodeId(ID, "truck-1", t(20)), events.get(0).violationId());
    assertEquals(t(20), events.get(0).eventTime(), "instantaneous");
    assertEquals(t(50), events.get(2).endedAt());
    assertEquals(30.0, events.get(2).measurements().get("durationS"));
    assertEquals(1.0, events.get(0).parameters().get("enabled"));
  }

  @Test
  void tippingInsideTheStationIsAllowed() {
    Track track = Track.of("truck-1");
    standing(track, 480, 6, true);
    standing(track, 480, 1, false);

    assertEquals(List.of(), run(track.points()));
  }

  @Test
  void exactlyOnTheStationBoundaryCountsAsInsideAndOneMetreOutDoesNot() {
    Track inside = Track.of("truck-1");
    standing(inside, 450.5, 3, true); // 0.5 m inside the south edge (450 m)
    assertEquals(List.of(), run(inside.points()));

    Track outside = Track.of("truck-1").at(600);
    standing(outside, 449, 1, true); // 1 m outside
    standing(outside, 449, 1, false);
    List<ViolationEvent> events = run(outside.points());
    assertEquals(List.of(OPENED, CLOSED), statuses(events));
    assertEquals(0.0, events.get(1).measurements().get("durationS"));
  }

  @Test
  void aRefuseTruckTippingIsNotChecked() {
    Track track = Track.of("refuse-1");
    standing(track, 0, 5, true);

    assertEquals(List.of(), run(track.points()));
  }

  @Test
  void anUnreportedBodyChannelNeverFires() {
    assertEquals(List.of(), run(Track.of("truck-1").fixes(20, 10, 0).points()));
  }

  @Test
  void shuffledAndBatchedInputGiveTheSameEvents() {
    List<TelemetryPoint> points = new ArrayList<>();
    Track a = Track.of("truck-1");
    standing(a, 0, 3, false);
    standing(a, 0, 5, true);
    standing(a, 0, 2, false);
    standing(a, 480, 4, true); // inside the station later
    points.addAll(a.points());
    Track b = Track.of("truck-2");
    standing(b, 100, 12, true);
    points.addAll(b.points());

    List<ViolationEvent> events = assertOrderIndependent(ID, PLACES, points);

    assertEquals(List.of(OPENED, UPDATED, CLOSED), statuses(only("truck-1", events)));
    assertEquals(List.of(OPENED, UPDATED, UPDATED, UPDATED), statuses(only("truck-2", events)));
  }

  private static List<ViolationEvent> only(String vehicleId, List<ViolationEvent> events) {
    return events.stream().filter(e -> e.vehicleId().equals(vehicleId)).toList();
  }

  @Test
  void stateIsOneEpisodeWhileTippingAndNoneAfter() {
    Track track = Track.of("truck-1");
    standing(track, 0, 3, true);
    engine.process(track.points());
    assertEquals(1, engine.factCount("truck-1", "GEO-003"));

    Track after = Track.of("truck-1").at(100);
    standing(after, 0, 1, false);
    engine.process(after.points());
    assertEquals(0, engine.factCount("truck-1", "GEO-003"));
  }
}

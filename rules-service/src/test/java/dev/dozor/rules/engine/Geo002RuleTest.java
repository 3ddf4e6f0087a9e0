package dev.dozor.rules.engine;

import static dev.dozor.events.ViolationStatus.CLOSED;
import static dev.dozor.events.ViolationStatus.OPENED;
import static dev.dozor.events.ViolationStatus.UPDATED;
import static dev.dozor.rules.engine.PlaceRuleSupport.LON0;
import static dev.dozor.rules.engine.PlaceRuleSupport.assertOrderIndependent;
import static dev.dozor.rules.engine.PlaceRuleSupport.engine;
import static dev.dozor.rules.engine.PlaceRuleSupport.north;
import static dev.dozor.rules.engine.PlaceRuleSupport.statuses;
import static dev.dozor.rules.engine.Track.t;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dozor.events.AssignmentRecord;
import dev.dozor.events.SchemaVersions;
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

/** GEO-002 (outside the service area) on the pure engine. */
class Geo002RuleTest {
  private static final String ID = "GEO-002";

  /**
   * Home district d-home (okrug СВАО) from -500 m to 500 m around the start; d-other (ЦАО) from 500
   * m to 1500 m north. All vehicles live in d-home but "nohome"; v2 has a work zone in ЦАО, v3 a
   * road segment there, v4 its depot there.
   */
  private static final Consumer<RegistryState> PLACES =
      r -> {
        r.district(Places.squareDistrict("d-home", "СВАО", north(0), LON0, 500));
        r.district(Places.squareDistrict("d-other", "ЦАО", north(1000), LON0, 500));
        r.zone(Places.squareZone("wz-9", "work-zone", north(1200), LON0, 100));
        r.zone(Places.squareZone("depot-9", "depot", north(800), LON0, 100));
        r.segment(Places.segment("900-0", north(1300), LON0, 90, 200, 2, null, "d-other"));
        for (String v : List.of("v1", "v2", "v3", "v4", "v5")) {
          r.vehicle(vehicle(v, "d-home", v.equals("v4") ? "depot-9" : null));
        }
        r.vehicle(vehicle("nohome", null, null));
        r.assignment(
            AssignmentRecord.of(
                "a-v2", "v2", t(-3600), t(7 * 3600), "wz-9", List.of(), null, null));
        r.assignment(
            AssignmentRecord.of(
                "a-v3", "v3", t(-3600), t(7 * 3600), null, List.of("900-0"), null, null));
      };

  private static VehicleRecord vehicle(String id, String home, String depot) {
    return new VehicleRecord(
        SchemaVersions.VEHICLE, id, id, "sweeper", "c", "d", null, home, depot);
  }

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

  /** Stands at metres north of the start for seconds (a fix every 30 s), then drives home. */
  private static Track awayThenHome(String vehicleId, double metresNorth, int seconds) {
    return awayThenHome(vehicleId, 0, metresNorth, seconds);
  }

  private static Track awayThenHome(String vehicleId, int startS, double metresNorth, int seconds) {
    Track track = Track.of(vehicleId).at(startS).position(north(metresNorth), LON0);
    track.fixes(seconds / 30 + 1, 30, 0);
    track.position(north(0), LON0).fixes(1, 30, 0);
    return track;
  }

  @Test
  void fiveMinutesInAnotherOkrugOpensAndComingHomeCloses() {
    List<ViolationEvent> events = run(awayThenHome("v1", 800, 330).points());

    assertEquals(List.of(OPENED, UPDATED, CLOSED), statuses(events));
    assertEquals(ViolationEvent.episodeId(ID, "v1", t(0)), events.get(0).violationId());
    assertEquals(t(300), events.get(0).eventTime());
    assertEquals(t(330), events.get(2).endedAt());
    assertEquals(t(360), events.get(2).eventTime());
  }

  @Test
  void insideTheHomeOkrugNothingFires() {
    assertEquals(List.of(), run(awayThenHome("v1", 300, 900).points()));
  }

  @Test
  void exactlyFiveMinutesOpensAndFourAndAHalfDoNot() {
    List<ViolationEvent> at = run(awayThenHome("v1", 800, 300).points());
    assertEquals(List.of(OPENED, CLOSED), statuses(at));
    assertEquals(300.0, at.get(1).measurements().get("durationS"));

    assertEquals(List.of(), run(awayThenHome("v5", 800, 270).points()));
  }

  @Test
  void outsideEveryDistrictCountsAsOutside() {
    assertEquals(List.of(OPENED, CLOSED), statuses(run(awayThenHome("v1", -900, 300).points())));
  }

  @Test
  void anAssignmentWithAZoneOrSegmentInThatOkrugAllowsIt() {
    assertEquals(List.of(), run(awayThenHome("v2", 800, 900).points()), "work zone in ЦАО");
    assertEquals(List.of(), run(awayThenHome("v3", 800, 900).points()), "segment in ЦАО");
  }

  @Test
  void theOwnDepotInAnotherOkrugIsAllowedButNotItsSurroundings() {
    assertEquals(List.of(), run(awayThenHome("v4", 800, 900).points()), "in the depot");
    assertEquals(
        List.of(OPENED, CLOSED), statuses(run(awayThenHome("v4", 2000, 1000, 300).points())));
  }

  @Test
  void vehiclesWithoutAHomeDistrictOrUnknownAreNotChecked() {
    assertEquals(List.of(), run(awayThenHome("nohome", 800, 900).points()));
    assertEquals(List.of(), run(awayThenHome("stranger", 800, 900).points()));
  }

  @Test
  void shuffledAndBatchedInputGiveTheSameEvents() {
    List<TelemetryPoint> points = new ArrayList<>(awayThenHome("v1", 800, 420).points());
    points.addAll(awayThenHome("v5", 1200, 330).points());
    points.addAll(awayThenHome("v2", 1200, 600).points());

    List<ViolationEvent> events = assertOrderIndependent(ID, PLACES, points);

    assertEquals(2, events.stream().filter(e -> e.status() == CLOSED).count());
  }

  @Test
  void stateIsOneEpisodeAwayAndNoneAtHome() {
    Track track = awayThenHome("v1", 800, 120);
    List<TelemetryPoint> points = track.points();
    engine.process(points.subList(0, points.size() - 1));
    assertEquals(1, engine.factCount("v1", "GEO-002"));
    engine.process(points.subList(points.size() - 1, points.size()));
    assertEquals(0, engine.factCount("v1", "GEO-002"));
  }
}

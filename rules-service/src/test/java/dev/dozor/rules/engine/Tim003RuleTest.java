package dev.dozor.rules.engine;

import static dev.dozor.rules.engine.PlaceRuleSupport.LON0;
import static dev.dozor.rules.engine.PlaceRuleSupport.engine;
import static dev.dozor.rules.engine.PlaceRuleSupport.north;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dozor.events.TelemetryPoint;
import dev.dozor.events.VehicleRecord;
import dev.dozor.rules.registry.RegistryState;
import dev.dozor.rules.sites.SiteVisit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * TIM-003, the vehicle half: container-site VISITS of refuse trucks detected in the vehicle
 * sessions and returned in {@link EngineOutput#visits()} (the overdue half is {@code
 * dev.dozor.rules.sites.SiteMonitorTest}). A visit is reported when the stop qualifies and again
 * with its final end when the truck drives off.
 */
class Tim003RuleTest {
  private static final String ID = "TIM-003";
  private static final Instant T0 = Instant.parse("2026-01-15T06:00:00Z");

  /** Container site cs-1: 20 m × 20 m, from 90 m to 110 m north of the start. */
  private static final Consumer<RegistryState> PLACES =
      r -> {
        r.zone(Places.squareZone("cs-1", "container-site", north(100), LON0, 10));
        r.zone(Places.squareZone("cs-2", "container-site", north(400), LON0, 10));
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

  private List<SiteVisit> visits(List<TelemetryPoint> points) {
    return engine.processBatch(points).visits();
  }

  /** Stands at metres north of the start for seconds (a fix every 10 s), then drives off. */
  private static Track stop(String vehicleId, Instant start, double metresNorth, int seconds) {
    Track track = new Track(vehicleId, start).position(north(metresNorth), LON0);
    track.fixes(seconds / 10 + 1, 10, 0);
    track.fixes(1, 10, 20);
    return track;
  }

  @Test
  void aMinuteAtTheSiteIsAVisitReportedWhenItQualifiesAndWhenTheTruckDrivesOff() {
    List<SiteVisit> visits = visits(stop("r1", T0, 75, 90).points());

    assertEquals(2, visits.size(), visits.toString());
    SiteVisit qualified = visits.get(0);
    SiteVisit last = visits.get(1);
    assertEquals("cs-1", qualified.siteId());
    assertEquals("r1", qualified.vehicleId());
    assertEquals(T0, qualified.startedAt());
    assertEquals(T0.plusSeconds(60), qualified.endedAt(), "qualifies after 60 s");
    assertEquals(T0.plusSeconds(90), last.endedAt(), "the last standing fix");
    assertEquals(qualified.visitId(), last.visitId(), "one visit, reported twice");
    assertEquals(
        List.of(T0, T0.plusSeconds(60), T0.plusSeconds(90)),
        last.evidence().stream().map(e -> e.fixTime()).toList(),
        "first, qualifying and last fix");
    assertEquals(SiteVisit.VISIT, last.kind());
  }

  @Test
  void aStopOfExactlyMinStopSIsAVisitAndAShorterOneIsNot() {
    List<SiteVisit> at = visits(stop("r1", T0, 75, 60).points());
    assertEquals(1, at.size(), "qualifies at the last standing fix: nothing more to report");
    assertEquals(T0.plusSeconds(60), at.get(0).endedAt());

    assertEquals(List.of(), visits(stop("r2", T0, 75, 50).points()));
  }

  @Test
  void withinRadiusMOfTheSiteCountsAndFartherDoesNot() {
    // the site's outline begins 90 m north: 61 m north is 29 m away, 58 m is 32 m away
    assertEquals(1, visits(stop("r1", T0, 61, 60).points()).size());
    assertEquals(List.of(), visits(stop("r2", T0, 58, 300).points()), "32 m away");
  }

  @Test
  void exactlyRadiusMFromTheSiteCounts() {
    // 30 m south of the outline, up to the projection's rounding (< 1 cm)
    double metres = 90 - 30 + 0.01;
    assertEquals(1, visits(stop("r1", T0, metres, 60).points()).size());
    assertEquals(List.of(), visits(stop("r2", T0, 90 - 30 - 0.05, 60).points()));
  }

  @Test
  void insideTheSiteCounts() {
    assertEquals(1, visits(stop("r1", T0, 100, 60).points()).size());
  }

  @Test
  void onlyRefuseTrucksVisit() {
    assertEquals(List.of(), visits(stop("p1", T0, 75, 300).points()), "a plough");
    assertEquals(List.of(), visits(stop("unknown", T0, 75, 300).points()), "no registry entry");
  }

  @Test
  void drivingPastTheSiteSlowlyIsNotAVisit() {
    Track track = new Track("r1", T0).position(north(60), LON0).fixes(20, 10, 1.5);
    assertEquals(List.of(), visits(track.points()));
  }

  @Test
  void aDataGapLongerThanMaxGapSEndsTheStop() {
    Track track = new Track("r1", T0).position(north(75), LON0).fixes(4, 10, 0); // 0..30 s
    track.pause(Duration.ofSeconds(150)).fixes(4, 10, 0); // 190..220 s: a new stop, 30 s
    track.fixes(1, 10, 20);
    assertEquals(List.of(), visits(track.points()), "two stops of 30 s, neither a visit");
  }

  @Test
  void twoSitesInTurnAreTwoVisits() {
    Track track = new Track("r1", T0).position(north(75), LON0).fixes(8, 10, 0);
    track.position(north(400), LON0).fixes(8, 10, 0).fixes(1, 10, 30);
    List<SiteVisit> visits = visits(track.points());
    assertEquals(
        List.of("cs-1", "cs-1", "cs-2", "cs-2"), visits.stream().map(SiteVisit::siteId).toList());
    assertEquals(T0.plusSeconds(70), visits.get(1).endedAt(), "cs-1 ends when the truck left it");
  }

  @Test
  void shuffledAndBatchedInputGiveTheSameVisits() {
    List<TelemetryPoint> points = new ArrayList<>(stop("r1", T0, 75, 150).points());
    points.addAll(stop("r2", T0.plusSeconds(40), 100, 70).points());
    points.addAll(stop("p1", T0, 75, 300).points());
    List<SiteVisit> expected = sorted(visits(points));
    assertEquals(4, expected.size());

    List<TelemetryPoint> shuffled = new ArrayList<>(points);
    Collections.shuffle(shuffled, new Random(3));
    try (RuleEngine e = engine(PLACES)) {
      assertEquals(expected, sorted(e.processBatch(shuffled).visits()), "shuffled, one batch");
    }
    List<SiteVisit> batched = new ArrayList<>();
    try (RuleEngine e = engine(PLACES)) {
      for (String v : List.of("p1", "r2", "r1")) {
        List<TelemetryPoint> mine = points.stream().filter(p -> p.vehicleId().equals(v)).toList();
        for (int from = 0; from < mine.size(); from += 4) {
          batched.addAll(
              e.processBatch(mine.subList(from, Math.min(mine.size(), from + 4))).visits());
        }
      }
    }
    assertEquals(expected, sorted(batched), "per vehicle in batches of 4");
  }

  @Test
  void theVisitsAreTheSameWhateverBatchesTheStopArrivesIn() {
    List<TelemetryPoint> points = stop("r1", T0, 75, 80).points();
    List<SiteVisit> expected = visits(points);
    assertEquals(2, expected.size(), expected.toString());

    for (int size = 1; size < points.size(); size++) {
      List<SiteVisit> batched = new ArrayList<>();
      try (RuleEngine e = engine(PLACES)) {
        for (int from = 0; from < points.size(); from += size) {
          batched.addAll(
              e.processBatch(points.subList(from, Math.min(points.size(), from + size))).visits());
        }
      }
      assertEquals(expected, batched, "batches of " + size);
    }
  }

  @Test
  void theStateIsTheCurrentStopOnly() {
    List<TelemetryPoint> points = stop("r1", T0, 75, 120).points();
    engine.processBatch(points.subList(0, points.size() - 1));
    assertEquals(1, engine.factCount("r1", ID), "the current stop");
    engine.processBatch(points.subList(points.size() - 1, points.size()));
    assertEquals(0, engine.factCount("r1", ID), "nothing after driving off");

    Track away = new Track("r1", T0.plusSeconds(600)).position(north(-500), LON0);
    engine.processBatch(away.fixes(30, 10, 0).points());
    assertEquals(0, engine.factCount("r1", ID), "a stop far from any site holds nothing");
  }

  @Test
  void aTruckParkedAtTheSiteWhoseDataEndsReportsItsFinalVisit() {
    MovableClock wall = new MovableClock(T0);
    RegistryState registry = new RegistryState();
    PLACES.accept(registry);
    registry.publishPlaces();
    try (RuleEngine e =
        new RuleEngine(PlaceRuleSupport.CATALOGUE, EngineSettings.defaults(), wall, registry)) {
      List<TelemetryPoint> points =
          new Track("r1", T0).position(north(75), LON0).fixes(13, 10, 0).points(); // 0..120 s
      List<SiteVisit> first = e.processBatch(points).visits();
      assertEquals(1, first.size());
      assertEquals(T0.plusSeconds(60), first.get(0).endedAt());

      wall.now = T0.plus(EngineSettings.defaults().sessionIdleTimeout()).plusSeconds(120);
      List<SiteVisit> last = e.processBatch(List.of()).visits(); // the idle sweep ends r1's data
      assertEquals(1, last.size(), "the final visit when the vehicle's data ends");
      assertEquals(T0.plusSeconds(120), last.get(0).endedAt());
      assertEquals(0, e.factCount("r1", ID));
    }
  }

  /** A wall clock the test moves. */
  private static final class MovableClock extends java.time.Clock {
    Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return java.time.ZoneOffset.UTC;
    }

    @Override
    public java.time.Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private static List<SiteVisit> sorted(List<SiteVisit> visits) {
    List<SiteVisit> copy = new ArrayList<>(visits);
    copy.sort(
        Comparator.comparing(SiteVisit::vehicleId)
            .thenComparing(SiteVisit::siteId)
            .thenComparing(SiteVisit::endedAt));
    return copy;
  }
}

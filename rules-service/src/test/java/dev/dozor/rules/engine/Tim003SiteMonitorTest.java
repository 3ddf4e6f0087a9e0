package dev.dozor.rules.engine;

import static dev.dozor.events.ViolationStatus.CLOSED;
import static dev.dozor.events.ViolationStatus.OPENED;
import static dev.dozor.events.ViolationStatus.UPDATED;
import static dev.dozor.rules.engine.PlaceRuleSupport.LON0;
import static dev.dozor.rules.engine.PlaceRuleSupport.north;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dozor.events.EvidencePoint;
import dev.dozor.events.VehicleRecord;
import dev.dozor.events.ViolationEvent;
import dev.dozor.events.ViolationStatus;
import dev.dozor.events.ZoneRecord;
import dev.dozor.rules.registry.RegistryState;
import dev.dozor.rules.sites.SiteMonitor;
import dev.dozor.rules.sites.SiteVisit;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * TIM-003, the site half: the {@link SiteMonitor} runs the TIM-003 overdue rules in a site session
 * of the engine's KieBase. Visits and baselines are what {@code dozor.site-visits.v1} carries; the
 * event time is given to {@link SiteMonitor#poll} as the engine's watermark would be.
 */
class Tim003SiteMonitorTest {
  private static final String ID = "TIM-003";

  /** January: "cold" by the calendar stand-in (November–March), so the interval is 72 h. */
  private static final Instant T0 = Instant.parse("2026-01-15T06:00:00Z");

  /** June: "warm", 24 h. */
  private static final Instant JUNE = Instant.parse("2026-06-15T06:00:00Z");

  private static final long H = 3_600_000L;

  private RegistryState registry;
  private RuleEngine engine;
  private SiteMonitor monitor;

  @BeforeEach
  void setUp() {
    registry = new RegistryState();
    registry.zone(Places.squareZone("cs-1", "container-site", north(100), LON0, 10));
    registry.zone(
        ZoneRecord.of(
            "cs-kgm",
            "Площадка КГМ, Полярная 1",
            "container-site",
            null,
            Places.square(north(400), LON0, 10)));
    registry.zone(Places.squareZone("yard-1", "yard", north(800), LON0, 50));
    registry.vehicle(VehicleRecord.of("r1", "A1", "refuse", "c", "d"));
    registry.publishPlaces();
    engine =
        new RuleEngine(
            PlaceRuleSupport.CATALOGUE,
            EngineSettings.defaults(),
            Clock.fixed(T0, ZoneOffset.UTC),
            registry);
    monitor = SiteMonitor.ownAll(engine);
  }

  @AfterEach
  void tearDown() {
    monitor.close();
    engine.close();
  }

  private static Instant plusH(Instant t, double hours) {
    return t.plusMillis(Math.round(hours * H));
  }

  private List<ViolationEvent> poll(SiteMonitor m, Instant at) {
    return m.poll(at.toEpochMilli()).violations();
  }

  private List<ViolationEvent> poll(Instant at) {
    return poll(monitor, at);
  }

  private static List<ViolationStatus> statuses(List<ViolationEvent> events) {
    return events.stream().map(ViolationEvent::status).toList();
  }

  private static SiteVisit visit(String site, Instant start, Instant end) {
    return SiteVisit.visit(
        site, "r1", start, end, List.of(new EvidencePoint(start, 55.7, 37.62, 0)));
  }

  @Test
  void aNeverVisitedSiteCountsFromFirstSightAndOpensExactlyAtTheInterval() {
    SiteMonitor.Output first = monitor.poll(T0.toEpochMilli());
    assertEquals(List.of(), first.violations());
    assertEquals(
        Set.of("cs-1", "cs-kgm"),
        first.baselines().stream().map(SiteVisit::siteId).collect(Collectors.toSet()),
        "a baseline per container site (not the yard)");
    assertTrue(first.baselines().stream().allMatch(b -> b.isBaseline() && b.endedAt().equals(T0)));

    assertEquals(List.of(), poll(plusH(T0, 72).minusMillis(1)), "1 ms before the interval");
    List<ViolationEvent> due = poll(plusH(T0, 72));
    assertEquals(List.of(OPENED), statuses(due));
    ViolationEvent opened = due.get(0);
    assertEquals("site:cs-1", opened.vehicleId());
    assertEquals(ID, opened.regulationId());
    assertEquals(plusH(T0, 72), opened.startedAt(), "starts at the due time");
    assertEquals(ViolationEvent.episodeId(ID, "site:cs-1", plusH(T0, 72)), opened.violationId());
    assertEquals(72.0, opened.measurements().get("intervalH"));
    assertEquals(0.0, opened.measurements().get("overdueH"));
    assertEquals(T0.getEpochSecond(), opened.measurements().get("countedFromEpochS"));
    assertEquals(null, opened.measurements().get("lastServiceAtEpochS"), "never serviced");
    assertEquals(72.0, opened.parameters().get("coldIntervalH"));
  }

  @Test
  void aVisitInTimePreventsItAndMovesTheDueTime() {
    monitor.poll(T0.toEpochMilli());
    monitor.visit(visit("cs-1", plusH(T0, 10), plusH(T0, 10.1)));
    assertEquals(List.of(), poll(plusH(T0, 72)));
    assertEquals(List.of(), poll(plusH(T0, 82.1).minusMillis(1)));
    List<ViolationEvent> due = poll(plusH(T0, 82.1));
    assertEquals(List.of(OPENED), statuses(due));
    assertEquals(plusH(T0, 82.1), due.get(0).startedAt());
    assertEquals(
        plusH(T0, 10.1).getEpochSecond(), due.get(0).measurements().get("lastServiceAtEpochS"));
    assertEquals(1, due.get(0).evidence().size(), "the last visit's fixes");
  }

  @Test
  void theOverdueEpisodeGrowsHourlyAndALateVisitClosesIt() {
    monitor.poll(T0.toEpochMilli());
    List<ViolationEvent> events = new ArrayList<>();
    for (int minutes = 72 * 60; minutes <= 75 * 60 + 30; minutes += 10) {
      events.addAll(poll(T0.plus(Duration.ofMinutes(minutes))));
    }
    assertEquals(List.of(OPENED, UPDATED, UPDATED, UPDATED), statuses(events));
    assertEquals(3.0, events.get(3).measurements().get("overdueH"));
    assertEquals(plusH(T0, 75), events.get(3).eventTime());

    Instant serviced = plusH(T0, 75.5);
    monitor.visit(visit("cs-1", serviced.minusSeconds(90), serviced));
    List<ViolationEvent> closed = poll(plusH(T0, 75.5));
    assertEquals(List.of(CLOSED), statuses(closed));
    ViolationEvent c = closed.get(0);
    assertEquals(events.get(0).violationId(), c.violationId());
    assertEquals(serviced, c.endedAt());
    assertEquals(3.5, c.measurements().get("overdueH"));
    assertEquals(1.0, c.measurements().get("serviced"));
    assertEquals(0, monitor.episodeCount(), "the episode is gone");

    assertEquals(List.of(), poll(plusH(serviced, 72).minusMillis(1)), "the next due time");
    assertEquals(List.of(OPENED), statuses(poll(plusH(serviced, 72))));
  }

  @Test
  void aWarmMonthMeansDailyAndABulkySiteTenOrSevenDays() {
    monitor.poll(JUNE.toEpochMilli());
    List<ViolationEvent> daily = poll(plusH(JUNE, 24));
    assertEquals(List.of("site:cs-1"), daily.stream().map(ViolationEvent::vehicleId).toList());
    assertEquals(24.0, daily.get(0).measurements().get("intervalH"));
    assertEquals(0.0, daily.get(0).measurements().get("cold"));
    assertEquals(List.of(), onlySite("cs-kgm", poll(plusH(JUNE, 168).minusMillis(1))));
    List<ViolationEvent> bulky = onlySite("cs-kgm", poll(plusH(JUNE, 168)));
    assertEquals(List.of(OPENED), statuses(bulky));
    assertEquals(1.0, bulky.get(0).measurements().get("bulky"));

    try (RuleEngine e2 =
            new RuleEngine(
                PlaceRuleSupport.CATALOGUE,
                EngineSettings.defaults(),
                Clock.fixed(T0, ZoneOffset.UTC),
                registry);
        SiteMonitor winter = SiteMonitor.ownAll(e2)) {
      winter.poll(T0.toEpochMilli());
      assertEquals(List.of(), onlySite("cs-kgm", poll(winter, plusH(T0, 240).minusMillis(1))));
      assertEquals(List.of(OPENED), statuses(onlySite("cs-kgm", poll(winter, plusH(T0, 240)))));
    }
  }

  private static List<ViolationEvent> onlySite(String site, List<ViolationEvent> events) {
    return events.stream().filter(e -> e.vehicleId().equals("site:" + site)).toList();
  }

  @Test
  void aRestartedMonitorRebuiltFromTheTopicReportsTheSameEpisode() {
    // what the first monitor published on the topic: its baselines, then the trucks' visits
    List<SiteVisit> topic = new ArrayList<>(monitor.poll(T0.toEpochMilli()).baselines());
    SiteVisit v = visit("cs-1", plusH(T0, 5), plusH(T0, 5.05));
    topic.add(v);
    monitor.visit(v);
    List<ViolationEvent> before = new ArrayList<>();
    before.addAll(poll(plusH(T0, 80)));
    before.addAll(poll(plusH(T0, 82)));
    assertEquals(List.of(OPENED, UPDATED), statuses(before), "cs-1 only: cs-kgm is due at 240 h");

    // restart: a new engine and monitor, the topic re-read from the beginning (compaction may
    // have left only the latest record per site: the result is the same)
    try (RuleEngine e2 =
            new RuleEngine(
                PlaceRuleSupport.CATALOGUE,
                EngineSettings.defaults(),
                Clock.fixed(T0, ZoneOffset.UTC),
                registry);
        SiteMonitor restarted = SiteMonitor.ownAll(e2)) {
      topic.forEach(restarted::visit);
      SiteMonitor.Output after = restarted.poll(plusH(T0, 83).toEpochMilli());
      assertEquals(List.of(), after.baselines(), "every site already has a record");
      assertEquals(
          before.stream().map(ViolationEvent::violationId).collect(Collectors.toSet()),
          after.violations().stream().map(ViolationEvent::violationId).collect(Collectors.toSet()),
          "the same episode ids: dispatch-service's upsert merges them");
      assertEquals(List.of(OPENED), statuses(after.violations()));
      assertEquals(before.get(0).startedAt(), after.violations().get(0).startedAt());
    }
  }

  @Test
  void theTwoHalvesTogether_aTruckStopClosesTheOverdueEpisode() {
    monitor.poll(T0.toEpochMilli());
    assertEquals(List.of(OPENED), statuses(onlySite("cs-1", poll(plusH(T0, 73)))));
    Instant arrive = plusH(T0, 74);
    Track stop =
        new Track("r1", arrive).position(north(80), LON0).fixes(10, 10, 0).fixes(1, 10, 20);
    EngineOutput out = engine.processBatch(stop.points());
    assertEquals(2, out.visits().size());
    out.visits().forEach(monitor::visit);
    List<ViolationEvent> closed =
        onlySite("cs-1", poll(Instant.ofEpochMilli(engine.watermarkMs())));
    assertEquals(List.of(CLOSED), statuses(closed));
    assertEquals(arrive.plusSeconds(90), closed.get(0).endedAt(), "the visit's last standing fix");
    assertEquals(3, closed.get(0).evidence().size(), "the visit's first, qualifying, last fix");
  }

  @Test
  void aSiteRemovedFromTheRegistryClosesItsEpisode() {
    monitor.poll(T0.toEpochMilli());
    assertEquals(List.of(OPENED), statuses(poll(plusH(T0, 72))));
    registry.removeZone("cs-1");
    registry.publishPlaces();
    List<ViolationEvent> closed = poll(plusH(T0, 72.5));
    assertEquals(List.of(CLOSED), statuses(closed));
    assertEquals(0.0, closed.get(0).measurements().get("serviced"));
    assertEquals(1, monitor.siteCount());
  }

  @Test
  void theStateIsOneSiteFactAndAtMostOneEpisodePerSite() {
    monitor.poll(T0.toEpochMilli());
    for (int h = 0; h <= 300; h += 7) {
      poll(plusH(T0, h));
    }
    assertEquals(2, monitor.siteCount());
    assertEquals(2, monitor.episodeCount(), "both overdue, one episode each");
    assertEquals(2 + 2 + 2, monitor.factCount(), "sites, episodes, the clock and the policy");
  }

  @Test
  void onlyTheSitesOfActivePartitionsAreEvaluatedHere() {
    int partitions = 6;
    int p1 = SiteMonitor.partitionOf("cs-1", partitions);
    int pk = SiteMonitor.partitionOf("cs-kgm", partitions);
    try (SiteMonitor part = new SiteMonitor(engine, partitions)) {
      part.activate(p1);
      SiteMonitor.Output first = part.poll(T0.toEpochMilli());
      Set<String> expected = p1 == pk ? Set.of("cs-1", "cs-kgm") : Set.of("cs-1");
      assertEquals(
          expected, first.baselines().stream().map(SiteVisit::siteId).collect(Collectors.toSet()));
      assertEquals(List.of(OPENED), statuses(onlySite("cs-1", poll(part, plusH(T0, 72)))));
      part.release(List.of(p1));
      assertEquals(List.of(), poll(part, plusH(T0, 80)), "released: nothing closes here");
      assertEquals(0, part.siteCount());
      assertEquals(0, part.episodeCount());
    }
  }

  @Test
  void anOlderVisitArrivingAfterTheLatestIsPublishedAgainSoCompactionKeepsTheLatest() {
    monitor.poll(T0.toEpochMilli());
    SiteVisit newer = visit("cs-1", plusH(T0, 20), plusH(T0, 20.1));
    SiteVisit older = visit("cs-1", plusH(T0, 10), plusH(T0, 10.1));
    monitor.visit(newer);
    monitor.visit(older); // a black box uploaded late
    assertEquals(newer, monitor.latestRecord("cs-1"), "the service time never goes back");
    assertEquals(List.of(newer), monitor.poll(plusH(T0, 21).toEpochMilli()).baselines());
    monitor.visit(newer); // the re-published record comes back from the topic
    assertEquals(List.of(), monitor.poll(plusH(T0, 22).toEpochMilli()).baselines());
    assertEquals(List.of(), poll(plusH(T0, 20.1 + 72).minusMillis(1)), "due from the newer one");
  }

  @Test
  void aVisitOlderThanTheBaselineUploadedLateTellsWhenTheSiteWasLastServiced() {
    monitor.poll(T0.toEpochMilli()); // first sight: baselines at T0
    // a black box read out late: cs-1 was last serviced 76 h before the monitor first saw it
    Instant serviced = plusH(T0, -76);
    monitor.visit(visit("cs-1", serviced.minusSeconds(90), serviced));
    assertEquals(serviced, monitor.latestRecord("cs-1").endedAt(), "the visit, not the baseline");

    SiteMonitor.Output out = monitor.poll(T0.plusSeconds(10).toEpochMilli());
    assertEquals(List.of(), out.baselines(), "nothing re-published: the visit is the last record");
    List<ViolationEvent> due = onlySite("cs-1", out.violations());
    assertEquals(List.of(OPENED), statuses(due), "overdue at once");
    assertEquals(plusH(serviced, 72), due.get(0).startedAt(), "due 72 h after that service");
    assertEquals(serviced.getEpochSecond(), due.get(0).measurements().get("lastServiceAtEpochS"));

    // a baseline arriving again (the topic re-read) never hides the real visit
    monitor.visit(SiteVisit.baseline("cs-1", T0));
    assertEquals(serviced, monitor.latestRecord("cs-1").endedAt());
  }
}

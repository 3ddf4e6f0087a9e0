package dev.dozor.rules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dozor.events.TelemetryPoint;
import dev.dozor.rules.registry.RegistryState;
import dev.dozor.rules.regulation.ParameterSpec;
import dev.dozor.rules.regulation.Regulation;
import dev.dozor.rules.regulation.RegulationCatalogue;
import dev.dozor.rules.whatif.EpisodeDiff;
import dev.dozor.rules.whatif.WhatIfReplay;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A candidate version replayed against the active one over the same points. */
class WhatIfReplayTest {
  private final RegulationCatalogue active = RegulationCatalogue.fromClasspath();

  @Test
  void raisingTheLimitRemovesAViolationAndLoweringItAddsOne() {
    List<TelemetryPoint> points = new ArrayList<>();
    points.addAll(Track.of("plough-50").fixes(20, 5, 50, true).fixes(1, 5, 10, true).points());
    points.addAll(Track.of("plough-42").fixes(20, 5, 42, true).fixes(1, 5, 10, true).points());
    points.sort(Comparator.comparing(TelemetryPoint::fixTime));

    EpisodeDiff raised = replay(points, 55);
    EpisodeDiff.RegulationDiff spd = only(raised);
    assertEquals(1, spd.active());
    assertEquals(0, spd.candidate());
    assertEquals(1, spd.removed());
    assertEquals("plough-50", spd.removedEpisodes().get(0).vehicleId());
    assertEquals(0, spd.added());

    EpisodeDiff lowered = replay(points, 40);
    spd = only(lowered);
    assertEquals(1, spd.active());
    assertEquals(2, spd.candidate());
    assertEquals(1, spd.added());
    assertEquals("plough-42", spd.addedEpisodes().get(0).vehicleId());
    assertEquals(0, spd.removed());
  }

  @Test
  void anEpisodeOpenAtTheEndOfThePeriodIsClosedThereAndStillCompared() {
    List<TelemetryPoint> points = Track.of("plough-50").fixes(20, 5, 50, true).points();

    EpisodeDiff.RegulationDiff spd = only(replay(points, 45));

    assertEquals(1, spd.active());
    assertEquals(1, spd.candidate());
    assertEquals(0, spd.added() + spd.removed());
  }

  @Test
  void progressIsReportedPerBatch() {
    List<TelemetryPoint> points = Track.of("plough-50").fixes(25, 5, 50, true).points();
    List<Long> progress = new ArrayList<>();

    new WhatIfReplay(active, active, EngineSettings.defaults(), new RegistryState(), 10)
        .run(points.iterator(), p -> progress.add(p.points()));

    assertEquals(List.of(10L, 20L, 25L), progress);
  }

  private EpisodeDiff replay(List<TelemetryPoint> points, double limit) {
    RegulationCatalogue candidate = active.with(spd001WithLimit(limit));
    EpisodeDiff diff =
        new WhatIfReplay(active, candidate, EngineSettings.defaults(), new RegistryState(), 7)
            .run(points.iterator(), p -> {});
    assertTrue(diff.activeEpisodes() >= 0);
    return diff;
  }

  private static EpisodeDiff.RegulationDiff only(EpisodeDiff diff) {
    List<EpisodeDiff.RegulationDiff> all =
        diff.compare(100).stream().filter(d -> d.regulationId().equals("SPD-001")).toList();
    assertEquals(1, all.size());
    return all.get(0);
  }

  private RegulationCatalogue.Entry spd001WithLimit(double limit) {
    RegulationCatalogue.Entry spd = active.entry("SPD-001").orElseThrow();
    Regulation r = spd.regulation();
    Map<String, ParameterSpec> params = new LinkedHashMap<>(r.parameters());
    ParameterSpec old = params.get("speedLimitKmh");
    params.put("speedLimitKmh", new ParameterSpec(limit, old.unit(), old.description()));
    return new RegulationCatalogue.Entry(
        new Regulation(
            r.id(),
            r.version() + 1,
            r.title(),
            r.description(),
            r.severity(),
            r.vehicleTypes(),
            r.drl(),
            params,
            r.overrides()),
        spd.drl());
  }
}

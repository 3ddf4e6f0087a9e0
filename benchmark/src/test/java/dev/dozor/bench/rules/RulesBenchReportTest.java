package dev.dozor.bench.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dozor.bench.accuracy.AccuracyScore;
import dev.dozor.bench.stats.Percentiles;
import dev.dozor.events.JsonSerde;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RulesBenchReportTest {
  private static RulesBenchReport report(ViolationLatency.Result latency) {
    return new RulesBenchReport(
        "2026-11-29T08:00:00Z",
        "2 cores",
        "bin/dozor bench rules",
        "SPD-001",
        "grid",
        List.of(
            new EngineThroughput.Row("all", "SPD-001", 20_000, 500, 250, 5, 125_000, 8),
            new EngineThroughput.Row("none", "—", 20_000, 500, 400, 4, 200_000, 5)),
        2_000_000,
        new HeapProbe.Result(
            20_000,
            20_000,
            2_400_000,
            150,
            650,
            500,
            26_214,
            90_000,
            Map.of("SPD-001", 900),
            1,
            20),
        new FaultAccuracy.Result(
            10,
            2,
            1_000,
            Map.of("overspeed", 1.0),
            List.of(new AccuracyScore("SPD-001", 4, 3, 5, 4, 0.8, 0.75, "")),
            "grid"),
        latency,
        List.of("loaded machine"));
  }

  private static ViolationLatency.Result latency(double p99) {
    List<Long> ms = new ArrayList<>(Collections.nCopies(99, 20L));
    ms.add((long) p99 * 2);
    Percentiles p = new Percentiles(100, 20.0, 20.0, p99, p99 * 2);
    return new ViolationLatency.Result(
        20_000,
        50_000,
        "half",
        100_000,
        49_000,
        120,
        30,
        4_400_000,
        3_000,
        2_500,
        10,
        p,
        new Percentiles(800, 25.0, 300.0, 900.0, 1_200.0),
        0,
        1.5,
        "");
  }

  @Test
  void goalsSayWhetherEachFigureMeetsTheIssuesTarget() {
    String md = report(latency(80)).markdown();
    assertTrue(
        md.contains("| 125,000 points/s per core | ≥ 100,000 points/s per core | yes |"), md);
    assertTrue(md.contains("| 500 MB | ≤ 1,024 MB | yes |"), md);
    assertTrue(md.contains("p99 80 ms at 49,000 points/s | p99 ≤ 100 ms at 50 % load | yes |"), md);
    assertTrue(
        md.contains(
            "| during the warm-up (not counted): matched, p50 / p99 | 800, 25 ms / 900 ms |"),
        "the settling after the capacity backlog is reported, apart: " + md);
    assertTrue(md.contains("| SPD-001 | 4 | 5 | 4 | 1 | 1 | 0.80 | 0.75 |"), md);
  }

  @Test
  void aMissingLatencyIsNotMeasuredAndNotMet() {
    String md = report(null).markdown();
    assertTrue(md.contains("| not measured | p99 ≤ 100 ms at 50 % load | no |"), md);
    String slow = report(latency(250)).markdown();
    assertTrue(slow.contains("p99 250 ms at 49,000 points/s | p99 ≤ 100 ms at 50 % load | no |"));
  }

  @Test
  void theEnginePhasesStoredStateReadsBack() throws Exception {
    RulesBenchReport r = report(null);
    String json = JsonSerde.mapper().writeValueAsString(r);
    RulesBenchReport back = JsonSerde.mapper().readValue(json, RulesBenchReport.class);
    assertEquals(r, back);
    assertEquals(125_000, back.full().pointsPerS());
  }
}

package dev.dozor.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dozor.bench.BenchOptions;
import dev.dozor.bench.accuracy.AccuracyScore;
import dev.dozor.bench.proc.MachineInfo;
import dev.dozor.bench.stats.Percentiles;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportAndOptionsTest {
  private static final String[] PLATFORM = {
    "--root",
    "/repo",
    "--state-dir",
    "/repo/.dozor",
    "--gateway",
    "http://127.0.0.1:18080",
    "--telemetry",
    "http://127.0.0.1:18081",
    "--rules",
    "http://127.0.0.1:18082",
    "--dispatch",
    "http://127.0.0.1:18083/",
    "--dispatcher-password",
    "pw",
    "--jdbc-url",
    "jdbc:postgresql://127.0.0.1:55432/dozor",
    "--db-user",
    "dozor",
    "--db-password",
    "dozor",
    "--kafka",
    "127.0.0.1:59092"
  };

  private static String[] with(String... extra) {
    String[] all = new String[PLATFORM.length + extra.length];
    System.arraycopy(PLATFORM, 0, all, 0, PLATFORM.length);
    System.arraycopy(extra, 0, all, PLATFORM.length, extra.length);
    return all;
  }

  @Test
  void defaultsAndUserFlags() {
    BenchOptions o = BenchOptions.parse(with("--step-duration", "20s", "--max-steps=3"));
    assertEquals(Duration.ofSeconds(20), o.stepDuration());
    assertEquals(3, o.maxSteps());
    assertEquals(2000, o.startRate());
    assertEquals("/repo/docs", o.out().toString());
    assertEquals("http://127.0.0.1:18083", o.dispatch().toString());
  }

  @Test
  void badFlagsNameTheFlag() {
    assertMessage("unknown flag --speed", with("--speed", "3"));
    assertMessage("--step-factor must be above 1", with("--step-factor", "1"));
    assertMessage("--step-duration must be at least 10s", with("--step-duration", "5s"));
    assertMessage("--interval must be a duration", with("--interval", "fast"));
    assertMessage("--vehicles must be 1..10000", with("--vehicles", "0"));
    assertMessage("--max-steps needs a value", with("--max-steps"));
    assertMessage("missing --root", new String[] {"--vehicles", "5"});
  }

  private static void assertMessage(String expected, String[] args) {
    BenchOptions.UsageException e =
        assertThrows(BenchOptions.UsageException.class, () -> BenchOptions.parse(args));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  @Test
  void jsonHasTheKeysTheIssueNames() throws Exception {
    BenchReport r =
        new BenchReport(
            new MachineInfo(2, 8L << 30, "cpu", "java 17", "Linux"),
            "2026-01-15T06:00:00Z",
            "bin/dozor bench",
            "bench-1-",
            true,
            1000,
            0.1,
            10000.0,
            List.of(
                new BenchReport.Step(
                    1, 2000, 2000, 1990, 10, 20, 0, 0, true, List.of(), Map.of("gateway", 50.0))),
            2000.0,
            0.2,
            List.of(
                new BenchReport.LatencyPhase(
                    "50 %", 1000, 1000, Percentiles.of(List.of(1, 2, 3)), Percentiles.EMPTY, "")),
            null,
            100,
            100,
            100,
            0,
            0,
            0,
            AccuracyScore.byRegulation(
                List.of(new AccuracyScore("SPD-001", 2, 2, 2, 2, 1.0, 1.0, ""))),
            List.of(new BenchReport.ProcessRow("gateway", 1, 3.5, 50.0, 200.0)),
            "gateway",
            List.of(new BenchReport.Target("t", "≥ 1", "2", true)),
            List.of("note"));
    JsonNode json = new ObjectMapper().readTree(ReportWriter.json(r));
    for (String key :
        List.of(
            "machine",
            "date",
            "sustained_points_per_s",
            "copy_points_per_s",
            "p99_violation_latency_ms_at_half_load",
            "lost",
            "duplicated",
            "ratio_to_copy",
            "steps",
            "processes")) {
      assertTrue(json.has(key), key + " missing in " + json);
    }
    assertEquals(1.0, json.path("accuracy").path("SPD-001").path("precision").asDouble());
    assertEquals(1.0, json.path("accuracy").path("SPD-001").path("recall").asDouble());
    String md = ReportWriter.markdown(r);
    assertTrue(md.contains("Development run"));
    assertTrue(md.contains("| 1 | 2,000 |"));
  }
}

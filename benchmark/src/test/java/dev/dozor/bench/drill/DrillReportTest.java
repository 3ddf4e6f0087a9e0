package dev.dozor.bench.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DrillReportTest {
  private static final String[] PLATFORM = {
    "--root",
    "/tmp/r",
    "--state-dir",
    "/tmp/s",
    "--gateway",
    "http://127.0.0.1:1",
    "--telemetry",
    "http://127.0.0.1:2",
    "--rules",
    "http://127.0.0.1:3",
    "--dispatch",
    "http://127.0.0.1:4",
    "--dispatcher-password",
    "pw",
    "--jdbc-url",
    "jdbc:postgresql://x/db",
    "--db-user",
    "u",
    "--db-password",
    "p",
    "--kafka",
    "127.0.0.1:9"
  };

  private static String[] with(String... user) {
    String[] all = new String[PLATFORM.length + user.length];
    System.arraycopy(PLATFORM, 0, all, 0, PLATFORM.length);
    System.arraycopy(user, 0, all, PLATFORM.length, user.length);
    return all;
  }

  @Test
  void aLossMarksTheRowAndTheVerdictAsFailed() {
    DrillRow ok =
        new DrillRow(
            "baseline (no fault)",
            null,
            null,
            0,
            0,
            1000,
            new StoreCheck.Result(1000, 1000, 1000, 0, 0, 0),
            EpisodeCheck.Result.EMPTY,
            0,
            EpisodeCheck.Result.EMPTY,
            List.of());
    DrillRow lost =
        new DrillRow(
            "kill -9 telemetry",
            6.1,
            14.3,
            5000,
            300,
            2000,
            new StoreCheck.Result(3000, 2990, 2990, 10, 0, 0),
            EpisodeCheck.Result.EMPTY,
            10,
            EpisodeCheck.Result.EMPTY,
            List.of("something"));
    String md =
        DrillReport.markdown("2 cores", "2026-01-15T06:00:00Z", "load", 2000, List.of(ok, lost));
    assertTrue(
        md.contains(
            "| baseline (no fault) | – | – | 0 | 0 | 1,000 (+1,000) | 1,000 | 0 | 0 | 0 / 0 | 0 | 0 | 0 | pass |"),
        md);
    assertTrue(md.contains("| kill -9 telemetry | 6.1 s | 14.3 s |"), md);
    assertTrue(md.contains("**FAIL** (points)"), md);
    assertTrue(md.contains("verdict: FAIL: points lost or duplicated;"), md);
    assertTrue(md.contains("- kill -9 telemetry: something"), md);
  }

  @Test
  void optionsHaveDefaultsAndRefuseUnknownDrills() {
    DrillOptions o =
        DrillOptions.parse(
            with("--rate", "500", "--drills", "telemetry,kafka", "--outage", "1500ms"));
    assertEquals(500, o.rate());
    assertEquals(List.of("telemetry", "kafka"), o.drills());
    assertEquals(Duration.ofMillis(1500), o.outage());
    assertEquals(300, o.vehicles());
    assertEquals("/tmp/r/docs/drills.md", o.output().toString());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> DrillOptions.parse(with("--drills", "zookeeper")));
    assertTrue(e.getMessage().contains("--drills"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> DrillOptions.parse(new String[] {"--rate", "5"}));
  }
}

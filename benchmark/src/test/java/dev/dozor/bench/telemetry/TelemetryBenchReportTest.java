package dev.dozor.bench.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dozor.bench.stats.Percentiles;
import dev.dozor.events.JsonSerde;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TelemetryBenchReportTest {
  static QueryTiming timing(String name, double... ms) {
    List<Double> values = java.util.Arrays.stream(ms).boxed().toList();
    return new QueryTiming(name, "/x", 200, values, Percentiles.of(values), 1234, 7, "");
  }

  static TelemetryBenchReport report(double servicePerS, double copyPerS, QueryTiming coverage) {
    Map<String, String> volumes = new LinkedHashMap<>();
    volumes.put("ingest backlog", "2,000,000 points");
    TelemetryBenchReport.Ingest ingest =
        new TelemetryBenchReport.Ingest(
            2_000_000,
            1000,
            150_000,
            2_000_000,
            new IngestRate.Result(6, servicePerS, servicePerS * 0.9, 40),
            new TelemetryBenchReport.CopyFigure(2_000_000, 20, copyPerS),
            List.of(new UnnestReference.Result(1, 5000, 2_000_000, 25, 80_000)));
    TelemetryBenchReport.GrowthRow day1 =
        new TelemetryBenchReport.GrowthRow(
            1, 8_726_400, 3_000_000, timing("track 24 h", 100, 120, 140), coverage, coverage);
    return new TelemetryBenchReport(
        "2026-11-29T05:00:00Z",
        "2 cores",
        "bin/dozor bench telemetry",
        volumes,
        ingest,
        List.of(day1),
        List.of("a note"));
  }

  @Test
  void judgesEveryGoal() {
    TelemetryBenchReport r = report(70_000, 100_000, timing("coverage district-day", 500, 600));
    assertTrue(r.ingest().meetsGoal());
    assertEquals(0.7, r.ingest().ratio(), 1e-9);
    assertTrue(r.growth().get(0).track().meets(TelemetryBenchReport.TRACK_GOAL_MS));
    String md = r.markdown();
    assertTrue(
        md.contains("| ingest (consumer → PostGIS) | 70,000 points/s sustained, 0.70 of COPY"), md);
    assertTrue(
        md.contains(
            "| track, 24 h at 1 Hz (86,400 points) | p50 120 ms, p95 138 ms, max 140 ms | p95 ≤ 300 ms | yes |"),
        md);
    assertTrue(md.contains("- a note"));
  }

  @Test
  void anIngestBelowTheCopyRatioFails() {
    assertFalse(report(70_000, 200_000, timing("c", 1)).ingest().meetsGoal());
    assertFalse(report(50_000, 60_000, timing("c", 1)).ingest().meetsGoal());
  }

  @Test
  void aMissingEndpointIsReportedNotTimed() {
    QueryTiming missing =
        QueryTiming.failed(
            "coverage district-day",
            "/api/v1/coverage?district=1",
            404,
            "the service has no such endpoint yet (404)");
    TelemetryBenchReport r = report(70_000, 100_000, missing);
    String md = r.markdown();
    assertTrue(
        md.contains(
            "| coverage, district-day | the service has no such endpoint yet (404) | p95 ≤ 1,000 ms | no |"),
        md);
    assertTrue(
        md.contains("| 1 | 8,726,400 | 3,000,000 | 120 / 138 ms | HTTP 404 | HTTP 404 |"), md);
  }

  @Test
  void writesMarkdownAndJson(@TempDir Path docs) throws Exception {
    Path md = report(70_000, 100_000, timing("c", 1, 2)).write(docs);
    assertTrue(Files.readString(md).startsWith("# Telemetry-service benchmark"));
    JsonNode json =
        JsonSerde.mapper().readTree(Files.readString(docs.resolve("benchmarks-telemetry.json")));
    assertEquals(70_000, json.at("/ingest/rate/sustainedPerS").asDouble());
    assertEquals(3, json.at("/growth/0/track/millis").size());
  }
}

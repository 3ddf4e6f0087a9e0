package dev.dozor.bench.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dozor.bench.BenchOptions.UsageException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GatewayBenchPartsTest {

  @Test
  void optionsParseEveryFlagAndRefuseNonsense() {
    GatewayBenchOptions o =
        GatewayBenchOptions.parse(
            new String[] {
              "--egts",
              "127.0.0.1:19020",
              "--duration",
              "PT5S",
              "--egts-connections",
              "50",
              "--http-batch",
              "100",
              "--no-profile"
            });
    assertEquals(19020, o.egtsPort());
    assertEquals(Duration.ofSeconds(5), o.duration());
    assertEquals(50, o.egtsConnections());
    assertEquals(100, o.httpBatch());
    assertEquals(false, o.profile());
    assertEquals(200, o.wialonConnections());
    assertThrows(
        UsageException.class,
        () -> GatewayBenchOptions.parse(new String[] {"--egts-connections", "0"}));
    assertThrows(
        UsageException.class, () -> GatewayBenchOptions.parse(new String[] {"--bogus", "1"}));
  }

  @Test
  void jfrSamplesAreGroupedByThreadRoleAndCodeArea() {
    assertEquals(
        "Vert.x event loops (network, HTTP/TCP decoding)",
        JfrProfile.threadGroup("\"vert.x-eventloop-thread-1\" (javaThreadId = 31)"));
    assertEquals(
        "Kafka producer I/O thread (batching, compression, acks)",
        JfrProfile.threadGroup(
            "\"kafka-producer-network-thread | producer-1\" (javaThreadId = 40)"));
    assertEquals(
        "Jackson JSON",
        JfrProfile.codeArea(
            "com.fasterxml.jackson.core.json.UTF8StreamJsonParser.nextToken() line: 1"));
    assertEquals(
        "Dozor gateway code",
        JfrProfile.codeArea("dev.dozor.gateway.egts.EgtsSession.onBytes(Buffer) line: 80"));
    assertEquals(
        "Jackson JSON",
        JfrProfile.codeArea(
            List.of(
                "java.lang.String.hashCode() line: 1",
                "com.fasterxml.jackson.databind.ser.BeanSerializer.serialize() line: 2")));
    assertEquals(
        "java.lang.String.hashCode()", JfrProfile.method("java.lang.String.hashCode() line: 1"));
  }

  @Test
  void reportNamesEachPhaseItsRateAndWhetherTheGoalIsMet() {
    GatewayBenchReport.Phase http =
        new GatewayBenchReport.Phase(
            "HTTP JSON",
            "8 clients",
            "points",
            60_000,
            61_234,
            1_837_020,
            1_837_020,
            0,
            30,
            Map.of(),
            Map.of("gateway", 1.2),
            Map.of("gateway", 300L),
            new JfrProfile.Summary(
                100, Map.of("workers", 0.6), Map.of("Jackson JSON", 0.3), Map.of("a.B.c()", 0.1)));
    GatewayBenchReport.Phase egts =
        new GatewayBenchReport.Phase(
            "EGTS",
            "1000 connections",
            "records",
            30_000,
            12_000,
            360_000,
            300_000,
            60_000,
            30,
            Map.of("record status 155", 3L),
            Map.of(),
            Map.of(),
            JfrProfile.Summary.empty());
    String md =
        new GatewayBenchReport(
                "2026-11-29", "2 cores", "bin/dozor bench gateway", List.of(http, egts), List.of())
            .markdown();
    assertTrue(
        md.contains("**61,234 points/s** | 1,837,020 points (61,234/s) | 0 | 60,000 | yes"), md);
    assertTrue(
        md.contains(
            "**12,000 records/s** | 300,000 points (10,000/s) | 60,000 | 30,000 | no"
                + " | {record status 155=3}"),
        md);
    assertTrue(md.contains("| Jackson JSON | 30.0 % |"), md);
  }
}

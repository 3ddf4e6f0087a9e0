package dev.dozor.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dozor.events.JsonSerde;
import dev.dozor.simulator.client.FakeHttpServer;
import dev.dozor.simulator.client.TelemetryRegistryClient;
import dev.dozor.simulator.fleet.FleetConfig;
import dev.dozor.simulator.protocol.EgtsTestServer;
import dev.dozor.simulator.protocol.ProtocolMix;
import dev.dozor.simulator.protocol.WialonTestServer;
import dev.dozor.simulator.protocol.wialon.WialonFixEncoder;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The demo against in-test gateways of every protocol and a fake telemetry-service. */
class DemoRunnerTest {

  @Test
  void registersProfilesAndTrackersThenDeliversOverEveryProtocol() throws Exception {
    try (FakeHttpServer telemetry = new FakeHttpServer().always(200, "");
        FakeHttpServer http = new FakeHttpServer().always(202, "");
        FakeHttpServer osmand = new FakeHttpServer().always(200, "");
        EgtsTestServer egts = new EgtsTestServer();
        WialonTestServer wialon = new WialonTestServer()) {
      DemoOptions options =
          new DemoOptions(
              http.uri(),
              telemetry.uri(),
              FleetConfig.defaults().withVehicles(8).withInterval(Duration.ofMillis(300)),
              Duration.ofMillis(2500),
              "demo-test",
              Duration.ofSeconds(5),
              null,
              ProtocolMix.defaults(),
              egts.address(),
              wialon.address(),
              osmand.uri());
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();

      int exit =
          new DemoRunner(
                  options,
                  new PrintStream(out, true, StandardCharsets.UTF_8),
                  new PrintStream(err, true, StandardCharsets.UTF_8))
              .run();

      String stdout = out.toString(StandardCharsets.UTF_8);
      assertEquals(0, exit, stdout + err.toString(StandardCharsets.UTF_8));
      List<FakeHttpServer.Request> puts = telemetry.requests();
      assertEquals(
          List.of(
              "/api/v1/device-profiles/sim-egts",
              "/api/v1/device-profiles/sim-wialon",
              "/api/v1/device-profiles/sim-osmand"),
          puts.subList(0, 3).stream().map(FakeHttpServer.Request::path).toList());
      assertEquals(
          JsonSerde.toJson(TelemetryRegistryClient.ProfileBody.of(WialonFixEncoder.PROFILE)),
          puts.get(1).body());
      Map<String, Integer> devicesByProtocol = new HashMap<>();
      for (FakeHttpServer.Request r : puts.subList(3, puts.size())) {
        if (r.path().startsWith("/api/v1/devices/")) {
          JsonNode body = JsonSerde.mapper().readTree(r.body());
          devicesByProtocol.merge(body.get("protocol").asText(), 1, Integer::sum);
          if (r.path().equals("/api/v1/devices/dev-sim-plough-01")) {
            assertEquals("http-json", body.get("protocol").asText(), "the offender");
          }
        }
      }
      // 8 vehicles: 3.2, 2.4, 1.6, 0.8 -> 3, 2, 2, 1 (largest remainders)
      assertEquals(
          Map.of("http-json", 3, "egts", 2, "wialon-ips", 2, "osmand", 1), devicesByProtocol);
      assertTrue(!http.requests().isEmpty(), "HTTP JSON fixes");
      assertTrue(!osmand.requests().isEmpty(), "OsmAnd fixes");
      assertTrue(!egts.acknowledged().isEmpty(), "EGTS fixes");
      assertTrue(!wialon.acknowledged().isEmpty(), "Wialon IPS fixes");
      assertEquals(2, egts.terminalIds().stream().distinct().count());
      String[] lines = stdout.strip().split("\n");
      String last = lines[lines.length - 1];
      assertTrue(
          last.matches(
              "sim: 8 vehicles, (\\d+) points sent, \\1 accepted \\(http-json \\d+, egts \\d+,"
                  + " wialon-ips \\d+, osmand \\d+\\), 0 refused, \\d+ retried"),
          last);
      assertTrue(stdout.contains("sim: the gateway accepts fixes"), stdout);
      assertTrue(stdout.contains("(http-json 3, egts 2, wialon-ips 2, osmand 1)"), stdout);
    }
  }
}

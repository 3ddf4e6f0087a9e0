package dev.dozor.bench.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dozor.bench.BenchException;
import dev.dozor.events.JsonSerde;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The gateway's own counters ({@code GET /api/v1/stats}): how many points of a protocol it
 * published to Kafka and how many fixes it dropped as implausible. An acknowledged record is not
 * necessarily a published point, so the benchmark counts both.
 */
final class GatewayStatsProbe {
  private final HttpClient http = HttpClient.newHttpClient();
  private final URI stats;

  GatewayStatsProbe(URI gateway) {
    this.stats = gateway.resolve("/api/v1/stats");
  }

  record Counts(long published, long dropped) {
    Counts minus(Counts earlier) {
      return new Counts(published - earlier.published, dropped - earlier.dropped);
    }
  }

  Counts read(String protocol) {
    try {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(stats).timeout(Duration.ofSeconds(10)).build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new BenchException(stats + " answered " + r.statusCode() + ": " + r.body());
      }
      JsonNode p = JsonSerde.mapper().readTree(r.body()).path("protocols").path(protocol);
      return new Counts(p.path("acceptedPoints").asLong(), p.path("droppedFixes").asLong());
    } catch (BenchException e) {
      throw e;
    } catch (Exception e) {
      throw new BenchException("cannot read the gateway's counters at " + stats + ": " + e);
    }
  }
}

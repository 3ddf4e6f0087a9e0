package dev.dozor.rules.whatif;

import com.sun.net.httpserver.HttpServer;
import dev.dozor.events.JsonSerde;
import dev.dozor.events.TelemetryPoint;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Serves telemetry-service's export contract ({@code GET /api/v1/telemetry/export}: NDJSON of
 * {@link TelemetryPoint} in the {@link JsonSerde} form, header {@code X-Dozor-Export-Vehicles}) on
 * 127.0.0.1, from points a test sets, so the replay's HTTP client and streaming are exercised.
 */
public class TelemetryExportStandIn implements QuarkusTestResourceLifecycleManager {
  static final List<TelemetryPoint> POINTS = new CopyOnWriteArrayList<>();
  static final List<String> QUERIES = new CopyOnWriteArrayList<>();
  private HttpServer server;

  @Override
  public Map<String, String> start() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    server.createContext(
        "/api/v1/telemetry/export",
        exchange -> {
          QUERIES.add(exchange.getRequestURI().getRawQuery());
          if (exchange.getRequestURI().getRawQuery().contains("district=unknown")) {
            byte[] body =
                "{\"error\":\"no district unknown\",\"field\":\"district\"}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
            return;
          }
          exchange.getResponseHeaders().add("Content-Type", "application/x-ndjson");
          exchange
              .getResponseHeaders()
              .add(
                  "X-Dozor-Export-Vehicles",
                  Long.toString(POINTS.stream().map(TelemetryPoint::vehicleId).distinct().count()));
          exchange.sendResponseHeaders(200, 0);
          try (OutputStream out = exchange.getResponseBody()) {
            for (TelemetryPoint p : POINTS) {
              out.write(JsonSerde.toBytes(p));
              out.write('\n');
            }
          }
        });
    server.start();
    return Map.of(
        "dozor.rules.whatif.telemetry-url", "http://127.0.0.1:" + server.getAddress().getPort());
  }

  @Override
  public void stop() {
    if (server != null) {
      server.stop(0);
    }
  }
}

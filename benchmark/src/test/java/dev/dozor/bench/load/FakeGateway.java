package dev.dozor.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.dozor.events.JsonSerde;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * In-process stand-in for telemetry-service's registry API and the gateway: records registered
 * device tokens, answers telemetry with the status the test chooses, and remembers the fix times it
 * answered 202 for, per device.
 */
final class FakeGateway implements AutoCloseable {
  /** What to answer to a telemetry POST. */
  enum Mode {
    ACCEPT,
    UNAVAILABLE,
    BAD_REQUEST
  }

  private HttpServer server;
  private final int port;
  final Map<String, String> deviceByToken = new ConcurrentHashMap<>();
  final Map<String, Set<Instant>> acceptedByDevice = new ConcurrentHashMap<>();
  final Map<String, Long> registeredAtMillis = new ConcurrentHashMap<>();
  final AtomicInteger answered503 = new AtomicInteger();
  volatile Mode mode = Mode.ACCEPT;
  volatile long unauthorizedForMillisAfterRegistration;

  FakeGateway() throws IOException {
    this(0);
  }

  private FakeGateway(int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 200);
    this.port = server.getAddress().getPort();
    server.createContext("/", this::handle);
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.start();
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** Stops listening: requests fail with connection refused until {@link #restart}. */
  void stop() {
    server.stop(0);
  }

  void restart() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 200);
    server.createContext("/", this::handle);
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.start();
  }

  long acceptedPoints() {
    return acceptedByDevice.values().stream().mapToLong(Set::size).sum();
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getPath();
      byte[] body = ex.getRequestBody().readAllBytes();
      if ("PUT".equals(ex.getRequestMethod()) && path.startsWith("/api/v1/vehicles/")) {
        answer(ex, 201, "{}");
        return;
      }
      if ("PUT".equals(ex.getRequestMethod()) && path.startsWith("/api/v1/devices/")) {
        String deviceId = path.substring("/api/v1/devices/".length());
        JsonNode device = JsonSerde.mapper().readTree(body);
        deviceByToken.put(device.get("token").asText(), deviceId);
        registeredAtMillis.put(deviceId, System.currentTimeMillis());
        answer(ex, 201, "{}");
        return;
      }
      if ("POST".equals(ex.getRequestMethod()) && path.equals("/api/v1/telemetry")) {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        String device = auth == null ? null : deviceByToken.get(auth.replace("Bearer ", ""));
        if (device == null
            || System.currentTimeMillis() - registeredAtMillis.get(device)
                < unauthorizedForMillisAfterRegistration) {
          answer(ex, 401, "{\"error\":\"unauthorized\"}");
          return;
        }
        switch (mode) {
          case UNAVAILABLE -> {
            answered503.incrementAndGet();
            answer(ex, 503, "{\"error\":\"storage unavailable\"}");
          }
          case BAD_REQUEST -> answer(ex, 400, "{\"error\":\"invalid point\",\"index\":0}");
          case ACCEPT -> {
            JsonNode points = JsonSerde.mapper().readTree(body);
            Set<Instant> seen =
                acceptedByDevice.computeIfAbsent(device, d -> ConcurrentHashMap.newKeySet());
            for (JsonNode p : points) {
              seen.add(Instant.parse(p.get("fixTime").asText()));
            }
            answer(ex, 202, "{\"accepted\":" + points.size() + "}");
          }
        }
        return;
      }
      answer(ex, 404, "{}");
    }
  }

  private static void answer(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    ex.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}

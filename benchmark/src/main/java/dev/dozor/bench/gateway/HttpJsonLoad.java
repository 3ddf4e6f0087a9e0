package dev.dozor.bench.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * HTTP JSON batches from {@code connections} clients as fast as the gateway answers: each client is
 * one device, sends a batch, waits for the answer, sends the next. Counts acknowledged points.
 */
final class HttpJsonLoad implements LoadPhase {
  private final URI endpoint;
  private final int connections;
  private final int batch;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final LongAdder acked = new LongAdder();
  private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
  private final List<Thread> threads = new ArrayList<>();

  HttpJsonLoad(URI gateway, int connections, int batch) {
    this.endpoint = gateway.resolve("/api/v1/telemetry");
    this.connections = connections;
    this.batch = batch;
  }

  @Override
  public String protocol() {
    return "http-json";
  }

  @Override
  public String unit() {
    return "points";
  }

  @Override
  public void start() {
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    for (int c = 0; c < connections; c++) {
      int device = c;
      Thread t = new Thread(() -> drive(client, device), "bench-http-" + c);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
  }

  @Override
  public long acknowledged() {
    return acked.sum();
  }

  @Override
  public Map<String, Long> failures() {
    Map<String, Long> out = new java.util.TreeMap<>();
    failures.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  @Override
  public void stop() throws InterruptedException {
    running.set(false);
    for (Thread t : threads) {
      t.join(15_000);
    }
  }

  private void drive(HttpClient client, int device) {
    String auth = "Bearer " + BenchDevices.httpToken(device);
    double lat = 55.80 + device * 0.001;
    double lon = 37.60;
    StringBuilder body = new StringBuilder(batch * 120);
    while (running.get()) {
      // a fix per millisecond ending 30 s ago: always inside the gateway's plausible time window
      long fixMillis = System.currentTimeMillis() - 30_000 - batch;
      body.setLength(0);
      body.append('[');
      for (int i = 0; i < batch; i++) {
        if (i > 0) {
          body.append(',');
        }
        lon += 0.00001;
        body.append("{\"fixTime\":\"")
            .append(Instant.ofEpochMilli(fixMillis++))
            .append("\",\"lat\":")
            .append(lat)
            .append(",\"lon\":")
            .append(lon)
            .append(",\"speedKmh\":32.5,\"headingDeg\":90,\"equipment\":{\"plough\":true}}");
      }
      body.append(']');
      HttpRequest request =
          HttpRequest.newBuilder(endpoint)
              .header("Authorization", auth)
              .header("Content-Type", "application/json")
              .timeout(Duration.ofSeconds(30))
              .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
              .build();
      try {
        int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status == 202) {
          acked.add(batch);
        } else {
          failures.computeIfAbsent("HTTP " + status, k -> new LongAdder()).increment();
        }
      } catch (Exception e) {
        failures.computeIfAbsent(e.getClass().getSimpleName(), k -> new LongAdder()).increment();
      }
    }
  }
}

package dev.dozor.bench.telemetry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dozor.bench.BenchException;
import dev.dozor.bench.stats.Percentiles;
import dev.dozor.events.JsonSerde;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The telemetry-service's REST API, as the benchmark uses it. */
final class TelemetryApi {
  private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(120);

  private final URI base;
  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .version(HttpClient.Version.HTTP_1_1)
          .build();

  TelemetryApi(URI base) {
    this.base = base;
  }

  URI base() {
    return base;
  }

  boolean ready() {
    try {
      HttpRequest r =
          HttpRequest.newBuilder(base.resolve("/q/health/ready"))
              .timeout(Duration.ofSeconds(2))
              .build();
      return http.send(r, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** POSTs a GeoJSON file to {@code /api/v1/geo/<kind>}; returns the answer, or throws. */
  String importGeo(String kind, Path file) {
    try {
      HttpRequest r =
          HttpRequest.newBuilder(base.resolve("/api/v1/geo/" + kind))
              .timeout(Duration.ofMinutes(10))
              .header("Content-Type", "application/geo+json")
              .POST(HttpRequest.BodyPublishers.ofFile(file))
              .build();
      HttpResponse<String> a = http.send(r, HttpResponse.BodyHandlers.ofString());
      if (a.statusCode() != 200) {
        throw new BenchException(
            "import of "
                + kind
                + " from "
                + file
                + " answered "
                + a.statusCode()
                + ": "
                + excerpt(a.body()));
      }
      return a.body();
    } catch (IOException e) {
      throw new BenchException("import of " + kind + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BenchException("interrupted", e);
    }
  }

  /** {@code PUT /api/v1/vehicles/{id}}: registers the benchmarked vehicle. */
  void putVehicle(String id, String plate) {
    String body =
        "{\"plate\":\"" + plate + "\",\"type\":\"plough\",\"contractor\":\"Dozor bench\"}";
    try {
      HttpRequest r =
          HttpRequest.newBuilder(base.resolve("/api/v1/vehicles/" + id))
              .timeout(Duration.ofSeconds(30))
              .header("Content-Type", "application/json")
              .PUT(HttpRequest.BodyPublishers.ofString(body))
              .build();
      HttpResponse<String> a = http.send(r, HttpResponse.BodyHandlers.ofString());
      if (a.statusCode() != 200 && a.statusCode() != 201) {
        throw new BenchException(
            "PUT /api/v1/vehicles/"
                + id
                + " answered "
                + a.statusCode()
                + ": "
                + excerpt(a.body()));
      }
    } catch (IOException e) {
      throw new BenchException("registering vehicle " + id + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BenchException("interrupted", e);
    }
  }

  /**
   * Times a GET: {@code warmUp} untimed requests, then {@code timed} sequential timed ones. A
   * non-200 answer ends the measurement with that status and the answer's message (a 404 of a path
   * the service does not serve yet is reported, not fatal).
   */
  QueryTiming time(String name, String pathAndQuery, int warmUp, int timed) {
    URI uri = base.resolve(pathAndQuery);
    List<Double> millis = new ArrayList<>();
    byte[] last = new byte[0];
    for (int i = 0; i < warmUp + timed; i++) {
      HttpRequest r =
          HttpRequest.newBuilder(uri)
              .timeout(QUERY_TIMEOUT)
              .header("Accept", "application/geo+json, application/json")
              .GET()
              .build();
      HttpResponse<byte[]> a;
      long t0 = System.nanoTime();
      try {
        a = http.send(r, HttpResponse.BodyHandlers.ofByteArray());
      } catch (IOException e) {
        return QueryTiming.failed(name, pathAndQuery, 0, "no answer: " + e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new BenchException("interrupted", e);
      }
      double ms = (System.nanoTime() - t0) / 1e6;
      if (a.statusCode() != 200) {
        String body = new String(a.body(), StandardCharsets.UTF_8);
        String what =
            endpointMissing(a.statusCode(), body)
                ? "the service has no such endpoint yet (404: " + excerpt(body) + ")"
                : "HTTP " + a.statusCode() + ": " + excerpt(body);
        return QueryTiming.failed(name, pathAndQuery, a.statusCode(), what);
      }
      last = a.body();
      if (i >= warmUp) {
        millis.add(ms);
      }
    }
    int features = -1;
    String detail = "";
    try {
      JsonNode root = JsonSerde.mapper().readTree(last);
      if (root.has("features")) {
        features = root.get("features").size();
      }
      if (root.has("summary")) {
        detail = "summary " + root.get("summary").toString();
      }
    } catch (IOException e) {
      detail = "answer is not JSON: " + e.getMessage();
    }
    return new QueryTiming(
        name,
        pathAndQuery,
        200,
        millis,
        Percentiles.of(millis),
        last.length,
        features,
        excerpt(detail));
  }

  /**
   * A 404 of the framework (no resource matched the path), not of the endpoint (an unknown vehicle
   * or district, which the service answers with its own message).
   */
  static boolean endpointMissing(int status, String body) {
    return status == 404 && (body.isBlank() || body.contains("no such resource"));
  }

  static String excerpt(String s) {
    String one = s == null ? "" : s.replaceAll("\\s+", " ").trim();
    return one.length() <= 300 ? one : one.substring(0, 300) + "…";
  }
}

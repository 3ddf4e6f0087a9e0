package dev.dozor.rules.whatif;

import dev.dozor.events.JsonSerde;
import dev.dozor.events.TelemetryPoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads stored telemetry from telemetry-service's NDJSON export ({@code GET
 * /api/v1/telemetry/export}) as a lazy stream of points, in fix-time order.
 */
public final class TelemetryExportClient {
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final String baseUrl;

  public TelemetryExportClient(String baseUrl) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  /** An open export: the number of vehicles and the points, to be closed when done. */
  public record Export(int vehicles, Stream<String> lines) implements AutoCloseable {
    public Iterator<TelemetryPoint> points() {
      return lines
          .filter(l -> !l.isBlank())
          .map(l -> JsonSerde.fromJson(l, TelemetryPoint.class))
          .iterator();
    }

    @Override
    public void close() {
      lines.close();
    }
  }

  /**
   * Opens the export of a district and/or vehicles over [from, to).
   *
   * @throws ExportRefusedException with telemetry-service's answer when it refuses the request
   */
  public Export open(String district, List<String> vehicles, Instant from, Instant to) {
    StringBuilder query = new StringBuilder("from=").append(from).append("&to=").append(to);
    if (district != null) {
      query.append("&district=").append(URLEncoder.encode(district, StandardCharsets.UTF_8));
    }
    if (vehicles != null && !vehicles.isEmpty()) {
      query
          .append("&vehicle=")
          .append(
              vehicles.stream()
                  .map(v -> URLEncoder.encode(v, StandardCharsets.UTF_8))
                  .collect(Collectors.joining(",")));
    }
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/telemetry/export?" + query))
            .GET()
            .build();
    HttpResponse<Stream<String>> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofLines());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "telemetry-service at " + baseUrl + " is unreachable: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while opening the export", e);
    }
    if (response.statusCode() != 200) {
      String body;
      try (Stream<String> lines = response.body()) {
        body = lines.collect(Collectors.joining("\n"));
      }
      throw new ExportRefusedException(response.statusCode(), body);
    }
    int selected =
        response.headers().firstValue("X-Dozor-Export-Vehicles").map(Integer::parseInt).orElse(-1);
    return new Export(selected, response.body());
  }

  /** telemetry-service refused the export (bad interval, unknown district, busy). */
  public static final class ExportRefusedException extends RuntimeException {
    private final int status;
    private final String body;

    public ExportRefusedException(int status, String body) {
      super("telemetry-service refused the export with " + status + ": " + body);
      this.status = status;
      this.body = body;
    }

    public int status() {
      return status;
    }

    public String body() {
      return body;
    }
  }
}

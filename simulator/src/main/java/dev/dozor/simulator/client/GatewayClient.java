package dev.dozor.simulator.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dozor.events.JsonSerde;
import dev.dozor.events.TelemetryPoint;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Sends fixes to the gateway as a device would: {@code POST /api/v1/telemetry} with the device's
 * bearer token. A 401 right after registration is expected (the registry reaches the gateway via
 * Kafka in about a second), so it is retried with backoff until {@link Settings#authWait()}.
 */
public final class GatewayClient {
  public static final String TELEMETRY_PATH = "/api/v1/telemetry";

  /**
   * Timing of the client.
   *
   * @param authWait how long a 401 is retried before giving up
   * @param initialBackoff first pause after a 401, doubled up to {@code maxBackoff}
   * @param maxBackoff longest pause between 401 retries
   * @param requestTimeout timeout of one request
   */
  public record Settings(
      Duration authWait, Duration initialBackoff, Duration maxBackoff, Duration requestTimeout) {
    public static Settings defaults() {
      return new Settings(
          Duration.ofSeconds(30),
          Duration.ofMillis(200),
          Duration.ofSeconds(2),
          Duration.ofSeconds(10));
    }
  }

  private final URI endpoint;
  private final HttpClient http;
  private final Settings settings;

  /** A client for the gateway at {@code base}, e.g. {@code http://127.0.0.1:18080}. */
  public GatewayClient(URI base) {
    this(base, Settings.defaults());
  }

  public GatewayClient(URI base, Settings settings) {
    this(base, Http.newClient(), settings);
  }

  public GatewayClient(URI base, HttpClient http, Settings settings) {
    this.endpoint = URI.create(Http.withoutTrailingSlash(base) + TELEMETRY_PATH);
    this.http = http;
    this.settings = settings;
  }

  public URI endpoint() {
    return endpoint;
  }

  /**
   * Posts {@code points} (one device's fixes, oldest first) as one JSON array.
   *
   * @throws SimulatorException when the gateway still answers 401 after the auth wait
   */
  public SendResult send(String token, List<TelemetryPoint> points) {
    if (points.isEmpty()) {
      return new SendResult(SendResult.Outcome.ACCEPTED, 0, 0, 0, "");
    }
    byte[] body = JsonSerde.toBytes(points.stream().map(GatewayFix::of).toList());
    HttpRequest request =
        HttpRequest.newBuilder(endpoint)
            .timeout(settings.requestTimeout())
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    long deadline = System.nanoTime() + settings.authWait().toNanos();
    Duration backoff = settings.initialBackoff();
    int attempts = 0;
    while (true) {
      attempts++;
      HttpResponse<String> response;
      try {
        response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      } catch (IOException e) {
        return new SendResult(SendResult.Outcome.UNAVAILABLE, 0, 0, attempts, Http.describe(e));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new SendResult(SendResult.Outcome.UNAVAILABLE, 0, 0, attempts, "interrupted");
      }
      int status = response.statusCode();
      if (status == 401) {
        if (System.nanoTime() + backoff.toNanos() > deadline) {
          throw new SimulatorException(
              "POST "
                  + endpoint
                  + " for device "
                  + points.get(0).deviceId()
                  + " still answers 401 after "
                  + attempts
                  + " attempts in "
                  + settings.authWait().toSeconds()
                  + " s: the device registration has not reached the gateway"
                  + " (is telemetry-service publishing to dozor.registry.v1, and the gateway"
                  + " consuming it?): "
                  + Http.abbreviate(response.body()));
        }
        if (!sleep(backoff)) {
          return new SendResult(SendResult.Outcome.UNAVAILABLE, 401, 0, attempts, "interrupted");
        }
        backoff = min(backoff.multipliedBy(2), settings.maxBackoff());
        continue;
      }
      return classify(status, response.body(), points.size(), attempts);
    }
  }

  /**
   * Posts {@code points} once, without waiting: no 401 retry here (a 401 completes as {@link
   * SendResult.Outcome#UNAVAILABLE} with status 401 so the caller decides how long to wait for the
   * registration). Never completes exceptionally.
   */
  public java.util.concurrent.CompletableFuture<SendResult> sendAsync(
      String token, List<TelemetryPoint> points) {
    if (points.isEmpty()) {
      return java.util.concurrent.CompletableFuture.completedFuture(
          new SendResult(SendResult.Outcome.ACCEPTED, 0, 0, 0, ""));
    }
    byte[] body = JsonSerde.toBytes(points.stream().map(GatewayFix::of).toList());
    HttpRequest request =
        HttpRequest.newBuilder(endpoint)
            .timeout(settings.requestTimeout())
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
        .handle(
            (response, error) -> {
              if (error != null) {
                Throwable cause =
                    error instanceof java.util.concurrent.CompletionException
                            && error.getCause() != null
                        ? error.getCause()
                        : error;
                return new SendResult(
                    SendResult.Outcome.UNAVAILABLE, 0, 0, 1, Http.describe(cause));
              }
              if (response.statusCode() == 401) {
                return new SendResult(
                    SendResult.Outcome.UNAVAILABLE, 401, 0, 1, Http.abbreviate(response.body()));
              }
              return classify(response.statusCode(), response.body(), points.size(), 1);
            });
  }

  private static SendResult classify(int status, String body, int sent, int attempts) {
    if (status >= 200 && status < 300) {
      return new SendResult(
          SendResult.Outcome.ACCEPTED, status, acceptedCount(body, sent), attempts, "");
    }
    if (status >= 500 || status == 429 || status == 408) {
      return new SendResult(
          SendResult.Outcome.UNAVAILABLE, status, 0, attempts, Http.abbreviate(body));
    }
    return new SendResult(SendResult.Outcome.REJECTED, status, 0, attempts, Http.abbreviate(body));
  }

  /** The gateway's {@code {"accepted": n}} when it sends one, else the whole batch. */
  private static int acceptedCount(String body, int sent) {
    if (body == null || body.isBlank()) {
      return sent;
    }
    try {
      JsonNode node = JsonSerde.mapper().readTree(body);
      JsonNode accepted = node == null ? null : node.get("accepted");
      return accepted != null && accepted.canConvertToInt() ? accepted.asInt() : sent;
    } catch (IOException e) {
      return sent;
    }
  }

  private static boolean sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}

package dev.dozor.simulator.client;

import dev.dozor.events.JsonSerde;
import dev.dozor.simulator.fleet.SimVehicle;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Registers vehicles and their devices with telemetry-service's REST API (idempotent PUTs). */
public final class TelemetryRegistryClient {
  /** The protocol the simulator's devices speak to the gateway. */
  public static final String HTTP_JSON = "http-json";

  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  private final URI base;
  private final HttpClient http;
  private final Duration timeout;

  /** A client for telemetry-service at {@code base}, e.g. {@code http://127.0.0.1:18081}. */
  public TelemetryRegistryClient(URI base) {
    this(base, Http.newClient(), DEFAULT_TIMEOUT);
  }

  public TelemetryRegistryClient(URI base, HttpClient http, Duration timeout) {
    this.base = Http.withoutTrailingSlash(base);
    this.http = http;
    this.timeout = timeout;
  }

  /** Body of {@code PUT /api/v1/vehicles/{id}}. */
  public record VehicleBody(String plate, String type, String contractor, String district) {}

  /** Body of {@code PUT /api/v1/devices/{id}}. */
  public record DeviceBody(String vehicleId, String protocol, String token) {}

  /** Registers the vehicle and then its device with {@code token}. */
  public void register(SimVehicle vehicle, String token) {
    putVehicle(vehicle);
    putDevice(vehicle.deviceId(), vehicle.id(), token);
  }

  public void putVehicle(SimVehicle v) {
    put(
        "/api/v1/vehicles/" + segment(v.id()),
        new VehicleBody(v.plate(), v.type().wireName(), v.contractor(), v.district()));
  }

  public void putDevice(String deviceId, String vehicleId, String token) {
    put("/api/v1/devices/" + segment(deviceId), new DeviceBody(vehicleId, HTTP_JSON, token));
  }

  private void put(String path, Object body) {
    URI uri = URI.create(base + path);
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofByteArray(JsonSerde.toBytes(body)))
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new SimulatorException(
          "cannot reach telemetry-service: PUT " + uri + " failed: " + Http.describe(e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SimulatorException("interrupted during PUT " + uri, e);
    }
    int status = response.statusCode();
    if (status != 200 && status != 201 && status != 204) {
      throw new SimulatorException(
          "PUT "
              + uri
              + " answered "
              + status
              + " (expected 200 or 201): "
              + Http.abbreviate(response.body()));
    }
  }

  private static String segment(String id) {
    return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
  }
}

package dev.dozor.simulator.client;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.dozor.events.ChannelMapping;
import dev.dozor.events.DeviceProfileRecord;
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
import java.util.List;

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

  /**
   * Body of {@code PUT /api/v1/devices/{id}} for any protocol; null fields are left out.
   *
   * @param token HTTP JSON only
   * @param password Wialon IPS only
   * @param terminalId OsmAnd id, EGTS TID (decimal) or Wialon IMEI
   * @param profileId the device profile mapping its raw inputs
   */
  public record DeviceRegistration(
      String vehicleId,
      String protocol,
      String token,
      String password,
      String terminalId,
      String profileId) {}

  /** Body of {@code PUT /api/v1/device-profiles/{id}}. */
  public record ProfileBody(String name, List<MappingBody> mappings) {
    /** The body for {@code profile}. */
    public static ProfileBody of(DeviceProfileRecord profile) {
      return new ProfileBody(
          profile.name(), profile.mappings().stream().map(MappingBody::of).toList());
    }
  }

  /**
   * One mapping of a {@link ProfileBody}: {@code inverted} only when true, calibration fields only
   * when set (the API refuses {@code inverted}/{@code threshold} on {@code spreadRateGm2}).
   */
  @JsonPropertyOrder({"channel", "input", "inverted", "scale", "offset", "threshold"})
  public record MappingBody(
      String channel,
      String input,
      Boolean inverted,
      Double scale,
      Double offset,
      Double threshold) {
    static MappingBody of(ChannelMapping m) {
      return new MappingBody(
          m.channel(),
          m.input(),
          m.inverted() ? Boolean.TRUE : null,
          m.scale(),
          m.offset() == null || m.offset() == 0 ? null : m.offset(),
          m.threshold());
    }
  }

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

  /** Creates or replaces {@code device} (any protocol). */
  public void putDevice(String deviceId, DeviceRegistration device) {
    put("/api/v1/devices/" + segment(deviceId), device);
  }

  /** Creates or replaces the device profile {@code profile} (idempotent). */
  public void putProfile(DeviceProfileRecord profile) {
    put("/api/v1/device-profiles/" + segment(profile.id()), ProfileBody.of(profile));
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

package dev.dozor.simulator.client;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dozor.events.ChannelMapping;
import dev.dozor.events.DeviceProfileRecord;
import dev.dozor.events.JsonSerde;
import dev.dozor.simulator.fleet.SimVehicle;
import dev.dozor.simulator.grid.GeoPoint;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

  /**
   * Body of {@code PUT /api/v1/vehicles/{id}} with the registry references; null fields are left
   * out.
   *
   * @param contractorId a registered contractor
   * @param homeDistrictId an imported district (OKTMO)
   * @param depotZoneId a zone of kind {@code depot}
   */
  public record VehicleRegistration(
      String plate,
      String type,
      String contractor,
      String district,
      String contractorId,
      String homeDistrictId,
      String depotZoneId) {
    /** The body for {@code v} with these references (each may be null). */
    public static VehicleRegistration of(
        SimVehicle v, String contractorId, String homeDistrictId, String depotZoneId) {
      return new VehicleRegistration(
          v.plate(),
          v.type().wireName(),
          v.contractor(),
          v.district(),
          contractorId,
          homeDistrictId,
          depotZoneId);
    }
  }

  /** Body of {@code PUT /api/v1/contractors/{id}}. */
  public record ContractorBody(String name, String inn, String phone) {}

  /**
   * Body of {@code PUT /api/v1/zones/{id}}.
   *
   * @param kind {@code work-zone}, {@code no-machinery}, {@code snow-melting-station}, {@code
   *     depot}, {@code yard} or {@code container-site}
   * @param geometry a GeoJSON Polygon ({@code {"type":"Polygon","coordinates":[[[lon,lat],…]]}})
   */
  public record ZoneBody(
      String name, String kind, String districtId, Map<String, Object> geometry) {}

  /**
   * Body of {@code PUT /api/v1/assignments/{id}}: one vehicle's shift {@code [shiftStart,
   * shiftEnd)} (ISO-8601 UTC), in a work zone and/or along imported road segments.
   */
  public record AssignmentBody(
      String vehicleId,
      String shiftStart,
      String shiftEnd,
      String zoneId,
      List<String> segmentIds,
      Double corridorM,
      String note) {}

  /** Body of {@code PUT /api/v1/weather-events/{id}}: kind snowfall-started or snowfall-ended. */
  public record WeatherEventBody(String districtId, String kind, String at, String note) {}

  /**
   * An imported road segment as {@code GET /api/v1/geo/road-segments} answers it.
   *
   * @param id {@code <osm way id>-<seq>}
   * @param districtId the district holding its midpoint (may be null)
   * @param points its polyline
   */
  public record ImportedSegment(String id, String districtId, List<GeoPoint> points) {}

  /** Creates or replaces a contractor. */
  public void putContractor(String id, ContractorBody body) {
    put("/api/v1/contractors/" + segment(id), body);
  }

  /** Creates or replaces a zone. */
  public void putZone(String id, ZoneBody body) {
    put("/api/v1/zones/" + segment(id), body);
  }

  /** Creates or replaces an assignment. */
  public void putAssignment(String id, AssignmentBody body) {
    put("/api/v1/assignments/" + segment(id), body);
  }

  /** Creates or replaces a weather event. */
  public void putWeatherEvent(String id, WeatherEventBody body) {
    put("/api/v1/weather-events/" + segment(id), body);
  }

  /** Creates or replaces a vehicle with its registry references. */
  public void putVehicle(String id, VehicleRegistration body) {
    put("/api/v1/vehicles/" + segment(id), body);
  }

  /**
   * Every imported road segment ({@code GET /api/v1/geo/road-segments}); empty when none are
   * imported or the service does not answer a FeatureCollection (an older telemetry-service).
   */
  public List<ImportedSegment> roadSegments() {
    String body = getJson("/api/v1/geo/road-segments");
    return body == null ? List.of() : parseSegments(body);
  }

  /** The body of a 200 answer to {@code GET path}, or null for another status or an empty body. */
  private String getJson(String path) {
    URI uri = URI.create(base + path);
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(timeout.multipliedBy(3))
            .header("Accept", "application/json")
            .GET()
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new SimulatorException(
          "cannot reach telemetry-service: GET " + uri + " failed: " + Http.describe(e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SimulatorException("interrupted during GET " + uri, e);
    }
    if (response.statusCode() != 200 || response.body().isBlank()) {
      return null;
    }
    return response.body();
  }

  /**
   * An imported district ({@code GET /api/v1/geo/districts}).
   *
   * @param id the district id
   * @param okrug its okrug's abbreviation (e.g. СВАО), may be null
   */
  public record District(String id, String okrug) {}

  /**
   * Every imported district ({@code GET /api/v1/geo/districts}); empty when none are imported or
   * the service does not answer a JSON array.
   */
  public List<District> districts() {
    String body = getJson("/api/v1/geo/districts");
    return body == null ? List.of() : parseDistricts(body);
  }

  /**
   * The districts of a {@code GET /api/v1/geo/districts} answer (entries without an id skipped).
   */
  public static List<District> parseDistricts(String json) {
    JsonNode root;
    try {
      root = JsonSerde.mapper().readTree(json);
    } catch (IOException e) {
      return List.of();
    }
    List<District> districts = new ArrayList<>();
    for (JsonNode d : root) {
      String id = d.hasNonNull("id") ? d.get("id").asText() : null;
      if (id != null) {
        districts.add(new District(id, d.hasNonNull("okrug") ? d.get("okrug").asText() : null));
      }
    }
    return districts;
  }

  /** The segments of a road-segment FeatureCollection; features without a LineString skipped. */
  public static List<ImportedSegment> parseSegments(String featureCollection) {
    JsonNode root;
    try {
      root = JsonSerde.mapper().readTree(featureCollection);
    } catch (IOException e) {
      return List.of();
    }
    List<ImportedSegment> segments = new ArrayList<>();
    for (JsonNode f : root.path("features")) {
      JsonNode props = f.path("properties");
      String id = f.hasNonNull("id") ? f.get("id").asText() : props.path("id").asText(null);
      JsonNode geometry = f.path("geometry");
      if (id == null || !"LineString".equals(geometry.path("type").asText())) {
        continue;
      }
      List<GeoPoint> points = new ArrayList<>();
      for (JsonNode c : geometry.path("coordinates")) {
        points.add(new GeoPoint(c.get(1).asDouble(), c.get(0).asDouble()));
      }
      if (points.size() >= 2) {
        String district = props.hasNonNull("districtId") ? props.get("districtId").asText() : null;
        segments.add(new ImportedSegment(id, district, List.copyOf(points)));
      }
    }
    return segments;
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

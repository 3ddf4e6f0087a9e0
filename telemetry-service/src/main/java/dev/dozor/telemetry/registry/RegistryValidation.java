package dev.dozor.telemetry.registry;

import dev.dozor.events.DeviceRecord;
import dev.dozor.events.TokenHash;
import dev.dozor.events.VehicleRecord;
import dev.dozor.telemetry.common.ApiException;
import dev.dozor.telemetry.registry.RegistryDtos.DeviceRequest;
import dev.dozor.telemetry.registry.RegistryDtos.VehicleRequest;
import java.util.List;
import java.util.regex.Pattern;

/** Checks registry requests and turns them into contract records; throws {@link ApiException}. */
public final class RegistryValidation {
  /** Vehicle types the regulations know. */
  public static final List<String> VEHICLE_TYPES =
      List.of("plough", "sweeper", "spreader", "flusher", "refuse", "loader");

  /** Device protocols the gateway speaks. */
  public static final List<String> PROTOCOLS = List.of("http-json", "osmand", "egts", "wialon-ips");

  public static final String DEFAULT_PROTOCOL = "http-json";
  public static final int MIN_TOKEN_LENGTH = 16;

  /** Ids end up in Kafka keys and URLs: keep them plain. */
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

  private static final int MAX_TEXT = 200;

  private RegistryValidation() {}

  public static VehicleRecord vehicle(String id, VehicleRequest body) {
    requireId(id);
    if (body == null) {
      throw ApiException.invalid("body", "a JSON body with plate and type is required");
    }
    String plate = requireText("plate", body.plate());
    if (body.type() == null || !VEHICLE_TYPES.contains(body.type())) {
      throw ApiException.invalid(
          "type", "type must be one of " + VEHICLE_TYPES + ", was '" + body.type() + "'");
    }
    return VehicleRecord.of(
        id,
        plate,
        body.type(),
        optionalText("contractor", body.contractor()),
        optionalText("district", body.district()));
  }

  public static DeviceRecord device(String id, DeviceRequest body) {
    requireId(id);
    if (body == null) {
      throw ApiException.invalid("body", "a JSON body with vehicleId and token is required");
    }
    String vehicleId = requireText("vehicleId", body.vehicleId());
    String protocol = body.protocol() == null ? DEFAULT_PROTOCOL : body.protocol();
    if (!PROTOCOLS.contains(protocol)) {
      throw ApiException.invalid(
          "protocol", "protocol must be one of " + PROTOCOLS + ", was '" + protocol + "'");
    }
    if (body.token() == null || body.token().length() < MIN_TOKEN_LENGTH) {
      throw ApiException.invalid(
          "token", "token must be a secret of at least " + MIN_TOKEN_LENGTH + " characters");
    }
    return DeviceRecord.of(id, vehicleId, protocol, TokenHash.sha256Hex(body.token()));
  }

  public static void requireId(String id) {
    if (id == null || !ID.matcher(id).matches()) {
      throw ApiException.invalid(
          "id", "id must be 1-100 characters of letters, digits and . _ : -");
    }
  }

  private static String requireText(String field, String value) {
    if (value == null || value.isBlank()) {
      throw ApiException.invalid(field, field + " is required");
    }
    return optionalText(field, value.strip());
  }

  private static String optionalText(String field, String value) {
    if (value != null && value.length() > MAX_TEXT) {
      throw ApiException.invalid(field, field + " is longer than " + MAX_TEXT + " characters");
    }
    return value;
  }
}

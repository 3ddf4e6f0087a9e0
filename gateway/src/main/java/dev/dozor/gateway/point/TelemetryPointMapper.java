package dev.dozor.gateway.point;

import dev.dozor.events.DeviceRecord;
import dev.dozor.events.SchemaVersions;
import dev.dozor.events.TelemetryPoint;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Turns a validated request point into the contract's {@link TelemetryPoint}. */
public final class TelemetryPointMapper {
  private TelemetryPointMapper() {}

  /**
   * Maps a point that passed validation.
   *
   * @param device the authenticated device; its binding gives the vehicle id
   * @param receivedAt when the gateway received the request
   */
  public static TelemetryPoint toPoint(
      TelemetryPointRequest request, DeviceRecord device, Instant receivedAt) {
    return new TelemetryPoint(
        SchemaVersions.TELEMETRY_POINT,
        device.vehicleId(),
        device.id(),
        request.fixTime(),
        receivedAt,
        request.lat(),
        request.lon(),
        request.speedKmh() == null ? 0.0 : request.speedKmh(),
        request.headingDeg(),
        request.odometerKm(),
        request.equipment(),
        withoutNulls(request.attributes()));
  }

  /** A device may send {@code "din3": null}; the contract's attribute map holds no nulls. */
  private static Map<String, String> withoutNulls(Map<String, String> attributes) {
    if (attributes == null) {
      return Map.of();
    }
    Map<String, String> copy = new LinkedHashMap<>();
    attributes.forEach(
        (k, v) -> {
          if (k != null && v != null) {
            copy.put(k, v);
          }
        });
    return copy;
  }
}

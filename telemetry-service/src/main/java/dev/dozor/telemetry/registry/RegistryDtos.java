package dev.dozor.telemetry.registry;

import dev.dozor.events.Equipment;
import java.time.Instant;

/** Request and answer bodies of the registry API. */
public final class RegistryDtos {
  private RegistryDtos() {}

  /** Body of {@code PUT /api/v1/vehicles/{id}}. */
  public record VehicleRequest(String plate, String type, String contractor, String district) {}

  /** Body of {@code PUT /api/v1/devices/{id}}; the token is a secret of at least 16 characters. */
  public record DeviceRequest(String vehicleId, String protocol, String token) {}

  /** A vehicle with its last known point, if any. */
  public record VehicleView(
      String id,
      String plate,
      String type,
      String contractor,
      String district,
      LastState lastState) {}

  /** Last known point of a vehicle. */
  public record LastState(
      Instant fixTime, double lat, double lon, Double speedKmh, Equipment equipment) {}

  /** A device as the API shows it: no token data at all. */
  public record DeviceView(String id, String vehicleId, String protocol) {}
}

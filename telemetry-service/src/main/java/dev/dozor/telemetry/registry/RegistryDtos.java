package dev.dozor.telemetry.registry;

import dev.dozor.events.Equipment;
import java.time.Instant;

/** Request and answer bodies of the registry API. */
public final class RegistryDtos {
  private RegistryDtos() {}

  /**
   * Body of {@code PUT /api/v1/vehicles/{id}}.
   *
   * @param contractor free-text label (older clients)
   * @param district free-text label (older clients)
   * @param contractorId a registered contractor, optional
   * @param homeDistrictId an imported district (OKTMO), optional
   * @param depotZoneId a zone of kind {@code depot}, optional
   */
  public record VehicleRequest(
      String plate,
      String type,
      String contractor,
      String district,
      String contractorId,
      String homeDistrictId,
      String depotZoneId) {}

  /**
   * Body of {@code PUT /api/v1/devices/{id}} (a full replacement); which fields apply depends on
   * the protocol, see {@link DeviceValidation}.
   *
   * @param protocol {@code http-json} (default), {@code osmand}, {@code egts}, {@code wialon-ips}
   * @param token HTTP JSON only: the bearer secret, at least 16 characters
   * @param password Wialon IPS only: the login password; absent means the device logs in with NA
   * @param terminalId OsmAnd id, EGTS TID or IMEI, Wialon IPS IMEI; required for those protocols
   * @param profileId optional device profile mapping the raw inputs
   */
  public record DeviceRequest(
      String vehicleId,
      String protocol,
      String token,
      String password,
      String terminalId,
      String profileId) {}

  /** A vehicle with its last known point, if any. */
  public record VehicleView(
      String id,
      String plate,
      String type,
      String contractor,
      String district,
      String contractorId,
      String homeDistrictId,
      String depotZoneId,
      LastState lastState) {}

  /** Last known point of a vehicle. */
  public record LastState(
      Instant fixTime, double lat, double lon, Double speedKmh, Equipment equipment) {}

  /** A device as the API shows it: no token or password data at all. */
  public record DeviceView(
      String id, String vehicleId, String protocol, String terminalId, String profileId) {}
}

package dev.dozor.gateway.point;

import dev.dozor.events.DeviceProfileRecord;
import dev.dozor.events.DeviceRecord;
import dev.dozor.events.SchemaVersions;
import dev.dozor.events.TelemetryPoint;
import dev.dozor.gateway.profile.MappedInputs;
import dev.dozor.gateway.profile.ProfileMapper;
import dev.dozor.protocol.RawFix;
import java.time.Instant;

/** Turns a decoded fix that passed the sanity checks into the contract's {@link TelemetryPoint}. */
public final class RawFixMapper {
  private RawFixMapper() {}

  /**
   * Maps one fix.
   *
   * @param device the device that sent it; its binding gives the vehicle id
   * @param profile the device's profile, or null (inputs stay raw attributes)
   * @param receivedAt when the gateway received it
   */
  public static TelemetryPoint toPoint(
      RawFix fix, DeviceRecord device, DeviceProfileRecord profile, Instant receivedAt) {
    MappedInputs mapped = ProfileMapper.map(fix, profile);
    return new TelemetryPoint(
        SchemaVersions.TELEMETRY_POINT,
        device.vehicleId(),
        device.id(),
        fix.fixTime(),
        receivedAt,
        fix.lat(),
        fix.lon(),
        fix.speedKmh() == null ? 0.0 : fix.speedKmh(),
        fix.headingDeg(),
        fix.odometerKm(),
        mapped.equipment(),
        mapped.attributes());
  }
}

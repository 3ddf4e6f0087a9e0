package dev.dozor.telemetry.profile;

import dev.dozor.events.ChannelMapping;
import java.time.Instant;
import java.util.List;

/** Request and answer bodies of {@code /api/v1/device-profiles}. */
public final class DeviceProfileDtos {
  private DeviceProfileDtos() {}

  /** Body of {@code PUT /api/v1/device-profiles/{id}} (a full replacement). */
  public record ProfileRequest(String name, List<MappingRequest> mappings) {}

  /**
   * One mapping as a client writes it; absent {@code inverted} means false, absent {@code scale},
   * {@code offset}, {@code threshold} mean 1, 0 and "not 0".
   */
  public record MappingRequest(
      String channel,
      String input,
      Boolean inverted,
      Double scale,
      Double offset,
      Double threshold) {}

  /** A stored profile. */
  public record ProfileView(
      String id, String name, List<ChannelMapping> mappings, Instant updatedAt) {}
}

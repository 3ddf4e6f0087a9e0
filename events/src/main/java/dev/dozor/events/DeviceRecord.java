package dev.dozor.events;

/**
 * A tracker bound to a vehicle ({@link Topics#REGISTRY}, key {@link RegistryKeys#device}). The
 * token is never published, only its hash ({@link TokenHash#sha256Hex}).
 *
 * @param protocol {@code http-json}, {@code osmand}, {@code egts}, {@code wialon-ips}
 */
public record DeviceRecord(
    int schemaVersion, String id, String vehicleId, String protocol, String tokenSha256) {

  public static DeviceRecord of(String id, String vehicleId, String protocol, String tokenSha256) {
    return new DeviceRecord(SchemaVersions.DEVICE, id, vehicleId, protocol, tokenSha256);
  }
}

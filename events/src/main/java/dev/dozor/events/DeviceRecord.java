package dev.dozor.events;

/**
 * A tracker bound to a vehicle ({@link Topics#REGISTRY}, key {@link RegistryKeys#device}). The
 * token or password is never published, only its hash ({@link TokenHash#sha256Hex}).
 *
 * @param protocol {@code http-json}, {@code osmand}, {@code egts}, {@code wialon-ips}
 * @param tokenSha256 hash of the bearer token (HTTP JSON) or the Wialon IPS password; null when the
 *     protocol carries no secret (OsmAnd, EGTS)
 * @param terminalId the identifier the device itself sends: OsmAnd {@code id}, EGTS terminal id
 *     (TID) or IMEI, Wialon IPS IMEI; null for HTTP JSON devices
 * @param profileId the {@link DeviceProfileRecord} that maps its raw inputs, or null (inputs are
 *     kept as raw attributes)
 */
public record DeviceRecord(
    int schemaVersion,
    String id,
    String vehicleId,
    String protocol,
    String tokenSha256,
    String terminalId,
    String profileId)
    implements Versioned {

  public static final String HTTP_JSON = "http-json";
  public static final String OSMAND = "osmand";
  public static final String EGTS = "egts";
  public static final String WIALON_IPS = "wialon-ips";

  /** An HTTP JSON device authenticated by a bearer token. */
  public static DeviceRecord of(String id, String vehicleId, String protocol, String tokenSha256) {
    return new DeviceRecord(
        SchemaVersions.DEVICE, id, vehicleId, protocol, tokenSha256, null, null);
  }

  /** A device of any protocol. */
  public static DeviceRecord of(
      String id,
      String vehicleId,
      String protocol,
      String tokenSha256,
      String terminalId,
      String profileId) {
    return new DeviceRecord(
        SchemaVersions.DEVICE, id, vehicleId, protocol, tokenSha256, terminalId, profileId);
  }
}

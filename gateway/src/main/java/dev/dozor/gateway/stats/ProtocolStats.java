package dev.dozor.gateway.stats;

/**
 * Counters of one protocol since the gateway started.
 *
 * @param acceptedPoints points Kafka acknowledged
 * @param droppedFixes decoded fixes dropped by the sanity checks (acknowledged to the device, never
 *     published)
 * @param unknownDevices requests or logins refused because no device has that token / terminal id
 * @param malformed requests or frames refused as unreadable or invalid
 * @param openConnections connections open now (TCP protocols only)
 * @param refusedConnections connections closed at once because their IP had too many open
 */
public record ProtocolStats(
    long acceptedPoints,
    long droppedFixes,
    long unknownDevices,
    long malformed,
    long openConnections,
    long refusedConnections) {

  /** True when nothing differs from {@code other}. */
  public boolean sameAs(ProtocolStats other) {
    return equals(other);
  }
}

package dev.dozor.gateway.ingest;

/** The outcome of ingesting a batch of decoded fixes, independent of the protocol answering it. */
public sealed interface FixIngestResult {

  /**
   * Kafka acknowledged every published point. The device may be told its records are stored: the
   * dropped ones failed the sanity checks, and resending them would not help.
   *
   * @param published points Kafka acknowledged
   * @param dropped fixes dropped by the sanity checks
   */
  record Accepted(int published, int dropped) implements FixIngestResult {}

  /** The device is known but bound to no vehicle; nothing was published. */
  record DeviceNotBound(String deviceId) implements FixIngestResult {}

  /** Kafka did not acknowledge every point; the device must keep its records and retry. */
  record StorageUnavailable(String deviceId, Throwable cause) implements FixIngestResult {}
}

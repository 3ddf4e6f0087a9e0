package dev.dozor.gateway.ingest;

import dev.dozor.gateway.validation.PointViolation;

/** The outcome of one telemetry request, independent of the transport that answers it. */
public sealed interface IngestResult {

  /** Kafka acknowledged all {@code count} points. */
  record Accepted(int count) implements IngestResult {}

  /**
   * The token is unknown but the device registry is still loading (right after start-up): the
   * device must retry, not treat its credentials as refused.
   */
  record RegistryLoading() implements IngestResult {}

  /** No token, or a token no registered device has. */
  record Unauthorized() implements IngestResult {}

  /** The device is known but bound to no vehicle, so its points could not be attributed. */
  record DeviceNotBound(String deviceId) implements IngestResult {}

  /** The request carried no points. */
  record EmptyBatch(String deviceId) implements IngestResult {}

  /** The request carried more points than allowed. */
  record TooManyPoints(String deviceId, int count, int max) implements IngestResult {}

  /** A point broke a rule; nothing of the request was published. */
  record InvalidPoint(String deviceId, PointViolation violation) implements IngestResult {}

  /** Kafka did not acknowledge every point; the device must keep them and retry. */
  record StorageUnavailable(String deviceId, Throwable cause) implements IngestResult {}
}

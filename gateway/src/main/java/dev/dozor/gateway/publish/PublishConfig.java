package dev.dozor.gateway.publish;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The telemetry producer: how long the gateway waits for Kafka before telling a device to retry.
 */
@ConfigMapping(prefix = "dozor.gateway.publish")
public interface PublishConfig {

  /** Upper bound on reporting a send as done or failed (Kafka {@code delivery.timeout.ms}). */
  @WithDefault("PT15S")
  Duration deliveryTimeout();

  /** Longest a send may block for metadata or buffer space (Kafka {@code max.block.ms}). */
  @WithDefault("PT5S")
  Duration maxBlock();

  /** Wait for one broker answer; capped so that linger + request fits the delivery timeout. */
  @WithDefault("PT10S")
  Duration requestTimeout();

  /** Time a batch waits for more points before it is sent (Kafka {@code linger.ms}). */
  @WithDefault("5")
  int lingerMs();

  /** Kafka {@code compression.type}. */
  @WithDefault("lz4")
  String compression();

  /** Kafka {@code batch.size}, bytes per partition batch. */
  @WithDefault("65536")
  int batchSizeBytes();

  /** Seconds a device is told to wait ({@code Retry-After}) when Kafka did not acknowledge. */
  @WithDefault("5")
  int retryAfterSeconds();
}

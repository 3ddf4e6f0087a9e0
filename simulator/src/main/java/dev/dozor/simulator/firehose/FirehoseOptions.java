package dev.dozor.simulator.firehose;

import dev.dozor.simulator.fleet.FleetConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Everything the {@code firehose} command needs.
 *
 * @param gateway gateway base URL
 * @param telemetry telemetry-service base URL (registration)
 * @param fleet the fleet (its interval is replaced by the pacer's)
 * @param ratePerSecond asked points per second, all vehicles together
 * @param timeCompression simulated seconds per wall second
 * @param duration how long to send
 * @param batch most points in one request
 * @param concurrency most requests in flight
 * @param tokenSeed derive device tokens from this, or null for random ones
 * @param authWait how long a 401 is retried after registration
 * @param groundTruth where to append ground truth, or null
 */
public record FirehoseOptions(
    URI gateway,
    URI telemetry,
    FleetConfig fleet,
    double ratePerSecond,
    double timeCompression,
    Duration duration,
    int batch,
    int concurrency,
    String tokenSeed,
    Duration authWait,
    Path groundTruth) {
  public static final Duration DEFAULT_DURATION = Duration.ofMinutes(1);
  public static final int DEFAULT_BATCH = 100;
  public static final int DEFAULT_CONCURRENCY = 64;
  public static final int DEFAULT_VEHICLES = 1_000;
  public static final double DEFAULT_RATE = 1_000;
}

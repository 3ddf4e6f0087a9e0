package dev.dozor.simulator;

import dev.dozor.simulator.fleet.FleetConfig;
import java.net.URI;
import java.time.Duration;

/**
 * Everything the {@code demo} command needs.
 *
 * @param gateway gateway base URL (fixes are posted to {@code /api/v1/telemetry})
 * @param telemetry telemetry-service base URL (vehicles and devices are registered there)
 * @param fleet the fleet to simulate
 * @param duration how long to run; zero runs until stopped
 * @param tokenSeed derive device tokens from this for reproducible runs, or null for random ones
 * @param authWait how long a 401 from the gateway is retried before giving up
 * @param groundTruth file the injected faults are appended to (JSON Lines), or null
 */
public record DemoOptions(
    URI gateway,
    URI telemetry,
    FleetConfig fleet,
    Duration duration,
    String tokenSeed,
    Duration authWait,
    java.nio.file.Path groundTruth) {

  /** Without a ground-truth file (the skeleton's constructor). */
  public DemoOptions(
      URI gateway,
      URI telemetry,
      FleetConfig fleet,
      Duration duration,
      String tokenSeed,
      Duration authWait) {
    this(gateway, telemetry, fleet, duration, tokenSeed, authWait, null);
  }

  public static final URI DEFAULT_GATEWAY = URI.create("http://127.0.0.1:18080");
  public static final URI DEFAULT_TELEMETRY = URI.create("http://127.0.0.1:18081");
  public static final Duration DEFAULT_AUTH_WAIT = Duration.ofSeconds(30);

  public boolean runsForever() {
    return duration.isZero();
  }
}

package dev.dozor.rules.registry;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the rules-service reads the compacted registry topic ({@code dozor.rules.registry.*}). */
@ConfigMapping(prefix = "dozor.rules.registry")
public interface RegistryConfig {

  /** Longest single poll of the registry topic. */
  @WithDefault("PT1S")
  Duration pollTimeout();

  /** Wait before retrying when the broker is unreachable or the topic is missing. */
  @WithDefault("PT2S")
  Duration retryBackoff();

  /** Timeout of blocking consumer calls (partition lookup, offset lookup). */
  @WithDefault("PT10S")
  Duration apiTimeout();

  /** Metres: a fix this close to a road segment is on it (as the telemetry coverage matching). */
  @WithDefault("20")
  double segmentRadiusM();
}

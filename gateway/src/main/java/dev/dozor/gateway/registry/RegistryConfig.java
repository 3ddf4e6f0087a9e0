package dev.dozor.gateway.registry;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the gateway reads the compacted registry topic. */
@ConfigMapping(prefix = "dozor.gateway.registry")
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
}

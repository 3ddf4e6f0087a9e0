package dev.dozor.gateway.stats;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How often the gateway logs its counters. */
@ConfigMapping(prefix = "dozor.gateway.stats")
public interface StatsConfig {

  /** Period of the INFO line with what changed (nothing is logged when nothing changed). */
  @WithDefault("PT1M")
  Duration logInterval();
}

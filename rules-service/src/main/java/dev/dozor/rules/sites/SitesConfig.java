package dev.dozor.rules.sites;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The TIM-003 site monitor ({@code dozor.rules.sites.*}). */
@ConfigMapping(prefix = "dozor.rules.sites")
public interface SitesConfig {

  /**
   * How often (wall time) the monitor moves its event time to the engine's watermark and fires,
   * while no visit arrives.
   */
  @WithDefault("10s")
  Duration tick();
}

package dev.dozor.rules.engine;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the rule engine ({@code dozor.rules.*}). */
@ConfigMapping(prefix = "dozor.rules")
public interface RulesConfig {

  /** Minimum fix time between two UPDATED events of one open episode. */
  @WithDefault("30s")
  Duration updateInterval();

  /** Wall time after which a silent vehicle's session is disposed and its open episodes closed. */
  @WithDefault("6h")
  Duration sessionIdleTimeout();

  /** Language of the violation title sent to dispatch: {@code ru} or {@code en}. */
  @WithDefault("ru")
  String titleLanguage();

  default EngineSettings toSettings() {
    return new EngineSettings(updateInterval(), sessionIdleTimeout(), titleLanguage());
  }
}

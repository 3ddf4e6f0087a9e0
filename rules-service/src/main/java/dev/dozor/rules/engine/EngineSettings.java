package dev.dozor.rules.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the engine itself (regulation thresholds are parameters in the catalogue instead).
 *
 * @param updateInterval minimum fix time between two UPDATED events of one open episode
 * @param sessionIdleTimeout wall time after which a silent vehicle's session is disposed
 * @param titleLanguage language of {@code ViolationEvent.title}: {@code ru} or {@code en}
 */
public record EngineSettings(
    Duration updateInterval, Duration sessionIdleTimeout, String titleLanguage) {

  public EngineSettings {
    Objects.requireNonNull(updateInterval, "updateInterval");
    Objects.requireNonNull(sessionIdleTimeout, "sessionIdleTimeout");
    if (updateInterval.isNegative() || updateInterval.isZero()) {
      throw new IllegalArgumentException("updateInterval must be positive: " + updateInterval);
    }
    titleLanguage = titleLanguage == null ? "ru" : titleLanguage;
  }

  /** The defaults documented in the README: 30 s updates, 6 h idle sessions, Russian titles. */
  public static EngineSettings defaults() {
    return new EngineSettings(Duration.ofSeconds(30), Duration.ofHours(6), "ru");
  }
}

package dev.dozor.rules.engine;

import dev.dozor.events.Topics;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Settings of the engine itself (regulation thresholds are parameters in the catalogue instead).
 *
 * @param updateInterval minimum fix time between two UPDATED events of one open episode
 * @param sessionIdleTimeout wall time after which a silent vehicle's state is ended
 * @param titleLanguage language of {@code ViolationEvent.title}: {@code ru} or {@code en}
 * @param partitions partitions of the telemetry topic; state is kept per partition
 * @param localZone time zone of the "local time" regulations
 * @param maxClockAhead a fix further ahead of its receive time does not move the event clock
 */
public record EngineSettings(
    Duration updateInterval,
    Duration sessionIdleTimeout,
    String titleLanguage,
    int partitions,
    ZoneId localZone,
    Duration maxClockAhead) {

  public EngineSettings {
    Objects.requireNonNull(updateInterval, "updateInterval");
    Objects.requireNonNull(sessionIdleTimeout, "sessionIdleTimeout");
    Objects.requireNonNull(localZone, "localZone");
    Objects.requireNonNull(maxClockAhead, "maxClockAhead");
    if (updateInterval.isNegative() || updateInterval.isZero()) {
      throw new IllegalArgumentException("updateInterval must be positive: " + updateInterval);
    }
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be 1 or more: " + partitions);
    }
    titleLanguage = titleLanguage == null ? "ru" : titleLanguage;
  }

  /** The defaults documented in the README. */
  public static EngineSettings defaults() {
    return new EngineSettings(
        Duration.ofSeconds(30),
        Duration.ofHours(6),
        "ru",
        Topics.TELEMETRY_PARTITIONS,
        ZoneId.of("Europe/Moscow"),
        Duration.ofMinutes(2));
  }

  public EngineSettings withSessionIdleTimeout(Duration timeout) {
    return new EngineSettings(
        updateInterval, timeout, titleLanguage, partitions, localZone, maxClockAhead);
  }
}

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
 * @param clockTick the sessions' {@code EventClock} moves at most once per this much event time;
 *     clock-driven rules (deadlines, silence) re-check every vehicle of a partition when it moves,
 *     so moving it after every batch costs more than all the points; deadlines fire up to one tick
 *     late (their times are exact: the rules compute them, the clock only triggers the check)
 */
public record EngineSettings(
    Duration updateInterval,
    Duration sessionIdleTimeout,
    String titleLanguage,
    int partitions,
    ZoneId localZone,
    Duration maxClockAhead,
    Duration clockTick) {

  public EngineSettings {
    Objects.requireNonNull(updateInterval, "updateInterval");
    Objects.requireNonNull(sessionIdleTimeout, "sessionIdleTimeout");
    Objects.requireNonNull(localZone, "localZone");
    Objects.requireNonNull(maxClockAhead, "maxClockAhead");
    Objects.requireNonNull(clockTick, "clockTick");
    if (clockTick.isNegative()) {
      throw new IllegalArgumentException("clockTick must not be negative: " + clockTick);
    }
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
        Duration.ofMinutes(2),
        DEFAULT_CLOCK_TICK);
  }

  /** How often (event time) the deadline rules are checked, by default. */
  public static final Duration DEFAULT_CLOCK_TICK = Duration.ofSeconds(5);

  public EngineSettings withClockTick(Duration tick) {
    return new EngineSettings(
        updateInterval,
        sessionIdleTimeout,
        titleLanguage,
        partitions,
        localZone,
        maxClockAhead,
        tick);
  }

  public EngineSettings withSessionIdleTimeout(Duration timeout) {
    return new EngineSettings(
        updateInterval, timeout, titleLanguage, partitions, localZone, maxClockAhead, clockTick);
  }
}

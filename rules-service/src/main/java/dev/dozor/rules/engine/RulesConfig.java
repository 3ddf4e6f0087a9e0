package dev.dozor.rules.engine;

import dev.dozor.events.Topics;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.ZoneId;

/** Settings of the rule engine ({@code dozor.rules.*}). */
@ConfigMapping(prefix = "dozor.rules")
public interface RulesConfig {

  /** Minimum fix time between two UPDATED events of one open episode. */
  @WithDefault("30s")
  Duration updateInterval();

  /** Wall time after which a silent vehicle's state is ended and its open episodes closed. */
  @WithDefault("6h")
  Duration sessionIdleTimeout();

  /** Language of the violation title sent to dispatch: {@code ru} or {@code en}. */
  @WithDefault("ru")
  String titleLanguage();

  /** Partitions of the telemetry topic (state is kept per partition; must match the topic). */
  @WithDefault("" + Topics.TELEMETRY_PARTITIONS)
  int partitions();

  /** Time zone of the "local time" regulations (TIM-004, TIM-005, …). */
  @WithDefault("Europe/Moscow")
  ZoneId localZone();

  /** A fix further ahead of its receive time than this does not move the event clock. */
  @WithDefault("2m")
  Duration maxClockAhead();

  /**
   * Event time between two checks of the clock-driven rules (deadlines, silence); they fire up to
   * this late. 0 checks after every batch.
   */
  @WithDefault("5s")
  Duration clockTick();

  default EngineSettings toSettings() {
    return new EngineSettings(
        updateInterval(),
        sessionIdleTimeout(),
        titleLanguage(),
        partitions(),
        localZone(),
        maxClockAhead(),
        clockTick());
  }
}

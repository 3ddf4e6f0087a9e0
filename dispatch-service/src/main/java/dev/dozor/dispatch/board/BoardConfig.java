package dev.dozor.dispatch.board;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Settings of the live board. */
@ConfigMapping(prefix = "dozor.board")
public interface BoardConfig {
  /**
   * Base-map tile URL template ({z}/{x}/{y}), e.g. an in-house tile server; empty = no base map
   * (offline machines), the page then shows a plain background fitted to the vehicles.
   */
  Optional<String> tileUrl();

  /** Attribution shown for the tiles (required by most tile providers' licences). */
  Optional<String> tileAttribution();

  /** Recent positions kept per vehicle for the trail on the map, including the current one. */
  @WithDefault("20")
  int trailLength();

  /** How often changed positions are pushed to WebSocket clients (coalescing window). */
  @WithDefault("1s")
  Duration pushInterval();

  /** Time zone the board shows times in (the district's local time for dispatchers). */
  @WithDefault("Europe/Moscow")
  String timeZone();

  /** Active violations sent to a WebSocket client when it connects. */
  @WithDefault("500")
  int activeViolationsOnOpen();
}

package dev.dozor.gateway.osmand;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The OsmAnd HTTP server (Traccar Client and compatible trackers), on a port of its own. */
@ConfigMapping(prefix = "dozor.gateway.osmand")
public interface OsmAndConfig {

  /** Whether the server listens at all. */
  @WithDefault("true")
  boolean enabled();

  /** HTTP port; 0 picks a free one (tests). Traccar's own default for OsmAnd is 5055. */
  @WithDefault("18055")
  int port();

  /** Largest accepted request body; larger ones are answered 413. */
  @WithDefault("65536")
  int maxBodyBytes();

  /** A keep-alive connection that sent nothing for this long is closed. */
  @WithDefault("PT1M")
  Duration idleTimeout();
}

package dev.dozor.rules.restore;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How rule state is rebuilt when this instance gets partitions ({@code dozor.rules.restore.*}). */
@ConfigMapping(prefix = "dozor.rules.restore")
public interface RestoreConfig {

  /**
   * How far back (in gateway receive time) a newly assigned partition is re-read, so episodes that
   * were in progress are rebuilt; 0 disables the re-read. Must exceed the longest window a rule
   * needs (SPD-001: minDurationS + maxGapS).
   */
  @WithDefault("10m")
  Duration replayWindow();
}

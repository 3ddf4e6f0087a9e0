package dev.dozor.rules.restore;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How rule state survives restarts and partition moves ({@code dozor.rules.restore.*}): a
 * checkpoint per partition, and a re-read window when no usable checkpoint exists.
 */
@ConfigMapping(prefix = "dozor.rules.restore")
public interface RestoreConfig {

  /**
   * How far back (in gateway receive time) a newly assigned partition is re-read, so episodes that
   * were in progress are rebuilt; 0 disables the re-read. Must exceed the longest window a rule
   * needs (SPD-001: minDurationS + maxGapS).
   */
  @WithDefault("10m")
  Duration replayWindow();

  /**
   * How often (wall time) each partition's state is checkpointed after a batch; the new owner of a
   * partition re-reads at most this much. 0 disables checkpoints (only the replay window then).
   */
  @WithDefault("30s")
  Duration checkpointInterval();

  /** The name this instance writes into its checkpoints (logs, audit); default: the host name. */
  java.util.Optional<String> instanceName();
}

package dev.dozor.rules.coverage;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Segment-pass matching ({@code dozor.rules.coverage.*}); see {@link CoverageSettings}. */
@ConfigMapping(prefix = "dozor.rules.coverage")
public interface CoverageConfig {

  /** A working point matches a segment at this distance or less, metres. */
  @WithDefault("20")
  double toleranceM();

  /** Two fixes further apart in time than this end a pass. */
  @WithDefault("120s")
  Duration maxGap();

  /**
   * A pass covering less of its segment than this (0..1) is not emitted: a vehicle crossing or
   * touching the street at a junction covers a sliver and does not count.
   */
  @WithDefault("0.5")
  double minCoveredFraction();

  /** Spacing of the samples on the chord between two consecutive fixes, metres. */
  @WithDefault("10")
  double sampleStepM();

  /** The vehicle stays on its segment unless another one is nearer by more than this, metres. */
  @WithDefault("2")
  double switchMarginM();

  /** Grid cell of the segment index, metres. */
  @WithDefault("100")
  double gridCellM();

  /** An open pass is published at most this often while it grows (bounds loss on a crash). */
  @WithDefault("10s")
  Duration checkpointEvery();

  /** The matching state of a vehicle silent this long (wall time) is dropped. */
  @WithDefault("1h")
  Duration vehicleIdle();

  /** A pass stays a rule fact until the event clock is this far past its end. */
  @WithDefault("24h")
  Duration passFactRetention();

  default CoverageSettings toSettings() {
    return new CoverageSettings(
        new SegmentPassMatcher.Settings(
            toleranceM(),
            maxGap(),
            minCoveredFraction(),
            sampleStepM(),
            switchMarginM(),
            checkpointEvery(),
            vehicleIdle(),
            CoverageSettings.SOURCE),
        gridCellM(),
        passFactRetention());
  }
}

package dev.dozor.telemetry.coverage;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Typed configuration of segment passes and coverage ({@code dozor.coverage.*}). */
@ConfigMapping(prefix = "dozor.coverage")
public interface CoverageConfig {

  /**
   * A pass covering less of its segment than this (0..1) does not count for coverage (rules-service
   * does not emit such passes either: {@code dozor.rules.coverage.min-covered-fraction}). 0.5: the
   * vehicle worked at least half the block (it may have turned at mid-block), while a vehicle
   * crossing or touching the street at a junction covers a sliver and does not count.
   */
  @WithDefault("0.5")
  double minCoveredFraction();

  /**
   * Daily partitions of {@code telemetry.segment_passes} older than this are dropped; 0 keeps all.
   */
  @WithDefault("400")
  int retentionDays();

  /** Coverage and segment-passes queries. */
  Query query();

  /** Coverage and segment-passes queries. */
  interface Query {
    /** Longest interval one request may cover. */
    @WithDefault("P31D")
    Duration maxInterval();

    /**
     * Passes that started this long before {@code from} are still looked at (a pass overlapping
     * {@code from} counts); bounds the index range read.
     */
    @WithDefault("PT2H")
    Duration passLookback();
  }
}

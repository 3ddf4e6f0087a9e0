package dev.dozor.telemetry.coverage;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Typed configuration of segment passes and coverage ({@code dozor.coverage.*}). */
@ConfigMapping(prefix = "dozor.coverage")
public interface CoverageConfig {

  /**
   * A pass covering less of its segment than this (0..1) neither counts for coverage nor is
   * derived. 0.5: the vehicle worked at least half the block (it may have turned at mid-block),
   * while a vehicle crossing or touching the street at a junction covers a sliver and does not
   * count.
   */
  @WithDefault("0.5")
  double minCoveredFraction();

  /**
   * Daily partitions of {@code telemetry.segment_passes} older than this are dropped; 0 keeps all.
   */
  @WithDefault("400")
  int retentionDays();

  /** Derivation of passes from telemetry (until rules-service emits them). */
  Derive derive();

  /** Coverage and segment-passes queries. */
  Query query();

  /** Derivation of passes from telemetry. */
  interface Derive {
    /** Whether telemetry-service derives passes itself; off once rules-service produces them. */
    @WithDefault("true")
    boolean enabled();

    /** A working point matches a segment at this distance or less, metres. */
    @WithDefault("20")
    double toleranceM();

    /** Two fixes further apart in time than this end a pass. */
    @WithDefault("120s")
    Duration maxGap();

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

    /** The matching state of a vehicle silent this long is dropped. */
    @WithDefault("1h")
    Duration vehicleIdle();

    /** How often idle vehicles are checked (open passes of silent vehicles are published). */
    @WithDefault("15s")
    String idleCheckEvery();

    /** How often the road segments are checked for a new import (and reloaded if changed). */
    @WithDefault("60s")
    String segmentsReloadEvery();
  }

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

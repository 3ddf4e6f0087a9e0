package dev.dozor.rules.coverage;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the segment-pass matching in rules-service.
 *
 * @param matcher the matching itself (tolerance, gap, minimal fraction, …)
 * @param gridCellM grid cell of the road-network index, metres
 * @param passFactRetention a segment pass stays a fact in the rule session until the event clock is
 *     this far past its end: the longest deadline a regulation joins passes with (TIM-001: 12 h for
 *     priority 4) plus a margin for late weather events
 */
public record CoverageSettings(
    SegmentPassMatcher.Settings matcher, double gridCellM, Duration passFactRetention) {

  /** Who the passes of rules-service say matched them. */
  public static final String SOURCE = "rules-service";

  public CoverageSettings {
    Objects.requireNonNull(matcher, "matcher");
    Objects.requireNonNull(passFactRetention, "passFactRetention");
  }

  /** 20 m (as the geography), 120 s gap, half the segment, 10 m samples, 10 s checkpoints. */
  public static CoverageSettings defaults() {
    return new CoverageSettings(
        new SegmentPassMatcher.Settings(
            20,
            Duration.ofSeconds(120),
            0.5,
            10,
            2,
            Duration.ofSeconds(10),
            Duration.ofHours(1),
            SOURCE),
        100,
        Duration.ofHours(24));
  }
}

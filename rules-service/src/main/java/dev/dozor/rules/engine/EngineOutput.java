package dev.dozor.rules.engine;

import dev.dozor.events.SegmentPass;
import dev.dozor.events.ViolationEvent;
import dev.dozor.rules.sites.SiteVisit;
import java.util.List;

/**
 * What one batch of points produced: violation episode changes for {@code dozor.violations.v1},
 * segment passes for {@code dozor.coverage.v1} and container-site visits (TIM-003) for {@code
 * dozor.site-visits.v1}.
 */
public record EngineOutput(
    List<ViolationEvent> violations, List<SegmentPass> passes, List<SiteVisit> visits) {
  public EngineOutput {
    violations = List.copyOf(violations);
    passes = List.copyOf(passes);
    visits = List.copyOf(visits);
  }

  /** Without site visits. */
  public EngineOutput(List<ViolationEvent> violations, List<SegmentPass> passes) {
    this(violations, passes, List.of());
  }
}

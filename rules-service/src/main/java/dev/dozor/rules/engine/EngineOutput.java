package dev.dozor.rules.engine;

import dev.dozor.events.SegmentPass;
import dev.dozor.events.ViolationEvent;
import java.util.List;

/**
 * What one batch of points produced: violation episode changes for {@code dozor.violations.v1} and
 * segment passes for {@code dozor.coverage.v1}.
 */
public record EngineOutput(List<ViolationEvent> violations, List<SegmentPass> passes) {
  public EngineOutput {
    violations = List.copyOf(violations);
    passes = List.copyOf(passes);
  }
}

package dev.dozor.rules.engine;

import dev.dozor.events.TelemetryPoint;
import dev.dozor.events.ViolationEvent;
import dev.dozor.events.ViolationStatus;
import dev.dozor.rules.registry.RegistryState;
import dev.dozor.rules.regulation.RegulationCatalogue;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * What the rule tests of one regulation share: a fresh engine over the class-path catalogue, the
 * events of one regulation only (others may fire on the same track), and the late/out-of-order runs
 * (shuffled batch, several batches) that must give the in-order result.
 */
final class RegulationTestSupport {
  private static RegulationCatalogue catalogue;

  /**
   * The engine's defaults, but the event clock moves after every batch: regulation tests check
   * deadlines to the millisecond; the tick itself is EngineFrameworkTest's subject.
   */
  static final EngineSettings EXACT_CLOCK =
      EngineSettings.defaults().withClockTick(java.time.Duration.ZERO);

  private RegulationTestSupport() {}

  static synchronized RegulationCatalogue catalogue() {
    if (catalogue == null) {
      catalogue = RegulationCatalogue.fromClasspath();
    }
    return catalogue;
  }

  static RuleEngine engine(RegistryState registry) {
    return new RuleEngine(
        catalogue(),
        EXACT_CLOCK,
        Clock.fixed(Instant.parse("2026-01-15T07:00:00Z"), ZoneOffset.UTC),
        registry);
  }

  static RuleEngine engine() {
    return engine(new RegistryState());
  }

  /** The events of one regulation, in the order the engine reported them. */
  static List<ViolationEvent> of(String regulationId, List<ViolationEvent> events) {
    return events.stream().filter(e -> e.regulationId().equals(regulationId)).toList();
  }

  /** Runs the points through a fresh engine and keeps one regulation's events. */
  static List<ViolationEvent> run(
      String regulationId, RegistryState registry, List<TelemetryPoint> points) {
    try (RuleEngine engine = engine(registry)) {
      return of(regulationId, engine.process(points));
    }
  }

  static List<ViolationStatus> statuses(List<ViolationEvent> events) {
    return events.stream().map(ViolationEvent::status).toList();
  }

  /** The points shuffled into one batch (a black box uploading out of order). */
  static List<ViolationEvent> runShuffled(
      String regulationId, RegistryState registry, List<TelemetryPoint> points, long seed) {
    List<TelemetryPoint> shuffled = new ArrayList<>(points);
    Collections.shuffle(shuffled, new Random(seed));
    return run(regulationId, registry, shuffled);
  }

  /** The points delivered in consecutive batches of {@code size} (the stream arriving late). */
  static List<ViolationEvent> runInBatches(
      String regulationId, RegistryState registry, List<TelemetryPoint> points, int size) {
    List<ViolationEvent> all = new ArrayList<>();
    try (RuleEngine engine = engine(registry)) {
      for (int from = 0; from < points.size(); from += size) {
        all.addAll(engine.process(points.subList(from, Math.min(points.size(), from + size))));
      }
    }
    return of(regulationId, all);
  }
}

package dev.dozor.bench.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dozor.bench.BenchOptions.UsageException;
import java.util.List;
import org.junit.jupiter.api.Test;

class RulesBenchOptionsTest {
  @Test
  void defaultsAreTheIssuesSizes() {
    RulesBenchOptions o = RulesBenchOptions.parse(new String[0]);
    assertEquals(20_000, o.vehicles());
    assertEquals(500, o.batch());
    assertEquals(List.of("all", "SPD-001", "none"), o.throughputSets());
    assertEquals("engine", o.phase());
  }

  @Test
  void quickShrinksEverything() {
    RulesBenchOptions o = RulesBenchOptions.parse(new String[] {"--quick"});
    assertTrue(o.vehicles() < 20_000);
    assertEquals(1, o.warmupIterations());
    assertTrue(o.quick());
  }

  @Test
  void theFullCatalogueIsAlwaysMeasuredFirst() {
    assertEquals(List.of("all", "none"), RulesBenchOptions.sets("none,all"));
    assertEquals(List.of("all", "SPD-001"), RulesBenchOptions.sets("SPD-001"));
  }

  @Test
  void iterationsAreWarmUpByMeasuredBySeconds() {
    RulesBenchOptions o = RulesBenchOptions.parse(new String[] {"--iterations", "2x3x4"});
    assertEquals(2, o.warmupIterations());
    assertEquals(3, o.measureIterations());
    assertEquals(4, o.iterationSeconds());
    assertThrows(UsageException.class, () -> RulesBenchOptions.iterations("3x5"));
  }

  @Test
  void rejectsUnknownOptionsAndPhases() {
    assertThrows(UsageException.class, () -> RulesBenchOptions.parse(new String[] {"--nope", "1"}));
    assertThrows(
        UsageException.class, () -> RulesBenchOptions.parse(new String[] {"--phase", "x"}));
    assertThrows(
        UsageException.class, () -> RulesBenchOptions.parse(new String[] {"--vehicles", "0"}));
  }

  @Test
  void theLatencyRunCountsNinetySecondsAfterAThirtySecondWarmUpUnlessToldOtherwise() {
    RulesBenchOptions o = RulesBenchOptions.parse(new String[0]);
    assertEquals(120, o.latencySeconds());
    assertEquals(30, o.latencyWarmUpSeconds());
    RulesBenchOptions told =
        RulesBenchOptions.parse(new String[] {"--latency-seconds", "60", "--latency-warmup", "5"});
    assertEquals(5, told.latencyWarmUpSeconds());
    // never more than half the run
    assertEquals(
        30,
        RulesBenchOptions.parse(new String[] {"--latency-seconds", "60", "--latency-warmup", "50"})
            .latencyWarmUpSeconds());
  }
}

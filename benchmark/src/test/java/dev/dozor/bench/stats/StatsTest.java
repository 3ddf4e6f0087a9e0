package dev.dozor.bench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatsTest {
  @Test
  void percentilesInterpolateLikePercentileCont() {
    List<Integer> values = new ArrayList<>();
    for (int i = 1; i <= 100; i++) {
      values.add(i);
    }
    Percentiles p = Percentiles.of(values);
    assertEquals(100, p.count());
    assertEquals(50.5, p.p50(), 1e-9);
    assertEquals(95.05, p.p95(), 1e-9);
    assertEquals(99.01, p.p99(), 1e-9);
    assertEquals(100.0, p.max());
    assertFalse(p.fewSamples());
  }

  @Test
  void emptyAndTinySamplesAreFlagged() {
    assertEquals(0, Percentiles.of(List.of()).count());
    Percentiles one = Percentiles.of(List.of(7.0));
    assertEquals(7.0, one.p99());
    assertTrue(one.fewSamples());
  }

  @Test
  void lagSlopeIsTheLeastSquaresGrowthPerSecond() {
    List<LagTrend.Sample> growing = new ArrayList<>();
    for (int s = 0; s <= 60; s += 2) {
      growing.add(new LagTrend.Sample(s, 100 + 50L * s));
    }
    assertEquals(50.0, LagTrend.slope(growing), 1e-9);
    assertEquals(16, LagTrend.secondHalf(growing, 60).size());
    assertEquals(0.0, LagTrend.slope(List.of(new LagTrend.Sample(1, 5))));
  }

  @Test
  void aStepHoldsWhenAcknowledgedAndLagFlat() {
    StepVerdict v =
        StepVerdict.judge(
            1000,
            990,
            List.of(
                new StepVerdict.GroupLag("dozor-telemetry", 3, 400),
                new StepVerdict.GroupLag("dozor-rules", -2, 100)));
    assertTrue(v.held(), v.reasons().toString());
  }

  @Test
  void aStepFailsOnShortAcksGrowingLagOrLargeFinalLag() {
    assertFalse(StepVerdict.judge(1000, 900, List.of()).held());
    StepVerdict growing =
        StepVerdict.judge(1000, 1000, List.of(new StepVerdict.GroupLag("dozor-rules", 50, 10)));
    assertFalse(growing.held());
    assertTrue(growing.reasons().get(0).contains("dozor-rules"));
    StepVerdict behind =
        StepVerdict.judge(
            1000, 1000, List.of(new StepVerdict.GroupLag("dozor-telemetry", 0, 7000)));
    assertFalse(behind.held());
    assertTrue(behind.reasons().get(0).contains("final lag"));
  }
}

package dev.dozor.bench.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dozor.bench.rules.BacklogDrain.Sample;
import java.util.List;
import org.junit.jupiter.api.Test;

class BacklogDrainTest {

  @Test
  void theRateIsTheBacklogOverTheTimeUntilItWasAllCommitted() {
    // commits arrive in steps; the samples after the drain do not count
    BacklogDrain d =
        new BacklogDrain(
            1_000,
            List.of(
                new Sample(1, 0),
                new Sample(2, 0),
                new Sample(5, 400),
                new Sample(8, 400),
                new Sample(10, 1_000),
                new Sample(11, 1_000)));
    assertEquals(100.0, d.recordsPerS(), 1e-9);
    assertEquals(10.0, d.seconds(), 1e-9);
    assertTrue(d.drained());
  }

  @Test
  void aDrainThatStoppedShortIsTimedToItsLastProgress() {
    BacklogDrain d =
        new BacklogDrain(
            1_000, List.of(new Sample(1, 250), new Sample(3, 450), new Sample(4, 450)));
    assertEquals(150.0, d.recordsPerS(), 1e-9);
    assertEquals(3.0, d.seconds(), 1e-9);
    assertFalse(d.drained());
  }

  @Test
  void withoutProgressThereIsNoRate() {
    assertTrue(Double.isNaN(new BacklogDrain(1_000, List.of()).recordsPerS()));
    assertTrue(
        Double.isNaN(
            new BacklogDrain(1_000, List.of(new Sample(1, 0), new Sample(2, 0))).recordsPerS()));
    assertEquals(0, new BacklogDrain(1_000, List.of(new Sample(1, 0))).seconds());
  }
}

package dev.dozor.bench.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.dozor.bench.telemetry.IngestRate.Sample;
import java.util.List;
import org.junit.jupiter.api.Test;

class IngestRateTest {
  @Test
  void excludesStartUpAndTheTail() {
    // 5 s start-up, then 1,000 rows/s for 10 s, then a slow tail
    List<Sample> samples =
        List.of(
            new Sample(0, 0),
            new Sample(5, 0),
            new Sample(6, 1_000),
            new Sample(10, 5_000),
            new Sample(15, 10_000),
            new Sample(16, 10_500),
            new Sample(30, 11_000));
    IngestRate.Result r = IngestRate.of(samples, 11_000);
    assertEquals(1_000, r.sustainedPerS(), 1e-6);
    assertEquals(5.001, r.startUpS(), 1e-6);
    assertEquals(30 - 5.001, r.drainS(), 1e-6);
  }

  @Test
  void interpolatesBetweenSamples() {
    List<Sample> samples = List.of(new Sample(0, 0), new Sample(10, 100));
    assertEquals(2.5, IngestRate.crossing(samples, 25), 1e-9);
    assertEquals(10, IngestRate.crossing(samples, 100), 1e-9);
    assertNull(IngestRate.crossing(samples, 101));
  }

  @Test
  void noRateWhenTheBacklogWasNeverDrained() {
    assertNull(IngestRate.of(List.of(new Sample(0, 0), new Sample(10, 50)), 100));
  }
}

package dev.dozor.telemetry.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dozor.telemetry.track.StopDetector.Stop;
import java.util.List;
import org.junit.jupiter.api.Test;

class StopDetectorTest {
  private static final long MIN = 60_000;

  /** Fixes at the given seconds and planar positions in metres (x east). */
  private static List<Stop> detect(long[] seconds, double[] x, long minDurationMs) {
    TrackPoints points = new TrackPoints();
    for (long s : seconds) {
      points.add(s * 1000, 55.0, 37.0, 0);
    }
    return StopDetector.detect(x, new double[x.length], points, minDurationMs, 30);
  }

  @Test
  void stopOfExactlyTheMinimumIsReportedAndOneSecondShorterIsNot() {
    // moving 100 m/min, then still from 120 s to 420 s (exactly 5 min), then moving on
    long[] t = {0, 60, 120, 180, 240, 300, 360, 420, 480};
    double[] x = {0, 100, 200, 200, 205, 200, 195, 200, 300};
    assertEquals(List.of(new Stop(2, 7)), detect(t, x, 5 * MIN));
    assertTrue(detect(t, x, 5 * MIN + 1000).isEmpty());
  }

  @Test
  void aFixBeyondTheRadiusEndsTheStop() {
    // still for 4 min, one fix 31 m away, still again for 4 min: no 5-minute stop
    long[] t = {0, 60, 120, 180, 240, 300, 360, 420, 480, 540};
    double[] x = {0, 0, 0, 0, 0, 31, 31, 31, 31, 31};
    // from the fix at 300 s the rest (31 m, all within 0 m of it) lasts 240 s
    assertTrue(detect(t, x, 5 * MIN).isEmpty());
    // within 30 m (29 m): one stop of 9 min
    double[] near = {0, 0, 0, 0, 0, 29, 29, 29, 29, 29};
    assertEquals(List.of(new Stop(0, 9)), detect(t, near, 5 * MIN));
  }

  @Test
  void aGapBetweenTwoFixesAtTheSamePlaceIsAStop() {
    // the tracker sleeps for an hour while parked
    long[] t = {0, 10, 3610, 3620};
    double[] x = {0, 100, 100, 200};
    assertEquals(List.of(new Stop(1, 2)), detect(t, x, 5 * MIN));
  }

  @Test
  void zeroMinutesFindsNoStops() {
    assertTrue(detect(new long[] {0, 600}, new double[] {0, 0}, 0).isEmpty());
  }
}

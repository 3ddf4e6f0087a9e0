package dev.dozor.telemetry.track;

/** Splits a track into runs of consecutive fixes with equal packed equipment. */
public final class TrackRuns {
  private TrackRuns() {}

  /**
   * The first index of every run, followed by {@code points.size()} as a sentinel: run r is {@code
   * [starts[r], starts[r + 1])}. No fixes give {@code [0]}.
   */
  public static int[] starts(TrackPoints points) {
    int n = points.size();
    int runs = 0;
    for (int i = 0; i < n; i++) {
      if (i == 0 || points.equipment(i) != points.equipment(i - 1)) {
        runs++;
      }
    }
    int[] starts = new int[runs + 1];
    int r = 0;
    for (int i = 0; i < n; i++) {
      if (i == 0 || points.equipment(i) != points.equipment(i - 1)) {
        starts[r++] = i;
      }
    }
    starts[runs] = n;
    return starts;
  }
}

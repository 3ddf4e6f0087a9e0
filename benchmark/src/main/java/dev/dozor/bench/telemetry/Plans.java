package dev.dozor.bench.telemetry;

import java.util.List;
import java.util.SplittableRandom;

/** The working patterns of the generated vehicles. */
final class Plans {
  /** A fleet vehicle raises its blade for this long once an hour (it works ~83 % of the time). */
  static final double FLEET_BLADE_UP_S = 10 * 60;

  /** The benchmarked track lowers and raises its blade this often. */
  static final double TRACK_TOGGLE_S = 20 * 60;

  private Plans() {}

  /**
   * A stop: the vehicle stands from {@code startS} for {@code durationS} seconds.
   *
   * @param startS second of the drive the stop begins
   * @param durationS its length
   */
  record Stop(double startS, double durationS) {
    boolean covers(double second) {
      return second >= startS && second < startS + durationS;
    }
  }

  /** The 1 Hz track of issue 5: blade down 20 min, up 20 min, and four stops in the day. */
  static final List<Stop> TRACK_STOPS =
      List.of(
          new Stop(3 * 3600, 15 * 60),
          new Stop(8.5 * 3600, 30 * 60),
          new Stop(13 * 3600, 45 * 60),
          new Stop(19 * 3600, 10 * 60));

  static Drive.Plan track() {
    return new Drive.Plan() {
      @Override
      public boolean ploughDown(double second) {
        return ((long) (second / TRACK_TOGGLE_S)) % 2 == 0 && !stopped(second);
      }

      @Override
      public boolean stopped(double second) {
        for (Stop s : TRACK_STOPS) {
          if (s.covers(second)) {
            return true;
          }
        }
        return false;
      }
    };
  }

  /** A fleet vehicle: never stops, blade up 10 minutes an hour at a phase of its own. */
  static Drive.Plan fleet(long seed) {
    double phase = new SplittableRandom(seed).nextDouble() * 3600;
    return new Drive.Plan() {
      @Override
      public boolean ploughDown(double second) {
        return (second + phase) % 3600 >= FLEET_BLADE_UP_S;
      }

      @Override
      public boolean stopped(double second) {
        return false;
      }
    };
  }
}

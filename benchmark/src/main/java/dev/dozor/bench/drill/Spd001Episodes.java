package dev.dozor.bench.drill;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The SPD-001 episodes a vehicle's acknowledged fixes must produce, computed the way the regulation
 * is specified (rules-service README): a violating fix (plough down, speed above the limit) starts
 * a candidate; it becomes an episode once a violating fix is at least {@code minDuration} after the
 * start; a non-violating fix or a gap longer than {@code maxGap} ends it. Pure.
 */
public final class Spd001Episodes {
  /** A fix reduced to what SPD-001 looks at. */
  public record Fix(Instant time, boolean violating) {}

  /**
   * An episode the rules must raise.
   *
   * @param start fix time of its first violating fix (the violation's startedAt)
   * @param end last violating fix
   * @param closed a later fix ended it (the violation must be CLOSED)
   */
  public record Episode(Instant start, Instant end, boolean closed) {}

  public static final double SPEED_LIMIT_KMH = 45;
  public static final Duration MIN_DURATION = Duration.ofSeconds(60);
  public static final Duration MAX_GAP = Duration.ofSeconds(120);

  private Spd001Episodes() {}

  public static boolean violating(Boolean ploughDown, double speedKmh) {
    return Boolean.TRUE.equals(ploughDown) && speedKmh > SPEED_LIMIT_KMH;
  }

  /** Episodes of {@code fixes} (sorted by time, distinct) with the default parameters. */
  public static List<Episode> expected(List<Fix> fixes) {
    return expected(fixes, MIN_DURATION, MAX_GAP);
  }

  public static List<Episode> expected(List<Fix> fixes, Duration minDuration, Duration maxGap) {
    List<Episode> out = new ArrayList<>();
    Instant start = null;
    Instant lastViolating = null;
    Instant previous = null;
    for (Fix f : fixes) {
      if (start != null
          && previous != null
          && Duration.between(previous, f.time()).compareTo(maxGap) > 0) {
        emit(out, start, lastViolating, true, minDuration);
        start = null;
      }
      if (f.violating()) {
        if (start == null) {
          start = f.time();
        }
        lastViolating = f.time();
      } else if (start != null) {
        emit(out, start, lastViolating, true, minDuration);
        start = null;
      }
      previous = f.time();
    }
    if (start != null) {
      emit(out, start, lastViolating, false, minDuration);
    }
    return out;
  }

  private static void emit(
      List<Episode> out, Instant start, Instant end, boolean closed, Duration minDuration) {
    if (Duration.between(start, end).compareTo(minDuration) >= 0) {
      out.add(new Episode(start, end, closed));
    }
  }
}

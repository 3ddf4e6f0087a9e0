package dev.dozor.telemetry;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/** Waits for a condition with a deadline (no timed assertions: only the deadline is bounded). */
public final class Eventually {
  private Eventually() {}

  /** Returns the last value once {@code done} holds, or throws after the deadline. */
  public static <T> T await(
      Duration deadline, Supplier<T> probe, java.util.function.Predicate<T> done) {
    Instant end = Instant.now().plus(deadline);
    T value = probe.get();
    while (!done.test(value)) {
      if (Instant.now().isAfter(end)) {
        throw new AssertionError("condition not reached within " + deadline + "; last: " + value);
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
      value = probe.get();
    }
    return value;
  }
}

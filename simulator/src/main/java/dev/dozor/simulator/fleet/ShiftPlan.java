package dev.dozor.simulator.fleet;

import java.time.Duration;

/**
 * When vehicles work. Every vehicle leaves its depot at {@code fleet start + i × stagger} (i = its
 * index modulo 10), works its assigned zone for {@code length}, drives back to the depot and parks
 * with the ignition off (it keeps reporting its position). Ignition is on from shift start until it
 * is parked.
 *
 * @param length shift length; zero means the shift never ends
 * @param stagger delay between the roll-outs of consecutive vehicles (0 = all at once)
 */
public record ShiftPlan(Duration length, Duration stagger) {
  public ShiftPlan {
    if (length == null || length.isNegative() || stagger == null || stagger.isNegative()) {
      throw new IllegalArgumentException("shift length and stagger must be >= 0");
    }
  }

  /** Shifts that start with the fleet and never end (the demo). */
  public static ShiftPlan endless() {
    return new ShiftPlan(Duration.ZERO, Duration.ZERO);
  }

  /** Shifts of {@code length} starting with the fleet. */
  public static ShiftPlan of(Duration length) {
    return new ShiftPlan(length, Duration.ZERO);
  }

  public boolean isEndless() {
    return length.isZero();
  }
}

package dev.dozor.simulator.client;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * When a device may try to reach the gateway again after a failed connection: at once the first
 * time, then after {@code initial}, doubling up to {@code max}; a success starts over. Not
 * thread-safe: one per device connection.
 */
public final class ReconnectBackoff {
  private final Duration initial;
  private final Duration max;
  private final LongSupplier nanoClock;
  private Duration next = Duration.ZERO;
  private long notBefore;
  private boolean waiting;

  public ReconnectBackoff(Duration initial, Duration max) {
    this(initial, max, System::nanoTime);
  }

  ReconnectBackoff(Duration initial, Duration max, LongSupplier nanoClock) {
    this.initial = initial;
    this.max = max;
    this.nanoClock = nanoClock;
  }

  /** Whether an attempt is allowed now. */
  public boolean ready() {
    return !waiting || nanoClock.getAsLong() - notBefore >= 0;
  }

  /** How long until the next attempt is allowed (zero when {@link #ready}). */
  public Duration remaining() {
    return ready() ? Duration.ZERO : Duration.ofNanos(notBefore - nanoClock.getAsLong());
  }

  /** An attempt failed: the next one waits. */
  public void failed() {
    waiting = true;
    notBefore = nanoClock.getAsLong() + next.toNanos();
    Duration doubled = next.isZero() ? initial : next.multipliedBy(2);
    next = doubled.compareTo(max) > 0 ? max : doubled;
  }

  /** An attempt succeeded: the next failure is retried at once. */
  public void succeeded() {
    waiting = false;
    next = Duration.ZERO;
  }
}

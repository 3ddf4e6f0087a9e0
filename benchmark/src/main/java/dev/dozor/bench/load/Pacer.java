package dev.dozor.bench.load;

/**
 * Token bucket that paces point generation: credit accrues at the target rate (points/s) and is
 * taken in chunks (one request's batch). Credit is capped so a stall does not turn into a burst.
 * Pure logic: the caller passes the clock ({@code System.nanoTime()} in production). Thread-safe.
 */
public final class Pacer {
  private final double maxBurstSeconds;
  private final int minCap;
  private double rate;
  private double credit;
  private long lastNanos;

  /**
   * @param ratePerSecond target points per second (0 pauses)
   * @param maxBurstSeconds at most this many seconds of credit accumulate
   * @param minCap the cap never goes below this (one chunk), so slow rates still make progress
   * @param nowNanos the clock at creation
   */
  public Pacer(double ratePerSecond, double maxBurstSeconds, int minCap, long nowNanos) {
    if (ratePerSecond < 0 || Double.isNaN(ratePerSecond)) {
      throw new IllegalArgumentException("rate must be >= 0, got " + ratePerSecond);
    }
    this.rate = ratePerSecond;
    this.maxBurstSeconds = maxBurstSeconds;
    this.minCap = Math.max(1, minCap);
    this.lastNanos = nowNanos;
  }

  /** Changes the rate from now on; credit accrued so far at the old rate is kept. */
  public synchronized void setRate(double ratePerSecond, long nowNanos) {
    if (ratePerSecond < 0 || Double.isNaN(ratePerSecond)) {
      throw new IllegalArgumentException("rate must be >= 0, got " + ratePerSecond);
    }
    accrue(nowNanos);
    rate = ratePerSecond;
    if (rate == 0) {
      credit = 0;
    }
  }

  public synchronized double rate() {
    return rate;
  }

  /** Takes {@code chunk} points of credit if available: returns {@code chunk}, else 0. */
  public synchronized int take(int chunk, long nowNanos) {
    accrue(nowNanos);
    if (chunk <= 0 || credit < chunk) {
      return 0;
    }
    credit -= chunk;
    return chunk;
  }

  /** Returns credit that was taken but not used (a vehicle could not generate a full chunk). */
  public synchronized void giveBack(int points) {
    credit = Math.min(cap(), credit + Math.max(0, points));
  }

  /** Credit available now (for tests and progress lines). */
  public synchronized double credit(long nowNanos) {
    accrue(nowNanos);
    return credit;
  }

  private void accrue(long nowNanos) {
    long elapsed = nowNanos - lastNanos;
    if (elapsed > 0) {
      credit = Math.min(cap(), credit + rate * elapsed / 1e9);
      lastNanos = nowNanos;
    }
  }

  private double cap() {
    return Math.max(minCap, rate * maxBurstSeconds);
  }
}

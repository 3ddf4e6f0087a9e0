package dev.dozor.gateway.stats;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Lets one log line per key (a device, a terminal id) through per interval and counts the rest, so
 * a misbehaving tracker that repeats the same mistake many times a second cannot flood the log; the
 * line that gets through says how many were held back. The counters in {@link GatewayStats} still
 * count every event.
 */
public final class ThrottledLog {
  /** Keys are forgotten beyond this many, so random garbage ids cannot grow memory. */
  static final int MAX_KEYS = 10_000;

  private final long intervalNanos;
  private final LongSupplier nanoClock;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  private static final class Window {
    long openedAt;
    long held;
  }

  public ThrottledLog(java.time.Duration interval) {
    this(interval, System::nanoTime);
  }

  ThrottledLog(java.time.Duration interval, LongSupplier nanoClock) {
    this.intervalNanos = interval.toNanos();
    this.nanoClock = nanoClock;
  }

  /**
   * Whether a line about {@code key} may be logged now.
   *
   * @return -1 when it must be held back; otherwise how many lines about the key were held back
   *     since the last one that got through (to append to the line)
   */
  public long admit(String key) {
    long now = nanoClock.getAsLong();
    if (windows.size() > MAX_KEYS) {
      windows.clear();
    }
    Window w = windows.computeIfAbsent(key, k -> new Window());
    synchronized (w) {
      if (w.openedAt != 0 && now - w.openedAt < intervalNanos) {
        w.held++;
        return -1;
      }
      long held = w.held;
      w.openedAt = now == 0 ? 1 : now;
      w.held = 0;
      return held;
    }
  }

  /** {@code ""}, or {@code " (and 12 more like it since the last such line)"}. */
  public static String suffix(long held) {
    return held <= 0 ? "" : " (and " + held + " more like it since the last such line)";
  }
}

package dev.dozor.bench.rules;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Broker timestamps of the produced points, by vehicle and fix time, so a violation event (vehicle,
 * event time = the fix that triggered it) finds the telemetry record that caused it. Per vehicle
 * two growing arrays (fix times ascending, broker timestamps), 16 bytes a point. Thread-safe: the
 * producer's callbacks fill in the timestamps.
 */
final class LatencyLedger {
  static final long UNKNOWN = -1;

  private static final class Log {
    long[] fixMs = new long[16];
    long[] brokerMs = new long[16];
    int n;
  }

  private final Map<String, Log> logs = new HashMap<>();

  /**
   * Records a point about to be sent (fix times of one vehicle ascending).
   *
   * @return the slot to give {@link #acked}
   */
  synchronized int sent(String vehicleId, long fixMs) {
    Log l = logs.computeIfAbsent(vehicleId, k -> new Log());
    if (l.n == l.fixMs.length) {
      l.fixMs = Arrays.copyOf(l.fixMs, l.n * 2);
      l.brokerMs = Arrays.copyOf(l.brokerMs, l.n * 2);
    }
    l.fixMs[l.n] = fixMs;
    l.brokerMs[l.n] = UNKNOWN;
    return l.n++;
  }

  /** The broker's timestamp of the point in {@code slot}. */
  synchronized void acked(String vehicleId, int slot, long brokerMs) {
    logs.get(vehicleId).brokerMs[slot] = brokerMs;
  }

  /** The broker timestamp of the vehicle's point with this fix time, or {@link #UNKNOWN}. */
  synchronized long brokerTime(String vehicleId, long fixMs) {
    Log l = logs.get(vehicleId);
    if (l == null) {
      return UNKNOWN;
    }
    int i = Arrays.binarySearch(l.fixMs, 0, l.n, fixMs);
    return i < 0 ? UNKNOWN : l.brokerMs[i];
  }
}

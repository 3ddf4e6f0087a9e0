package dev.dozor.rules.coverage;

import java.util.Arrays;

/**
 * The last fix times of one vehicle, to recognise a fix sent again. A ring of primitive longs that
 * grows up to its capacity: a boxed hash set of the same times cost ≈ 15 KB per vehicle and a hash
 * lookup on every fix, most of the matcher's heap at 20,000 vehicles. A fix newer than every
 * remembered one (the usual case) is answered without a scan.
 */
final class RecentFixTimes implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  private static final int FIRST_SIZE = 16;

  private final int capacity;
  private long[] times = new long[FIRST_SIZE];
  private int size;
  private int next; // where the next time goes once the ring is full
  private long newest = Long.MIN_VALUE;

  RecentFixTimes(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be 1 or more: " + capacity);
    }
    this.capacity = capacity;
  }

  /** Whether this fix time is among the remembered ones. */
  boolean contains(long t) {
    if (t > newest) {
      return false;
    }
    for (int i = 0; i < size; i++) {
      if (times[i] == t) {
        return true;
      }
    }
    return false;
  }

  /** Remembers a fix time; past the capacity the oldest remembered one is forgotten. */
  void add(long t) {
    newest = Math.max(newest, t);
    if (size < capacity) {
      if (size == times.length) {
        times = Arrays.copyOf(times, Math.min(capacity, size * 2));
      }
      times[size++] = t;
      return;
    }
    times[next] = t;
    next = next + 1 == capacity ? 0 : next + 1; // no division on every fix
  }

  /** Reads the slot {@link #add} writes next (a warm-up; see {@code VehicleState.warm}). */
  long touch() {
    return newest + times[size < capacity ? Math.min(size, times.length - 1) : next];
  }

  /** Times remembered (at most the capacity). */
  int size() {
    return size;
  }
}

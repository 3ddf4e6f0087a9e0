package dev.dozor.bench.load;

import dev.dozor.events.TelemetryPoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every point the gateway acknowledged (202), kept compactly: per vehicle a sorted array of
 * fix-time millis. The ack time is kept only for flagged vehicles (e.g. SPD-001 offenders, with the
 * whole point) and for every {@code sampleEvery}-th acknowledged point, so a long run stays small.
 * Thread-safe.
 */
public final class AckLedger {
  /**
   * An acknowledged point of a flagged vehicle.
   *
   * @param point the point as sent
   * @param ackTime when the 202 arrived
   */
  public record AckedPoint(TelemetryPoint point, Instant ackTime) {}

  private record Key(String vehicleId, long fixMillis) {}

  private final int sampleEvery;
  private final Map<String, FixTimes> byVehicle = new ConcurrentHashMap<>();
  private final Map<String, List<AckedPoint>> flagged = new ConcurrentHashMap<>();
  private final Map<Key, Long> sampledAckMillis = new ConcurrentHashMap<>();
  private final AtomicLong acknowledged = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();
  private final AtomicLong retried = new AtomicLong();
  private final AtomicLong unauthorized = new AtomicLong();
  private final AtomicLong sampleCounter = new AtomicLong();

  /** A ledger that samples the ack time of every 100th point. */
  public AckLedger() {
    this(100);
  }

  /** A ledger that keeps the ack time of every {@code sampleEvery}-th point (0: none). */
  public AckLedger(int sampleEvery) {
    if (sampleEvery < 0) {
      throw new IllegalArgumentException("sampleEvery must be >= 0, got " + sampleEvery);
    }
    this.sampleEvery = sampleEvery;
  }

  /** Keeps every acknowledged point of this vehicle with its ack time. */
  public void flagVehicle(String vehicleId) {
    flagged.computeIfAbsent(vehicleId, id -> Collections.synchronizedList(new ArrayList<>()));
  }

  public boolean isFlagged(String vehicleId) {
    return flagged.containsKey(vehicleId);
  }

  /** Records that the gateway acknowledged these points of {@code vehicleId} at {@code ackTime}. */
  public void recordAck(String vehicleId, List<TelemetryPoint> points, Instant ackTime) {
    if (points.isEmpty()) {
      return;
    }
    long ackMillis = ackTime.toEpochMilli();
    FixTimes times = byVehicle.computeIfAbsent(vehicleId, id -> new FixTimes());
    int added = 0;
    for (TelemetryPoint p : points) {
      long fix = p.fixTime().toEpochMilli();
      if (times.add(fix)) {
        added++;
        if (sampleEvery > 0 && sampleCounter.incrementAndGet() % sampleEvery == 0) {
          sampledAckMillis.put(new Key(vehicleId, fix), ackMillis);
        }
      }
    }
    acknowledged.addAndGet(added);
    List<AckedPoint> keep = flagged.get(vehicleId);
    if (keep != null) {
      for (TelemetryPoint p : points) {
        keep.add(new AckedPoint(p, ackTime));
      }
    }
  }

  /** Counts points dropped after a 4xx refusal (a load bug). */
  public void recordRefused(int points) {
    refused.addAndGet(points);
  }

  /** Counts points that will be sent again (503, timeout, connection error). */
  public void recordRetried(int points) {
    retried.addAndGet(points);
  }

  /** Counts points answered 401 after their vehicle had been accepted (a platform bug). */
  public void recordUnauthorized(int points) {
    unauthorized.addAndGet(points);
  }

  /** Distinct (vehicle, fix time) pairs acknowledged. */
  public long acknowledgedCount() {
    return acknowledged.get();
  }

  public long refusedCount() {
    return refused.get();
  }

  public long retriedCount() {
    return retried.get();
  }

  public long unauthorizedCount() {
    return unauthorized.get();
  }

  /** Distinct acknowledged points of the vehicles whose id starts with {@code prefix}. */
  public long acknowledgedDistinct(String vehiclePrefix) {
    long n = 0;
    for (Map.Entry<String, FixTimes> e : byVehicle.entrySet()) {
      if (e.getKey().startsWith(vehiclePrefix)) {
        n += e.getValue().size();
      }
    }
    return n;
  }

  /** Vehicles with at least one acknowledged point, sorted. */
  public Set<String> vehicles() {
    return Collections.unmodifiableSet(new TreeSet<>(byVehicle.keySet()));
  }

  /** A sorted copy of the acknowledged fix times (epoch millis) of one vehicle. */
  public long[] fixTimes(String vehicleId) {
    FixTimes times = byVehicle.get(vehicleId);
    return times == null ? new long[0] : times.snapshot();
  }

  /** Sorted fix times of every vehicle whose id starts with {@code prefix}, by vehicle id. */
  public Map<String, long[]> fixTimesByVehicle(String vehiclePrefix) {
    Map<String, long[]> out = new LinkedHashMap<>();
    for (String id : vehicles()) {
      if (id.startsWith(vehiclePrefix)) {
        out.put(id, fixTimes(id));
      }
    }
    return out;
  }

  /** Whether this point was acknowledged. */
  public boolean isAcknowledged(String vehicleId, Instant fixTime) {
    FixTimes times = byVehicle.get(vehicleId);
    return times != null && times.contains(fixTime.toEpochMilli());
  }

  /** Ack time of a flagged vehicle's point or of a sampled point; empty when not kept. */
  public Optional<Instant> ackTime(String vehicleId, Instant fixTime) {
    long fix = fixTime.toEpochMilli();
    Long sampled = sampledAckMillis.get(new Key(vehicleId, fix));
    if (sampled != null) {
      return Optional.of(Instant.ofEpochMilli(sampled));
    }
    List<AckedPoint> keep = flagged.get(vehicleId);
    if (keep != null) {
      synchronized (keep) {
        for (int i = keep.size() - 1; i >= 0; i--) {
          if (keep.get(i).point().fixTime().toEpochMilli() == fix) {
            return Optional.of(keep.get(i).ackTime());
          }
        }
      }
    }
    return Optional.empty();
  }

  /** The sampled ack times: (vehicleId, fix time) → ack time, a copy. */
  public Map<String, Map<Instant, Instant>> sampledAckTimes() {
    Map<String, Map<Instant, Instant>> out = new LinkedHashMap<>();
    sampledAckMillis.forEach(
        (k, v) ->
            out.computeIfAbsent(k.vehicleId(), id -> new LinkedHashMap<>())
                .put(Instant.ofEpochMilli(k.fixMillis()), Instant.ofEpochMilli(v)));
    return out;
  }

  /** Acknowledged points of a flagged vehicle, sorted by fix time (a copy). */
  public List<AckedPoint> flaggedPoints(String vehicleId) {
    List<AckedPoint> keep = flagged.get(vehicleId);
    if (keep == null) {
      return List.of();
    }
    List<AckedPoint> copy;
    synchronized (keep) {
      copy = new ArrayList<>(keep);
    }
    copy.sort((a, b) -> a.point().fixTime().compareTo(b.point().fixTime()));
    return copy;
  }

  /** A growable sorted set of longs; appends in order are O(1), others insert. */
  private static final class FixTimes {
    private long[] values = new long[64];
    private int size;

    synchronized boolean add(long v) {
      if (size > 0 && v <= values[size - 1]) {
        int at = Arrays.binarySearch(values, 0, size, v);
        if (at >= 0) {
          return false;
        }
        int insert = -at - 1;
        grow();
        System.arraycopy(values, insert, values, insert + 1, size - insert);
        values[insert] = v;
        size++;
        return true;
      }
      grow();
      values[size++] = v;
      return true;
    }

    synchronized boolean contains(long v) {
      return Arrays.binarySearch(values, 0, size, v) >= 0;
    }

    synchronized int size() {
      return size;
    }

    synchronized long[] snapshot() {
      return Arrays.copyOf(values, size);
    }

    private void grow() {
      if (size == values.length) {
        values = Arrays.copyOf(values, values.length * 2);
      }
    }
  }
}

package dev.dozor.simulator.client;

import dev.dozor.events.TelemetryPoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * A device's black box: fixes stay here until the gateway acknowledges them. A 503 or a lost
 * connection keeps them for the next flush; only a 400 (a malformed batch, i.e. a simulator bug)
 * drops a batch, and its error body is logged once. Thread-safe: fixes may be added while a flush
 * runs, and concurrent flushes of the same device do not overlap.
 */
public final class DeviceOutbox {
  /** Largest batch in one request, so a long outage does not produce one huge POST. */
  public static final int DEFAULT_MAX_BATCH = 500;

  private final String deviceId;
  private final String token;
  private final int maxBatch;
  private final Consumer<String> log;
  private final ReentrantLock flushing = new ReentrantLock();

  private final List<TelemetryPoint> buffer = new ArrayList<>();

  /** How many of the oldest buffered points were already sent at least once. */
  private int attemptedHead;

  private long sent;
  private long accepted;
  private long refused;
  private long retried;
  private boolean rejectionLogged;
  private volatile AckListener ackListener;

  public DeviceOutbox(String deviceId, String token) {
    this(deviceId, token, DEFAULT_MAX_BATCH, System.err::println);
  }

  public DeviceOutbox(String deviceId, String token, int maxBatch, Consumer<String> log) {
    if (maxBatch < 1) {
      throw new IllegalArgumentException("maxBatch must be positive, got " + maxBatch);
    }
    this.deviceId = deviceId;
    this.token = token;
    this.maxBatch = maxBatch;
    this.log = log;
  }

  public String deviceId() {
    return deviceId;
  }

  /** Reports every acknowledged batch to {@code listener} (null: none). */
  public void setAckListener(AckListener listener) {
    this.ackListener = listener;
  }

  public synchronized void add(List<TelemetryPoint> points) {
    buffer.addAll(points);
  }

  /** Points not acknowledged yet. */
  public synchronized int buffered() {
    return buffer.size();
  }

  /**
   * Sends buffered points, oldest first, in batches until the buffer is empty or the gateway stops
   * accepting. Returns at once when another thread is already flushing this device.
   *
   * @return the last batch's result, or null when nothing was sent
   * @throws SimulatorException when the gateway keeps answering 401 (the points stay buffered)
   */
  public SendResult flush(GatewayClient gateway) {
    if (!flushing.tryLock()) {
      return null;
    }
    try {
      SendResult last = null;
      while (true) {
        List<TelemetryPoint> batch = nextBatch();
        if (batch.isEmpty()) {
          return last;
        }
        last = gateway.send(token, batch);
        settle(batch.size(), last);
        AckListener listener = ackListener;
        if (last.isAccepted() && listener != null) {
          listener.onAcknowledged(batch.get(0).vehicleId(), batch, Instant.now());
        }
        if (!last.isAccepted() && last.outcome() != SendResult.Outcome.REJECTED) {
          return last;
        }
      }
    } finally {
      flushing.unlock();
    }
  }

  private synchronized List<TelemetryPoint> nextBatch() {
    List<TelemetryPoint> batch = List.copyOf(buffer.subList(0, Math.min(maxBatch, buffer.size())));
    int again = Math.min(batch.size(), attemptedHead);
    retried += again;
    sent += batch.size() - again;
    attemptedHead = Math.max(attemptedHead, batch.size());
    return batch;
  }

  private synchronized void settle(int size, SendResult result) {
    switch (result.outcome()) {
      case ACCEPTED -> {
        accepted += result.accepted();
        removeHead(size);
      }
      case REJECTED -> {
        refused += size;
        removeHead(size);
        if (!rejectionLogged) {
          rejectionLogged = true;
          log.accept(
              "sim: gateway rejected "
                  + size
                  + " points of "
                  + deviceId
                  + " with "
                  + result.status()
                  + " (dropped; further rejections of this device are only counted): "
                  + result.detail());
        }
      }
      case UNAVAILABLE -> {
        // keep everything: a device never drops what was not acknowledged
      }
    }
  }

  private void removeHead(int n) {
    buffer.subList(0, n).clear();
    attemptedHead = Math.max(0, attemptedHead - n);
  }

  /** Counters since creation. */
  public synchronized Stats stats() {
    return new Stats(sent, accepted, refused, retried, buffer.size());
  }

  /**
   * Delivery counters.
   *
   * @param sent distinct points posted at least once
   * @param accepted points the gateway acknowledged
   * @param refused points dropped after a 400
   * @param retried repeated posts of points after 503 or a lost connection
   * @param buffered points not acknowledged yet
   */
  public record Stats(long sent, long accepted, long refused, long retried, long buffered) {
    public static final Stats ZERO = new Stats(0, 0, 0, 0, 0);

    public Stats plus(Stats o) {
      return new Stats(
          sent + o.sent,
          accepted + o.accepted,
          refused + o.refused,
          retried + o.retried,
          buffered + o.buffered);
    }
  }
}

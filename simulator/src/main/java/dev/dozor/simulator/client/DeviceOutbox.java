package dev.dozor.simulator.client;

import dev.dozor.events.TelemetryPoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * A device's black box: fixes stay here until the gateway acknowledges them, whatever the protocol
 * ({@link FixSender}). A 503, a negative EGTS/Wialon answer, a timeout or a lost connection keeps
 * them for the next flush; only a refusal as malformed (HTTP 400, a simulator bug) drops fixes, and
 * its error is logged once. Thread-safe: fixes may be added while a flush runs, and concurrent
 * flushes of the same device do not overlap.
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
   * Sends buffered points over HTTP JSON with this outbox's token; see {@link #flush(FixSender)}.
   *
   * @throws SimulatorException when the gateway keeps answering 401 (the points stay buffered)
   */
  public SendResult flush(GatewayClient gateway) {
    return flush(new HttpJsonSender(gateway, token));
  }

  /**
   * Sends buffered points, oldest first, in batches until the buffer is empty or the gateway leaves
   * some of a batch unacknowledged. Acknowledged points are dropped, points refused as malformed
   * are dropped and counted, every other point stays for the next flush (in order). Returns at once
   * when another thread is already flushing this device.
   *
   * @return the last batch's result, or null when nothing was sent
   * @throws SimulatorException when the gateway keeps refusing the device (the points stay)
   */
  public SendResult flush(FixSender sender) {
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
        Delivery delivery = sender.send(batch);
        last = delivery.last();
        List<TelemetryPoint> acknowledged = settle(batch, delivery);
        AckListener listener = ackListener;
        if (!acknowledged.isEmpty() && listener != null) {
          listener.onAcknowledged(acknowledged.get(0).vehicleId(), acknowledged, Instant.now());
        }
        if (!delivery.settlesAll(batch.size())) {
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

  /** Drops what the delivery settled from the head of the buffer; returns the acknowledged. */
  private synchronized List<TelemetryPoint> settle(List<TelemetryPoint> batch, Delivery delivery) {
    BitSet acked = delivery.acknowledged();
    BitSet rejected = delivery.rejected();
    rejected.andNot(acked);
    acked.clear(batch.size(), Integer.MAX_VALUE);
    rejected.clear(batch.size(), Integer.MAX_VALUE);
    SendResult result = delivery.last();
    boolean wholeBatchAccepted = result.isAccepted() && acked.cardinality() == batch.size();
    accepted += wholeBatchAccepted ? result.accepted() : acked.cardinality();
    int refusedNow = rejected.cardinality();
    if (refusedNow > 0) {
      refused += refusedNow;
      if (!rejectionLogged) {
        rejectionLogged = true;
        log.accept(
            "sim: gateway rejected "
                + refusedNow
                + " points of "
                + deviceId
                + " with "
                + result.status()
                + " (dropped; further rejections of this device are only counted): "
                + result.detail());
      }
    }
    List<TelemetryPoint> acknowledged = new ArrayList<>(acked.cardinality());
    List<TelemetryPoint> kept = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      if (acked.get(i)) {
        acknowledged.add(batch.get(i));
      } else if (!rejected.get(i)) {
        kept.add(batch.get(i));
      }
    }
    // a failed attempt keeps everything: a device never drops what was not acknowledged
    List<TelemetryPoint> head = buffer.subList(0, batch.size());
    head.clear();
    head.addAll(kept);
    attemptedHead = Math.max(0, attemptedHead - (batch.size() - kept.size()));
    return acknowledged;
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

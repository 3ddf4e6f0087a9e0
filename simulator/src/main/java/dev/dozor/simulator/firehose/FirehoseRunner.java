package dev.dozor.simulator.firehose;

import dev.dozor.events.TelemetryPoint;
import dev.dozor.simulator.client.AckListener;
import dev.dozor.simulator.client.DeviceTokens;
import dev.dozor.simulator.client.GatewayClient;
import dev.dozor.simulator.client.SendResult;
import dev.dozor.simulator.client.SimulatorException;
import dev.dozor.simulator.client.TelemetryRegistryClient;
import dev.dozor.simulator.fault.GroundTruthWriter;
import dev.dozor.simulator.fleet.Fleet;
import dev.dozor.simulator.fleet.SimVehicle;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The {@code firehose} command: registers N vehicles, then offers the asked points per second with
 * compressed simulated time. Each vehicle has at most one request in flight (like a tracker) and
 * all of them share a bounded pool of concurrent requests; a 503 or a lost connection puts the
 * batch back at the head of the vehicle's queue and retries it after a backoff. A point counts as
 * acknowledged only when a request carrying it got a 2xx.
 */
public final class FirehoseRunner {
  static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);
  static final Duration TICK = Duration.ofMillis(20);
  static final Duration DRAIN = Duration.ofSeconds(15);
  private static final long BACKOFF_MIN_MS = 200;
  private static final long BACKOFF_MAX_MS = 2_000;

  private final FirehoseOptions options;
  private final PrintStream out;
  private final PrintStream err;
  private final AckListener ackListener;
  private final AtomicLong offered = new AtomicLong();
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();
  private final AtomicLong retried = new AtomicLong();
  private final AtomicLong inFlight = new AtomicLong();
  private final AtomicReference<String> lastError = new AtomicReference<>();
  private volatile boolean stopRequested;

  /** One vehicle's queue of fixes awaiting acknowledgement. */
  private static final class Lane {
    final String vehicleId;
    final String token;
    final ArrayDeque<TelemetryPoint> queue = new ArrayDeque<>();
    boolean busy;
    long retryAtNanos;
    long backoffMs = BACKOFF_MIN_MS;
    long firstUnauthorizedNanos;

    Lane(String vehicleId, String token) {
      this.vehicleId = vehicleId;
      this.token = token;
    }
  }

  public FirehoseRunner(
      FirehoseOptions options, PrintStream out, PrintStream err, AckListener ackListener) {
    this.options = options;
    this.out = out;
    this.err = err;
    this.ackListener = ackListener;
  }

  public void stop() {
    stopRequested = true;
  }

  /** Runs the firehose; the exit code (0 all delivered, 1 failure or undelivered points). */
  public int run() {
    try {
      return runChecked();
    } catch (SimulatorException | IOException e) {
      err.println("firehose: " + e.getMessage());
      return 1;
    }
  }

  private int runChecked() throws IOException {
    DeviceTokens tokens =
        options.tokenSeed() == null
            ? DeviceTokens.random()
            : DeviceTokens.derivedFrom(options.tokenSeed());
    FirehosePacer probe =
        new FirehosePacer(
            options.fleet().vehicles(),
            options.ratePerSecond(),
            options.timeCompression(),
            options.duration(),
            Instant.now());
    List<SimVehicle> vehicles =
        Fleet.create(options.fleet().withInterval(probe.fixInterval()), Instant.now()).vehicles();
    register(vehicles, tokens);
    out.printf(
        Locale.US,
        "firehose: registered %,d vehicles; %,.0f points/s asked (%,.0f with a %d ms simulated fix"
            + " interval), time compression %.1f, batches of up to %d, %d requests in flight,"
            + " for %s%n",
        vehicles.size(),
        options.ratePerSecond(),
        probe.effectiveRate(),
        probe.fixInterval().toMillis(),
        options.timeCompression(),
        options.batch(),
        options.concurrency(),
        options.duration());

    Instant wallStart = Instant.now();
    FirehosePacer pacer =
        new FirehosePacer(
            vehicles.size(),
            options.ratePerSecond(),
            options.timeCompression(),
            options.duration(),
            wallStart);
    Fleet fleet = Fleet.create(options.fleet().withInterval(pacer.fixInterval()), pacer.simStart());
    GroundTruthWriter truth =
        options.groundTruth() == null ? null : GroundTruthWriter.appendingTo(options.groundTruth());
    if (truth != null) {
      fleet.addGroundTruthListener(truth);
    }
    Map<String, Lane> lanes = new java.util.LinkedHashMap<>();
    for (SimVehicle v : vehicles) {
      lanes.put(v.id(), new Lane(v.id(), tokens.tokenFor(v.deviceId())));
    }
    List<Lane> order = new ArrayList<>(lanes.values());
    GatewayClient gateway = new GatewayClient(options.gateway());
    Semaphore slots = new Semaphore(options.concurrency());
    Instant end = wallStart.plus(options.duration());
    long nextProgress = System.nanoTime() + PROGRESS_EVERY.toNanos();
    long[] lastCounts = {0, 0};
    int cursor = 0;
    boolean generating = true;
    Instant drainUntil = null;
    while (true) {
      Instant now = Instant.now();
      if (generating && (stopRequested || !now.isBefore(end))) {
        generating = false;
        fleet.step(pacer.simTimeAt(end)).forEach(p -> enqueue(lanes, p));
        drainUntil = now.plus(DRAIN);
      }
      if (generating) {
        for (TelemetryPoint p : fleet.step(pacer.simTimeAt(now))) {
          enqueue(lanes, p);
        }
      }
      cursor = dispatch(order, cursor, slots, gateway);
      if (System.nanoTime() >= nextProgress) {
        nextProgress += PROGRESS_EVERY.toNanos();
        out.println(progress(lastCounts, order));
      }
      if (!generating && (buffered(order) == 0 || now.isAfter(drainUntil))) {
        break;
      }
      sleep(TICK);
    }
    // wait for requests in flight
    try {
      if (slots.tryAcquire(options.concurrency(), 10, TimeUnit.SECONDS)) {
        slots.release(options.concurrency());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    out.println(progress(lastCounts, order));
    if (truth != null) {
      truth.close();
    }
    long undelivered = buffered(order);
    if (undelivered > 0) {
      err.printf(
          Locale.US,
          "firehose: %,d points were not acknowledged (last error: %s)%n",
          undelivered,
          lastError.get());
    }
    return undelivered == 0 ? 0 : 1;
  }

  private void enqueue(Map<String, Lane> lanes, TelemetryPoint p) {
    Lane lane = lanes.get(p.vehicleId());
    synchronized (lane) {
      lane.queue.add(p);
    }
    offered.incrementAndGet();
  }

  /** Starts a request for every idle vehicle with fixes, while the pool has room. */
  private int dispatch(List<Lane> order, int cursor, Semaphore slots, GatewayClient gateway) {
    long nowNanos = System.nanoTime();
    for (int k = 0; k < order.size(); k++) {
      int i = (cursor + k) % order.size();
      Lane lane = order.get(i);
      List<TelemetryPoint> batch;
      synchronized (lane) {
        if (lane.busy || lane.queue.isEmpty() || lane.retryAtNanos - nowNanos > 0) {
          continue;
        }
        if (!slots.tryAcquire()) {
          return i; // pool full: resume with this vehicle next tick
        }
        batch = new ArrayList<>(Math.min(options.batch(), lane.queue.size()));
        while (batch.size() < options.batch() && !lane.queue.isEmpty()) {
          batch.add(lane.queue.poll());
        }
        lane.busy = true;
      }
      inFlight.incrementAndGet();
      gateway
          .sendAsync(lane.token, batch)
          .whenComplete((result, error) -> settle(lane, batch, result, slots));
    }
    return cursor;
  }

  private void settle(Lane lane, List<TelemetryPoint> batch, SendResult result, Semaphore slots) {
    try {
      if (result != null && result.isAccepted()) {
        accepted.addAndGet(batch.size());
        if (ackListener != null) {
          ackListener.onAcknowledged(lane.vehicleId, batch, Instant.now());
        }
        synchronized (lane) {
          lane.backoffMs = BACKOFF_MIN_MS;
          lane.firstUnauthorizedNanos = 0;
        }
      } else if (result != null && result.outcome() == SendResult.Outcome.REJECTED) {
        refused.addAndGet(batch.size());
        lastError.set("HTTP " + result.status() + ": " + result.detail());
      } else {
        retried.addAndGet(batch.size());
        lastError.set(
            result == null
                ? "no result"
                : (result.status() == 0 ? result.detail() : "HTTP " + result.status()));
        synchronized (lane) {
          for (int i = batch.size() - 1; i >= 0; i--) {
            lane.queue.addFirst(batch.get(i));
          }
          long now = System.nanoTime();
          if (result != null && result.status() == 401) {
            if (lane.firstUnauthorizedNanos == 0) {
              lane.firstUnauthorizedNanos = now;
            } else if (now - lane.firstUnauthorizedNanos > options.authWait().toNanos()) {
              err.println(
                  "firehose: the gateway still answers 401 for "
                      + lane.vehicleId
                      + " after "
                      + options.authWait()
                      + "; is the registration reaching it?");
              stop();
            }
          }
          lane.retryAtNanos = now + lane.backoffMs * 1_000_000;
          lane.backoffMs = Math.min(BACKOFF_MAX_MS, lane.backoffMs * 2);
        }
      }
    } finally {
      synchronized (lane) {
        lane.busy = false;
      }
      inFlight.decrementAndGet();
      slots.release();
    }
  }

  private String progress(long[] last, List<Lane> lanes) {
    long o = offered.get();
    long a = accepted.get();
    double seconds = PROGRESS_EVERY.toMillis() / 1000.0;
    String line =
        String.format(
            Locale.US,
            "firehose: offered %,.0f/s, accepted %,.0f/s (total %,d offered, %,d accepted),"
                + " %,d refused, %,d retried, %d in flight, %,d buffered",
            (o - last[0]) / seconds,
            (a - last[1]) / seconds,
            o,
            a,
            refused.get(),
            retried.get(),
            inFlight.get(),
            buffered(lanes));
    last[0] = o;
    last[1] = a;
    return line;
  }

  private static long buffered(List<Lane> lanes) {
    long n = 0;
    for (Lane l : lanes) {
      synchronized (l) {
        n += l.queue.size();
      }
    }
    return n;
  }

  /** Registers the vehicles 16 at a time. */
  private void register(List<SimVehicle> vehicles, DeviceTokens tokens) {
    TelemetryRegistryClient registry = new TelemetryRegistryClient(options.telemetry());
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (SimVehicle v : vehicles) {
        done.add(pool.submit(() -> registry.register(v, tokens.tokenFor(v.deviceId()))));
      }
      for (Future<?> f : done) {
        try {
          f.get();
        } catch (java.util.concurrent.ExecutionException e) {
          throw e.getCause() instanceof SimulatorException s
              ? s
              : new SimulatorException("registration failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new SimulatorException("interrupted during registration", e);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

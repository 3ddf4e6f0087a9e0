package dev.dozor.bench.run;

import dev.dozor.bench.BenchException;
import dev.dozor.bench.load.AckLedger;
import dev.dozor.events.JsonSerde;
import dev.dozor.events.TelemetryPoint;
import dev.dozor.simulator.client.DeviceTokens;
import dev.dozor.simulator.client.GatewayFix;
import dev.dozor.simulator.client.TelemetryRegistryClient;
import dev.dozor.simulator.fleet.Fleet;
import dev.dozor.simulator.fleet.FleetConfig;
import dev.dozor.simulator.fleet.OffenderSchedule;
import dev.dozor.simulator.fleet.SimVehicle;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The benchmark's load: {@code vehicles} simulated vehicles whose shared simulated clock runs at
 * whatever speed gives the offered rate (it starts in the past and never passes the wall clock),
 * plus real-time SPD-001 offenders at 1 Hz. Every vehicle is a device with its own token and black
 * box: unacknowledged fixes (503, timeout, no connection) are resent; each 202 is recorded in the
 * {@link AckLedger} with its ack time.
 */
public final class LoadRunner implements AutoCloseable {
  private static final Duration TICK = Duration.ofMillis(100);
  private static final int MAX_POINTS_PER_REQUEST = 1000;

  private final URI endpoint;
  private final HttpClient http;
  private final AckLedger ledger;
  private final Fleet loadFleet;
  private final List<Fleet> offenderFleets;
  private final List<Device> loadDevices;
  private final List<Device> offenders;
  private final Map<String, Device> byFleetId = new java.util.HashMap<>();
  private final Duration interval;
  private final int vehicles;
  private final long sendPeriodNanos;
  private final Semaphore inFlight;
  private final AtomicLong offered = new AtomicLong();
  private final AtomicLong refusedRequests = new AtomicLong();
  private final AtomicLong failedRequests = new AtomicLong();
  private final ScheduledExecutorService clock =
      Executors.newSingleThreadScheduledExecutor(daemon("bench-load"));
  private volatile String lastFailure = "";

  private Instant simNow;
  private long lastTickNanos;
  private volatile double ratePerS;

  /** A device: its vehicle id on the platform, token and unacknowledged fixes. */
  private static final class Device {
    final String vehicleId;
    final String token;
    final List<TelemetryPoint> outbox = new ArrayList<>();
    long nextSendNanos;
    boolean sending;

    Device(String vehicleId, String token, long nextSendNanos) {
      this.vehicleId = vehicleId;
      this.token = token;
      this.nextSendNanos = nextSendNanos;
    }
  }

  /**
   * Registers the load vehicles {@code <prefix>v-00001…} and offenders {@code <prefix>o-01…} with
   * telemetry-service; nothing is sent until {@link #start}.
   */
  public LoadRunner(
      URI gateway,
      URI telemetry,
      String prefix,
      int vehicles,
      Duration interval,
      Duration sendPeriod,
      int offenderCount,
      Duration backlog,
      long seed,
      AckLedger ledger) {
    this.endpoint = URI.create(gateway + "/api/v1/telemetry");
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    this.ledger = ledger;
    this.interval = interval;
    this.vehicles = vehicles;
    this.sendPeriodNanos = sendPeriod.toNanos();
    this.inFlight = new Semaphore(Math.max(16, Math.min(256, vehicles / 8)));
    Instant now = Instant.now();
    FleetConfig config = FleetConfig.defaults().withVehicles(vehicles).withOffenders(0);
    config = config.withInterval(interval).withSeed(seed);
    this.simNow = now.minus(backlog);
    this.loadFleet = Fleet.create(config, simNow);
    DeviceTokens tokens = DeviceTokens.random();
    TelemetryRegistryClient registry = new TelemetryRegistryClient(telemetry);
    List<SimVehicle> toRegister = new ArrayList<>();
    this.loadDevices = new ArrayList<>();
    long t0 = System.nanoTime();
    int i = 0;
    for (SimVehicle v : loadFleet.vehicles()) {
      String id = String.format("%sv-%05d", prefix, ++i);
      SimVehicle renamed = rename(v, id);
      toRegister.add(renamed);
      Device d =
          new Device(
              id,
              tokens.tokenFor(renamed.deviceId()),
              t0 + (long) (Math.random() * sendPeriodNanos));
      loadDevices.add(d);
      byFleetId.put(v.id(), d);
    }
    // offenders: one fleet each, starts staggered over one schedule cycle so episodes spread out
    OffenderSchedule schedule =
        new OffenderSchedule(Duration.ofSeconds(75), Duration.ofSeconds(20), 55, 60, 30, 40);
    long cycleMs = schedule.offence().plus(schedule.coolDown()).toMillis();
    this.offenderFleets = new ArrayList<>();
    this.offenders = new ArrayList<>();
    for (int k = 0; k < offenderCount; k++) {
      FleetConfig oc =
          new FleetConfig(
              1,
              Duration.ofSeconds(1),
              1,
              seed + 1000 + k,
              FleetConfig.defaults().grid(),
              schedule);
      Fleet f =
          Fleet.create(oc, now.plusSeconds(5).plusMillis(cycleMs * k / Math.max(1, offenderCount)));
      offenderFleets.add(f);
      String id = String.format("%so-%02d", prefix, k + 1);
      SimVehicle renamed = rename(f.vehicles().get(0), id);
      toRegister.add(renamed);
      offenders.add(new Device(id, tokens.tokenFor(renamed.deviceId()), 0));
      ledger.flagVehicle(id);
    }
    register(registry, tokens, toRegister);
  }

  private static SimVehicle rename(SimVehicle v, String id) {
    return new SimVehicle(
        id,
        SimVehicle.deviceIdFor(id),
        v.plate(),
        v.type(),
        v.contractor(),
        v.district(),
        v.offender());
  }

  private static void register(
      TelemetryRegistryClient registry, DeviceTokens tokens, List<SimVehicle> all) {
    ExecutorService pool = Executors.newFixedThreadPool(8, daemon("bench-register"));
    List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
    for (SimVehicle v : all) {
      futures.add(pool.submit(() -> registry.register(v, tokens.tokenFor(v.deviceId()))));
    }
    try {
      for (var f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BenchException("interrupted while registering vehicles", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new BenchException("registering the bench vehicles failed: " + e.getCause(), e);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Starts ticking at {@code ratePerS} offered points/s (load vehicles; offenders come on top). */
  public void start(double ratePerS) {
    this.ratePerS = ratePerS;
    this.lastTickNanos = System.nanoTime();
    clock.scheduleAtFixedRate(this::tick, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Changes the offered rate of the load vehicles (0 pauses them; offenders keep driving). */
  public void setRate(double ratePerS) {
    this.ratePerS = ratePerS;
  }

  /** Points handed to the devices so far (load and offenders). */
  public long offered() {
    return offered.get();
  }

  /** Load vehicle ids and offender ids. */
  public List<String> offenderIds() {
    return offenders.stream().map(d -> d.vehicleId).toList();
  }

  /** Fixes not acknowledged yet, over all devices. */
  public long buffered() {
    long n = 0;
    for (Device d : all()) {
      synchronized (d) {
        n += d.outbox.size();
      }
    }
    return n;
  }

  public long failedRequests() {
    return failedRequests.get();
  }

  public long refusedRequests() {
    return refusedRequests.get();
  }

  public String lastFailure() {
    return lastFailure;
  }

  private List<Device> all() {
    List<Device> all = new ArrayList<>(loadDevices);
    all.addAll(offenders);
    return all;
  }

  private void tick() {
    try {
      long nowNanos = System.nanoTime();
      double dt = (nowNanos - lastTickNanos) / 1e9;
      lastTickNanos = nowNanos;
      Instant wall = Instant.now();
      // simulated seconds per wall second that yield the offered rate
      double speedup = ratePerS * interval.toMillis() / 1000.0 / vehicles;
      Instant next = simNow.plusNanos((long) (speedup * dt * 1e9));
      Instant cap = wall.minusSeconds(1);
      simNow = next.isAfter(cap) ? cap : next;
      for (Map.Entry<String, List<TelemetryPoint>> e : loadFleet.stepByVehicle(simNow).entrySet()) {
        Device d = byFleetId.get(e.getKey());
        synchronized (d) {
          d.outbox.addAll(e.getValue());
        }
        offered.addAndGet(e.getValue().size());
      }
      for (int k = 0; k < offenders.size(); k++) {
        List<TelemetryPoint> fixes = offenderFleets.get(k).step(wall);
        Device d = offenders.get(k);
        synchronized (d) {
          d.outbox.addAll(fixes);
        }
        offered.addAndGet(fixes.size());
        send(d, nowNanos);
      }
      for (Device d : loadDevices) {
        if (d.nextSendNanos <= nowNanos) {
          send(d, nowNanos);
        }
      }
    } catch (RuntimeException e) {
      lastFailure = "load tick failed: " + e;
    }
  }

  private void send(Device d, long nowNanos) {
    List<TelemetryPoint> batch;
    synchronized (d) {
      if (d.sending || d.outbox.isEmpty()) {
        return;
      }
      if (!inFlight.tryAcquire()) {
        return; // saturated: the vehicle tries again next tick with a bigger batch
      }
      d.sending = true;
      d.nextSendNanos = nowNanos + sendPeriodNanos;
      batch = List.copyOf(d.outbox.subList(0, Math.min(MAX_POINTS_PER_REQUEST, d.outbox.size())));
    }
    byte[] body = JsonSerde.toBytes(batch.stream().map(GatewayFix::of).toList());
    HttpRequest request =
        HttpRequest.newBuilder(endpoint)
            .timeout(Duration.ofSeconds(15))
            .header("Authorization", "Bearer " + d.token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
        .whenComplete(
            (response, error) -> {
              try {
                settle(d, batch, response == null ? 0 : response.statusCode(), error);
              } finally {
                inFlight.release();
              }
            });
  }

  private void settle(Device d, List<TelemetryPoint> batch, int status, Throwable error) {
    Instant now = Instant.now();
    boolean accepted = error == null && status >= 200 && status < 300;
    boolean refused =
        error == null
            && status >= 400
            && status < 500
            && status != 401
            && status != 408
            && status != 429;
    synchronized (d) {
      if (accepted || refused) {
        d.outbox.subList(0, batch.size()).clear();
      }
      d.sending = false;
    }
    if (accepted) {
      ledger.recordAck(d.vehicleId, batch, now);
    } else if (refused) {
      refusedRequests.incrementAndGet();
      ledger.recordRefused(batch.size());
      lastFailure = "gateway refused " + d.vehicleId + " with " + status;
    } else {
      failedRequests.incrementAndGet();
      ledger.recordRetried(batch.size());
      lastFailure =
          error != null ? d.vehicleId + ": " + error : "gateway answered " + status + " (retrying)";
    }
  }

  /** Stops generating; waits up to {@code timeout} for buffered fixes to be acknowledged. */
  public long stopAndFlush(Duration timeout) {
    ratePerS = 0;
    clock.shutdownNow();
    try {
      clock.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      long now = System.nanoTime();
      for (Device d : all()) {
        send(d, now);
      }
      if (buffered() == 0 && inFlight.availablePermits() > 0 && allIdle()) {
        break;
      }
      sleep(200);
    }
    return buffered();
  }

  private boolean allIdle() {
    for (Device d : all()) {
      synchronized (d) {
        if (d.sending) {
          return false;
        }
      }
    }
    return true;
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    clock.shutdownNow();
  }

  static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}

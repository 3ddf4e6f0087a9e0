package dev.dozor.bench.load;

import dev.dozor.events.JsonSerde;
import dev.dozor.events.TelemetryPoint;
import dev.dozor.simulator.client.DeviceTokens;
import dev.dozor.simulator.client.GatewayClient;
import dev.dozor.simulator.client.GatewayFix;
import dev.dozor.simulator.client.TelemetryRegistryClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Offers a paced load of realistic fixes to the gateway from a fleet of simulated vehicles, with
 * tracker semantics: a point stays in its vehicle's black box until a request carrying it is
 * answered 202; a 503, another 5xx, a timeout or a connection error keeps the points and the same
 * points are sent again after a back-off. Every acknowledged point is recorded in the {@link
 * AckLedger}. A 400/403/413/415 (or a 401 after the vehicle had been accepted) is a bug of the load
 * or of the platform: counted and logged.
 *
 * <p>Usage: {@code new LoadDriver(config, ledger).start()}, then {@link #setRate}, {@link
 * #awaitQuiescent} (with rate 0: every generated point acknowledged), {@link #stats}, {@link
 * #close}.
 */
public final class LoadDriver implements AutoCloseable {
  private static final long TICK_NANOS = 2_000_000;
  private static final Duration MIN_BACKOFF = Duration.ofMillis(250);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(4);
  private static final int MAX_REFUSALS_LOGGED = 10;

  private final LoadConfig config;
  private final AckLedger ledger;
  private final Consumer<String> log;
  private final HttpClient http;
  private final URI endpoint;
  private final List<SimulatedVehicle> vehicles = new ArrayList<>();
  private final Pacer pacer;
  private final Semaphore permits;
  private final ConcurrentLinkedQueue<SimulatedVehicle> ready = new ConcurrentLinkedQueue<>();
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(daemon("load-retry"));
  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicBoolean outage = new AtomicBoolean();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong failedRequests = new AtomicLong();
  private final AtomicInteger refusalsLogged = new AtomicInteger();
  private final AtomicReference<String> lastFailure = new AtomicReference<>("");
  private volatile long authDeadlineNanos;
  private Thread pacerThread;
  private int roundRobin;

  public LoadDriver(LoadConfig config, AckLedger ledger) {
    this(config, ledger, System.err::println);
  }

  public LoadDriver(LoadConfig config, AckLedger ledger, Consumer<String> log) {
    this.config = config;
    this.ledger = ledger;
    this.log = log;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3))
            .executor(Executors.newFixedThreadPool(4, daemon("load-http")))
            .build();
    this.endpoint =
        URI.create(
            config.gateway().toString().replaceAll("/+$", "") + GatewayClient.TELEMETRY_PATH);
    this.pacer = new Pacer(config.ratePerSecond(), 0.5, config.batchSize(), System.nanoTime());
    this.permits = new Semaphore(config.maxInFlight());
    DeviceTokens tokens = DeviceTokens.random();
    Instant start = Instant.now().minus(config.backlog());
    long staggerMillis = config.fixInterval().toMillis() / config.vehicles();
    for (int i = 0; i < config.vehicles(); i++) {
      String id = config.vehicleId(i);
      boolean offender = config.isOffender(i);
      vehicles.add(
          new SimulatedVehicle(
              id,
              tokens.tokenFor(id),
              offender,
              !offender && i % 2 == 1,
              config.seed() + i,
              start.plusMillis(i * staggerMillis),
              config.fixInterval()));
      if (offender) {
        ledger.flagVehicle(id);
      }
    }
  }

  public LoadConfig config() {
    return config;
  }

  public AckLedger ledger() {
    return ledger;
  }

  /** Vehicle ids of this run, in order (offenders first). */
  public List<String> vehicleIds() {
    return vehicles.stream().map(v -> v.id).toList();
  }

  /** Ids of the SPD-001 offenders. */
  public List<String> offenderIds() {
    return vehicles.stream().filter(v -> v.offender).map(v -> v.id).toList();
  }

  /**
   * Registers every vehicle and device with telemetry-service, starts sending, and returns once the
   * gateway has accepted a request of every vehicle.
   *
   * @throws LoadException when registration fails or the gateway does not accept every vehicle
   *     within {@link LoadConfig#authWait()}
   */
  public void start() throws InterruptedException {
    if (!running.compareAndSet(false, true)) {
      throw new IllegalStateException("already started");
    }
    register();
    authDeadlineNanos = System.nanoTime() + config.authWait().toNanos();
    pacerThread = new Thread(this::paceLoop, "load-pacer");
    pacerThread.setDaemon(true);
    pacerThread.start();
    long deadline = authDeadlineNanos + Duration.ofSeconds(5).toNanos();
    while (System.nanoTime() < deadline) {
      long waiting = vehicles.stream().filter(v -> !v.accepted()).count();
      if (waiting == 0) {
        return;
      }
      Thread.sleep(100);
    }
    long waiting = vehicles.stream().filter(v -> !v.accepted()).count();
    if (waiting > 0) {
      close();
      throw new LoadException(
          waiting
              + " of "
              + vehicles.size()
              + " vehicles were not accepted by "
              + endpoint
              + " within "
              + config.authWait().toSeconds()
              + " s (last failure: "
              + lastFailure.get()
              + ")");
    }
  }

  private void register() throws InterruptedException {
    TelemetryRegistryClient registry = new TelemetryRegistryClient(config.telemetry());
    ExecutorService pool = Executors.newFixedThreadPool(8, daemon("load-register"));
    try {
      List<Future<?>> done = new ArrayList<>();
      for (SimulatedVehicle v : vehicles) {
        done.add(pool.submit(() -> registry.register(v.registration, v.token)));
      }
      for (Future<?> f : done) {
        try {
          f.get();
        } catch (java.util.concurrent.ExecutionException e) {
          throw new LoadException(
              "registering the fleet failed: " + e.getCause().getMessage(), e.getCause());
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Changes the offered rate (points/s over the fleet); 0 stops generating new points. */
  public void setRate(double pointsPerSecond) {
    pacer.setRate(pointsPerSecond, System.nanoTime());
  }

  public double rate() {
    return pacer.rate();
  }

  /**
   * Waits until nothing is buffered or in flight: with rate 0, every generated point was
   * acknowledged.
   */
  public boolean awaitQuiescent(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (inFlight.get() == 0 && vehicles.stream().allMatch(SimulatedVehicle::idle)) {
        return true;
      }
      Thread.sleep(50);
    }
    return false;
  }

  public LoadStats stats() {
    long generated = 0;
    long buffered = 0;
    for (SimulatedVehicle v : vehicles) {
      generated += v.generatedCount();
      buffered += v.buffered();
    }
    return new LoadStats(
        generated,
        ledger.acknowledgedCount(),
        buffered,
        ledger.retriedCount(),
        ledger.refusedCount(),
        ledger.unauthorizedCount(),
        requests.get(),
        failedRequests.get(),
        inFlight.get(),
        lastFailure.get());
  }

  /** Stops generating and sending at once; buffered points stay unacknowledged. */
  @Override
  public void close() {
    running.set(false);
    if (pacerThread != null) {
      pacerThread.interrupt();
      try {
        pacerThread.join(2000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    scheduler.shutdownNow();
  }

  // ------------------------------------------------------------------ pacing and sending

  private void paceLoop() {
    while (running.get()) {
      try {
        generate();
        dispatch();
        java.util.concurrent.locks.LockSupport.parkNanos(TICK_NANOS);
        if (Thread.interrupted()) {
          return;
        }
      } catch (RuntimeException e) {
        lastFailure.set("pacer: " + e);
        log.accept("load: pacer error (continuing): " + e);
      }
    }
  }

  private void generate() {
    int chunk = config.batchSize();
    Instant now = Instant.now();
    int idleInARow = 0;
    while (idleInARow < vehicles.size() && pacer.take(chunk, System.nanoTime()) == chunk) {
      SimulatedVehicle v = vehicles.get(roundRobin);
      roundRobin = (roundRobin + 1) % vehicles.size();
      int made = v.generate(chunk, now);
      if (made < chunk) {
        pacer.giveBack(chunk - made);
      }
      if (made == 0) {
        idleInARow++;
        continue;
      }
      idleInARow = 0;
      if (v.claimIfIdle()) {
        ready.add(v);
      }
    }
  }

  private void dispatch() {
    SimulatedVehicle v;
    while (permits.tryAcquire()) {
      v = ready.poll();
      if (v == null) {
        permits.release();
        return;
      }
      send(v);
    }
  }

  private void send(SimulatedVehicle v) {
    List<TelemetryPoint> batch = v.head(config.maxBatch());
    if (batch.isEmpty()) {
      permits.release();
      if (v.releaseOrContinue()) {
        ready.add(v);
      }
      return;
    }
    byte[] body = JsonSerde.toBytes(batch.stream().map(GatewayFix::of).toList());
    HttpRequest request =
        HttpRequest.newBuilder(endpoint)
            .timeout(config.requestTimeout())
            .header("Authorization", "Bearer " + v.token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    inFlight.incrementAndGet();
    http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
        .whenComplete(
            (response, error) -> {
              inFlight.decrementAndGet();
              permits.release();
              try {
                complete(v, batch, response, error);
              } catch (RuntimeException e) {
                lastFailure.set("completion: " + e);
                log.accept("load: error handling the answer for " + v.id + ": " + e);
                retryLater(v, 1);
              }
            });
  }

  private void complete(
      SimulatedVehicle v, List<TelemetryPoint> batch, HttpResponse<String> response, Throwable e) {
    int status = response == null ? 0 : response.statusCode();
    if (status / 100 == 2) {
      requests.incrementAndGet();
      ledger.recordAck(v.id, batch, Instant.now());
      v.removeHead(batch.size(), true);
      if (outage.compareAndSet(true, false)) {
        log.accept("load: the gateway accepts points again; sending the buffered ones");
      }
      if (v.releaseOrContinue()) {
        ready.add(v);
      }
      return;
    }
    failedRequests.incrementAndGet();
    String cause = status == 0 ? describe(e) : "HTTP " + status + " " + abbreviate(response.body());
    lastFailure.set(v.id + ": " + cause);
    if (status == 0 || status >= 500 || status == 429 || status == 408) {
      ledger.recordRetried(batch.size());
      if (outage.compareAndSet(false, true)) {
        log.accept(
            "load: gateway unavailable ("
                + cause
                + "); points stay in the vehicles' black boxes and are retried");
      }
      retryLater(v, v.failed());
      return;
    }
    if (status == 401) {
      if (!v.accepted() && System.nanoTime() < authDeadlineNanos) {
        retryLater(v, 1); // registration still on its way to the gateway
        return;
      }
      ledger.recordUnauthorized(batch.size());
      if (refusalsLogged.incrementAndGet() <= MAX_REFUSALS_LOGGED) {
        log.accept(
            "load: BUG: gateway answered 401 for accepted device " + v.deviceId + ": " + cause);
      }
      retryLater(v, v.failed());
      return;
    }
    ledger.recordRefused(batch.size());
    if (refusalsLogged.incrementAndGet() <= MAX_REFUSALS_LOGGED) {
      log.accept(
          "load: BUG: gateway refused "
              + batch.size()
              + " points of "
              + v.deviceId
              + " (dropped): "
              + cause);
    }
    v.removeHead(batch.size(), false);
    if (v.releaseOrContinue()) {
      ready.add(v);
    }
  }

  private void retryLater(SimulatedVehicle v, int failures) {
    long millis = backoffMillis(failures);
    try {
      scheduler.schedule(() -> ready.add(v), millis, TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException stopped) {
      // closed: the points stay unacknowledged
    }
  }

  /** Back-off after {@code failures} consecutive failures: 250 ms doubling up to 4 s. */
  static long backoffMillis(int failures) {
    long millis = MIN_BACKOFF.toMillis() << Math.min(Math.max(0, failures - 1), 10);
    return Math.min(millis, MAX_BACKOFF.toMillis());
  }

  private static String describe(Throwable e) {
    Throwable t = e;
    while (t != null && t.getCause() != null && !(t instanceof IOException)) {
      t = t.getCause();
    }
    if (t instanceof java.net.ConnectException) {
      return "connection refused";
    }
    if (t instanceof java.net.http.HttpTimeoutException) {
      return "timed out";
    }
    return t == null ? "unknown error" : t.getClass().getSimpleName() + ": " + t.getMessage();
  }

  private static String abbreviate(String body) {
    if (body == null) {
      return "";
    }
    return body.length() <= 300 ? body : body.substring(0, 300) + "…";
  }

  private static ThreadFactory daemon(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}

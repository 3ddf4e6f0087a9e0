package dev.dozor.simulator;

import dev.dozor.events.TelemetryPoint;
import dev.dozor.simulator.client.DeviceOutbox;
import dev.dozor.simulator.client.DeviceTokens;
import dev.dozor.simulator.client.GatewayClient;
import dev.dozor.simulator.client.SendResult;
import dev.dozor.simulator.client.SimulatorException;
import dev.dozor.simulator.client.TelemetryRegistryClient;
import dev.dozor.simulator.fault.GroundTruthWriter;
import dev.dozor.simulator.fleet.Fleet;
import dev.dozor.simulator.fleet.SimVehicle;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The {@code demo} command: registers the fleet, then every interval hands each vehicle's new fixes
 * to its {@link DeviceOutbox} and flushes the outboxes concurrently (one request per vehicle).
 */
public final class DemoRunner {
  static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);

  /** How long the final flush on stop may take before undelivered points are reported. */
  static final Duration FINAL_FLUSH = Duration.ofSeconds(10);

  private static final int MAX_SENDERS = 16;

  private final DemoOptions options;
  private final PrintStream out;
  private final PrintStream err;
  private final CountDownLatch stopRequested = new CountDownLatch(1);
  private final CountDownLatch finished = new CountDownLatch(1);
  private final AtomicReference<SimulatorException> fatal = new AtomicReference<>();
  private final AtomicBoolean firstAccepted = new AtomicBoolean();

  /** Set while the gateway is unavailable, so an outage is reported once, not per request. */
  private final AtomicBoolean outageReported = new AtomicBoolean();

  public DemoRunner(DemoOptions options, PrintStream out, PrintStream err) {
    this.options = options;
    this.out = out;
    this.err = err;
  }

  /** Asks a running demo to stop (the shutdown hook calls this). */
  public void stop() {
    stopRequested.countDown();
  }

  /** Waits until {@link #run} has flushed and reported, at most {@code timeout}. */
  public boolean awaitFinished(Duration timeout) throws InterruptedException {
    return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Runs until the duration ends, {@link #stop} is called or a fatal error; the exit code. */
  public int run() {
    try {
      return runUntilStopped();
    } catch (SimulatorException e) {
      err.println("sim: " + e.getMessage());
      return 1;
    } finally {
      finished.countDown();
    }
  }

  private int runUntilStopped() {
    DeviceTokens tokens =
        options.tokenSeed() == null
            ? DeviceTokens.random()
            : DeviceTokens.derivedFrom(options.tokenSeed());
    TelemetryRegistryClient registry = new TelemetryRegistryClient(options.telemetry());
    // vehicles do not depend on the start time: register first, then start the clock
    List<SimVehicle> vehicles = Fleet.create(options.fleet(), Instant.now()).vehicles();
    for (SimVehicle v : vehicles) {
      registry.register(v, tokens.tokenFor(v.deviceId()));
    }
    out.printf(
        "sim: registered %d vehicles and devices at %s on %s; offenders: %s%n",
        vehicles.size(),
        options.telemetry(),
        options.fleet().roads() == null
            ? "the generated grid"
            : options.fleet().roads().description(),
        vehicles.stream().filter(SimVehicle::offender).map(SimVehicle::id).toList());

    GatewayClient gateway =
        new GatewayClient(
            options.gateway(),
            new GatewayClient.Settings(
                options.authWait(),
                Duration.ofMillis(200),
                Duration.ofSeconds(2),
                Duration.ofSeconds(10)));
    Map<String, DeviceOutbox> outboxes = new LinkedHashMap<>();
    for (SimVehicle v : vehicles) {
      outboxes.put(
          v.id(),
          new DeviceOutbox(
              v.deviceId(),
              tokens.tokenFor(v.deviceId()),
              DeviceOutbox.DEFAULT_MAX_BATCH,
              err::println));
    }
    Fleet fleet = Fleet.create(options.fleet(), Instant.now());
    GroundTruthWriter truth = null;
    if (options.groundTruth() != null) {
      try {
        truth = GroundTruthWriter.appendingTo(options.groundTruth());
      } catch (java.io.IOException e) {
        throw new SimulatorException(
            "cannot write ground truth to " + options.groundTruth() + ": " + e.getMessage(), e);
      }
      fleet.addGroundTruthListener(truth);
      out.println("sim: appending injected faults to " + options.groundTruth());
    }
    out.printf(
        "sim: sending to %s every %s%s%n",
        gateway.endpoint(),
        Durations.format(options.fleet().interval()),
        options.runsForever() ? " until stopped" : " for " + Durations.format(options.duration()));

    ExecutorService senders =
        Executors.newFixedThreadPool(Math.min(MAX_SENDERS, vehicles.size()), daemon("sim-send"));
    ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(daemon("sim-tick"));
    clock.scheduleAtFixedRate(
        () -> tick(fleet, outboxes, gateway, senders),
        0,
        options.fleet().interval().toMillis(),
        TimeUnit.MILLISECONDS);
    clock.scheduleAtFixedRate(
        () -> out.println(progress(vehicles.size(), outboxes)),
        PROGRESS_EVERY.toMillis(),
        PROGRESS_EVERY.toMillis(),
        TimeUnit.MILLISECONDS);

    awaitStop();
    clock.shutdownNow();
    awaitQuietly(clock, FINAL_FLUSH); // no tick may hand work to the senders after this
    senders.shutdown();
    awaitQuietly(senders, FINAL_FLUSH);
    senders.shutdownNow();
    if (fatal.get() == null) {
      finalFlush(outboxes, gateway);
    }
    out.println(progress(vehicles.size(), outboxes));
    if (truth != null) {
      try {
        truth.close();
      } catch (java.io.IOException e) {
        err.println("sim: closing the ground-truth file failed: " + e.getMessage());
      }
    }
    long undelivered = total(outboxes).buffered();
    if (fatal.get() != null) {
      err.println("sim: stopped: " + fatal.get().getMessage());
    }
    if (undelivered > 0) {
      err.printf(
          Locale.US,
          "sim: %,d points were not acknowledged by the gateway and are not delivered%n",
          undelivered);
    }
    return fatal.get() == null && undelivered == 0 ? 0 : 1;
  }

  private void tick(
      Fleet fleet,
      Map<String, DeviceOutbox> outboxes,
      GatewayClient gateway,
      ExecutorService senders) {
    try {
      Map<String, List<TelemetryPoint>> fixes = fleet.stepByVehicle(Instant.now());
      fixes.forEach((vehicleId, points) -> outboxes.get(vehicleId).add(points));
      for (DeviceOutbox outbox : outboxes.values()) {
        if (outbox.buffered() > 0) {
          senders.execute(() -> flush(outbox, gateway));
        }
      }
    } catch (RuntimeException e) {
      fail(new SimulatorException("simulation tick failed: " + e, e));
    }
  }

  private void flush(DeviceOutbox outbox, GatewayClient gateway) {
    try {
      SendResult result = outbox.flush(gateway);
      if (result == null) {
        return;
      }
      if (result.isAccepted()) {
        if (firstAccepted.compareAndSet(false, true)) {
          out.println("sim: the gateway accepts fixes");
        }
        if (outageReported.compareAndSet(true, false)) {
          out.println("sim: the gateway is available again; sending buffered fixes");
        }
      } else if (result.outcome() == SendResult.Outcome.UNAVAILABLE
          && outageReported.compareAndSet(false, true)) {
        err.println(
            "sim: gateway "
                + gateway.endpoint()
                + " unavailable ("
                + (result.status() == 0 ? result.detail() : "HTTP " + result.status())
                + "); fixes stay buffered and are retried every interval");
      }
    } catch (SimulatorException e) {
      fail(e);
    } catch (RuntimeException e) {
      fail(new SimulatorException("sending fixes of " + outbox.deviceId() + " failed: " + e, e));
    }
  }

  private void fail(SimulatorException e) {
    if (fatal.compareAndSet(null, e)) {
      stop();
    }
  }

  private void awaitStop() {
    try {
      if (options.runsForever()) {
        stopRequested.await();
      } else {
        stopRequested.await(options.duration().toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** One last attempt for whatever a 503 or an outage left buffered. */
  private void finalFlush(Map<String, DeviceOutbox> outboxes, GatewayClient gateway) {
    if (total(outboxes).buffered() == 0) {
      return;
    }
    ExecutorService last =
        Executors.newFixedThreadPool(Math.min(MAX_SENDERS, outboxes.size()), daemon("sim-final"));
    for (DeviceOutbox outbox : outboxes.values()) {
      last.execute(() -> flush(outbox, gateway));
    }
    last.shutdown();
    awaitQuietly(last, FINAL_FLUSH);
    last.shutdownNow();
  }

  static String progress(int vehicles, Map<String, DeviceOutbox> outboxes) {
    DeviceOutbox.Stats s = total(outboxes);
    String line =
        String.format(
            Locale.US,
            "sim: %d vehicles, %,d points sent, %,d accepted, %,d refused, %,d retried",
            vehicles,
            s.sent(),
            s.accepted(),
            s.refused(),
            s.retried());
    return s.buffered() > 0
        ? line + String.format(Locale.US, ", %,d buffered", s.buffered())
        : line;
  }

  private static DeviceOutbox.Stats total(Map<String, DeviceOutbox> outboxes) {
    DeviceOutbox.Stats sum = DeviceOutbox.Stats.ZERO;
    for (DeviceOutbox o : outboxes.values()) {
      sum = sum.plus(o.stats());
    }
    return sum;
  }

  private static void awaitQuietly(ExecutorService executor, Duration timeout) {
    try {
      executor.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}

package dev.dozor.simulator;

import dev.dozor.events.DeviceProfileRecord;
import dev.dozor.events.TelemetryPoint;
import dev.dozor.simulator.city.CityPlan;
import dev.dozor.simulator.city.CityRegistrar;
import dev.dozor.simulator.client.DeviceOutbox;
import dev.dozor.simulator.client.DeviceTokens;
import dev.dozor.simulator.client.FixSender;
import dev.dozor.simulator.client.GatewayClient;
import dev.dozor.simulator.client.SendResult;
import dev.dozor.simulator.client.SimulatorException;
import dev.dozor.simulator.client.TelemetryRegistryClient;
import dev.dozor.simulator.fault.GroundTruthWriter;
import dev.dozor.simulator.fleet.BlackBoxHistory;
import dev.dozor.simulator.fleet.Fleet;
import dev.dozor.simulator.fleet.SimVehicle;
import dev.dozor.simulator.protocol.DeviceProtocol;
import dev.dozor.simulator.protocol.DeviceSenders;
import dev.dozor.simulator.protocol.ProtocolMix;
import dev.dozor.simulator.protocol.SimDevice;
import dev.dozor.simulator.protocol.TerminalSettings;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * The {@code demo} command: registers the device profiles, the fleet and each vehicle's tracker
 * (its protocol from the {@link ProtocolMix}), then every interval hands each vehicle's new fixes
 * to its {@link DeviceOutbox} and flushes the outboxes concurrently, each through its tracker's
 * {@link FixSender} (HTTP JSON, EGTS, Wialon IPS or OsmAnd).
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

  /** Set while a protocol's endpoint is unavailable, so an outage is reported once per protocol. */
  private final Map<DeviceProtocol, AtomicBoolean> outageReported =
      new EnumMap<>(DeviceProtocol.class);

  public DemoRunner(DemoOptions options, PrintStream out, PrintStream err) {
    this.options = options;
    this.out = out;
    this.err = err;
    for (DeviceProtocol p : DeviceProtocol.values()) {
      outageReported.put(p, new AtomicBoolean());
    }
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
    Instant planStart = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Fleet planned = Fleet.create(options.fleet(), planStart);
    List<SimVehicle> vehicles = planned.vehicles();
    List<DeviceProtocol> assigned = options.protocols().assign(vehicles.size());
    Map<String, SimDevice> devices = new LinkedHashMap<>();
    for (int i = 0; i < vehicles.size(); i++) {
      SimVehicle v = vehicles.get(i);
      devices.put(v.id(), SimDevice.of(v, assigned.get(i), tokens));
    }
    Set<DeviceProtocol> used = EnumSet.noneOf(DeviceProtocol.class);
    used.addAll(assigned);
    List<String> profiles = new ArrayList<>();
    for (DeviceProtocol protocol : used) {
      DeviceProfileRecord profile = protocol.simulatorProfile();
      if (profile != null) {
        registry.putProfile(profile);
        profiles.add(profile.id());
      }
    }
    // the city around the fleet: contractors and zones, then vehicles, then shifts and weather
    CityPlan city =
        CityPlan.of(
            options.fleet(),
            vehicles,
            planned.assignments(),
            planned.roads(),
            planStart,
            options.fleet().roads() == null ? List.of() : registry.roadSegments(),
            options.snowfalls(),
            options.borrowedVehicle() && options.fleet().roads() != null
                ? registry.districts()
                : List.of());
    CityRegistrar cityRegistrar = new CityRegistrar(registry);
    cityRegistrar.registerPlaces(city);
    for (SimVehicle v : vehicles) {
      SimDevice device = devices.get(v.id());
      registry.putVehicle(v.id(), city.vehicleBody(v));
      registry.putDevice(device.id(), device.registration());
    }
    cityRegistrar.registerShifts(city);
    out.println("sim: registered the city: " + city.summary());
    out.printf(
        "sim: registered %d vehicles and devices (%s)%s at %s on %s; offenders: %s%n",
        vehicles.size(),
        countsByProtocol(assigned),
        profiles.isEmpty() ? "" : " and device profiles " + String.join(", ", profiles),
        options.telemetry(),
        options.fleet().roads() == null
            ? "the generated grid"
            : options.fleet().roads().description(),
        vehicles.stream()
            .filter(SimVehicle::offender)
            .map(v -> v.id() + " (" + devices.get(v.id()).protocol().wireName() + ")")
            .toList());

    if (options.fleet().interval().toMillis() % 1000 != 0
        && (used.contains(DeviceProtocol.EGTS) || used.contains(DeviceProtocol.WIALON_IPS))) {
      err.println(
          "sim: note: EGTS and Wialon IPS carry fix times in whole seconds; with --interval "
              + Durations.format(options.fleet().interval())
              + " some of their fixes share a second");
    }
    GatewayClient gateway =
        new GatewayClient(
            options.gateway(),
            new GatewayClient.Settings(
                options.authWait(),
                Duration.ofMillis(200),
                Duration.ofSeconds(2),
                Duration.ofSeconds(10)));
    DeviceSenders senderFactory =
        new DeviceSenders(
            gateway,
            options.egts(),
            options.wialon(),
            options.osmand(),
            TerminalSettings.defaults().withAuthWait(options.authWait()));
    Map<String, Device> outboxes = new LinkedHashMap<>();
    for (SimVehicle v : vehicles) {
      SimDevice device = devices.get(v.id());
      outboxes.put(
          v.id(),
          new Device(
              device.protocol(),
              new DeviceOutbox(
                  device.id(), device.token(), DeviceOutbox.DEFAULT_MAX_BATCH, err::println),
              senderFactory.senderFor(device)));
    }
    // whole seconds: EGTS and Wialon IPS carry fix times to the second
    Fleet fleet = Fleet.create(options.fleet(), Instant.now().truncatedTo(ChronoUnit.SECONDS));
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
    if (options.blackBox()) {
      BlackBoxHistory history = BlackBoxHistory.of(options.fleet(), fleet.start());
      history.fixes().forEach((vehicleId, points) -> outboxes.get(vehicleId).outbox().add(points));
      if (truth != null) {
        history.groundTruth().forEach(truth::onFault);
      }
      out.println(
          "sim: uploading last night's black box (from "
              + history.nightStart()
              + "): "
              + history.fixes().entrySet().stream()
                  .map(e -> e.getKey() + " " + e.getValue().size() + " fixes")
                  .collect(Collectors.joining(", "))
              + "; night episodes "
              + history.groundTruth().stream()
                  .map(e -> e.fault() + " " + e.vehicleId() + " " + e.start())
                  .toList()
              + (history.oldSiteStop() == null
                  ? ""
                  : "; container site "
                      + history.oldSiteStop().siteId()
                      + " last served by "
                      + history.oldSiteStop().vehicleId()
                      + " at "
                      + history.oldSiteStop().stopEnd()));
    }
    out.printf(
        "sim: sending to %s every %s%s%n",
        used.stream().map(senderFactory::endpoint).collect(Collectors.joining(", ")),
        Durations.format(options.fleet().interval()),
        options.runsForever() ? " until stopped" : " for " + Durations.format(options.duration()));

    ExecutorService senders =
        Executors.newFixedThreadPool(Math.min(MAX_SENDERS, vehicles.size()), daemon("sim-send"));
    ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(daemon("sim-tick"));
    clock.scheduleAtFixedRate(
        () -> tick(fleet, outboxes, senders),
        0,
        options.fleet().interval().toMillis(),
        TimeUnit.MILLISECONDS);
    clock.scheduleAtFixedRate(
        () -> out.println(progress(vehicles.size(), outboxes.values())),
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
      finalFlush(outboxes);
    }
    outboxes.values().forEach(d -> d.sender().close());
    out.println(progress(vehicles.size(), outboxes.values()));
    if (truth != null) {
      try {
        truth.close();
      } catch (java.io.IOException e) {
        err.println("sim: closing the ground-truth file failed: " + e.getMessage());
      }
    }
    long undelivered = total(outboxes.values()).buffered();
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

  private void tick(Fleet fleet, Map<String, Device> outboxes, ExecutorService senders) {
    try {
      Map<String, List<TelemetryPoint>> fixes = fleet.stepByVehicle(Instant.now());
      fixes.forEach((vehicleId, points) -> outboxes.get(vehicleId).outbox().add(points));
      for (Device device : outboxes.values()) {
        if (device.outbox().buffered() > 0) {
          senders.execute(() -> flush(device));
        }
      }
    } catch (RuntimeException e) {
      fail(new SimulatorException("simulation tick failed: " + e, e));
    }
  }

  private void flush(Device device) {
    try {
      SendResult result = device.outbox().flush(device.sender());
      if (result == null) {
        return;
      }
      AtomicBoolean outage = outageReported.get(device.protocol());
      if (result.isAccepted()) {
        if (firstAccepted.compareAndSet(false, true)) {
          out.println("sim: the gateway accepts fixes");
        }
        if (outage.compareAndSet(true, false)) {
          out.println(
              "sim: the gateway's "
                  + device.protocol().wireName()
                  + " endpoint is available again; sending buffered fixes");
        }
      } else if (result.outcome() == SendResult.Outcome.UNAVAILABLE
          && !result.isUnknownDevice()
          && outage.compareAndSet(false, true)) {
        err.println(
            "sim: gateway "
                + device.sender().endpoint()
                + " unavailable ("
                + (result.status() == 0 ? result.detail() : describe(device.protocol(), result))
                + "); fixes stay buffered and are retried every interval");
      }
    } catch (SimulatorException e) {
      fail(e);
    } catch (RuntimeException e) {
      fail(
          new SimulatorException(
              "sending fixes of " + device.outbox().deviceId() + " failed: " + e, e));
    }
  }

  private static String describe(DeviceProtocol protocol, SendResult result) {
    return switch (protocol) {
      case HTTP_JSON, OSMAND -> "HTTP " + result.status();
      case EGTS, WIALON_IPS -> result.detail();
    };
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
  private void finalFlush(Map<String, Device> outboxes) {
    if (total(outboxes.values()).buffered() == 0) {
      return;
    }
    ExecutorService last =
        Executors.newFixedThreadPool(Math.min(MAX_SENDERS, outboxes.size()), daemon("sim-final"));
    for (Device device : outboxes.values()) {
      last.execute(() -> flush(device));
    }
    last.shutdown();
    awaitQuietly(last, FINAL_FLUSH);
    last.shutdownNow();
  }

  static String progress(int vehicles, Collection<Device> devices) {
    DeviceOutbox.Stats s = total(devices);
    Map<DeviceProtocol, Long> accepted = new EnumMap<>(DeviceProtocol.class);
    for (Device d : devices) {
      accepted.merge(d.protocol(), d.outbox().stats().accepted(), Long::sum);
    }
    String byProtocol =
        accepted.size() < 2
            ? ""
            : accepted.entrySet().stream()
                .map(e -> String.format(Locale.US, "%s %,d", e.getKey().wireName(), e.getValue()))
                .collect(Collectors.joining(", ", " (", ")"));
    String line =
        String.format(
            Locale.US,
            "sim: %d vehicles, %,d points sent, %,d accepted%s, %,d refused, %,d retried",
            vehicles,
            s.sent(),
            s.accepted(),
            byProtocol,
            s.refused(),
            s.retried());
    return s.buffered() > 0
        ? line + String.format(Locale.US, ", %,d buffered", s.buffered())
        : line;
  }

  private static String countsByProtocol(List<DeviceProtocol> assigned) {
    Map<DeviceProtocol, Integer> counts = new EnumMap<>(DeviceProtocol.class);
    assigned.forEach(p -> counts.merge(p, 1, Integer::sum));
    return counts.entrySet().stream()
        .map(e -> e.getKey().wireName() + " " + e.getValue())
        .collect(Collectors.joining(", "));
  }

  private static DeviceOutbox.Stats total(Collection<Device> devices) {
    DeviceOutbox.Stats sum = DeviceOutbox.Stats.ZERO;
    for (Device d : devices) {
      sum = sum.plus(d.outbox().stats());
    }
    return sum;
  }

  /** A vehicle's tracker: its protocol, black box and connection. */
  record Device(DeviceProtocol protocol, DeviceOutbox outbox, FixSender sender) {}

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

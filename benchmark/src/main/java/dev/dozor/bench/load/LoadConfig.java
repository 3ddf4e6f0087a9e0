package dev.dozor.bench.load;

import java.net.URI;
import java.time.Duration;

/**
 * What load to offer.
 *
 * @param gateway gateway base URL, e.g. {@code http://127.0.0.1:18080}
 * @param telemetry telemetry-service base URL (registration of vehicles and devices)
 * @param prefix unique id prefix of this run's vehicles ({@code <prefix>v0001}) and devices
 * @param vehicles number of vehicles (ploughs and sweepers alternate; offenders are ploughs)
 * @param offenders vehicles that drive with the plough down at 55–60 km/h, 90 s on / 60 s off
 * @param ratePerSecond target points per second over the whole fleet (changeable while running)
 * @param batchSize points generated per vehicle at a time, i.e. points per request when keeping up
 * @param maxBatch largest request when a vehicle catches up after an outage (≤ 1000, gateway limit)
 * @param maxInFlight concurrent requests at most
 * @param fixInterval simulated time between two fixes of a vehicle
 * @param backlog how far behind the wall clock the simulated clocks start; the clocks run faster
 *     than real time when {@code ratePerSecond * fixInterval > vehicles} and never pass the wall
 *     clock (a vehicle that caught up waits)
 * @param requestTimeout timeout of one request (a timeout counts as a failed attempt)
 * @param authWait how long 401s are retried after registration (the registry reaches the gateway
 *     through Kafka)
 * @param seed makes routes and speeds reproducible
 */
public record LoadConfig(
    URI gateway,
    URI telemetry,
    String prefix,
    int vehicles,
    int offenders,
    double ratePerSecond,
    int batchSize,
    int maxBatch,
    int maxInFlight,
    Duration fixInterval,
    Duration backlog,
    Duration requestTimeout,
    Duration authWait,
    long seed) {

  public LoadConfig {
    if (prefix == null || prefix.isBlank() || !prefix.matches("[A-Za-z0-9._-]+")) {
      throw new IllegalArgumentException("prefix must be [A-Za-z0-9._-]+, got " + prefix);
    }
    if (vehicles < 1) {
      throw new IllegalArgumentException("vehicles must be >= 1, got " + vehicles);
    }
    if (offenders < 0 || offenders > vehicles) {
      throw new IllegalArgumentException("offenders must be 0.." + vehicles + ", got " + offenders);
    }
    if (ratePerSecond < 0) {
      throw new IllegalArgumentException("rate must be >= 0, got " + ratePerSecond);
    }
    if (batchSize < 1 || maxBatch < batchSize || maxBatch > 1000) {
      throw new IllegalArgumentException(
          "need 1 <= batchSize <= maxBatch <= 1000, got " + batchSize + " / " + maxBatch);
    }
    if (maxInFlight < 1) {
      throw new IllegalArgumentException("maxInFlight must be >= 1, got " + maxInFlight);
    }
    if (fixInterval.toMillis() < 100 || backlog.isNegative()) {
      throw new IllegalArgumentException("fixInterval >= 100 ms and backlog >= 0 required");
    }
  }

  /** 300 vehicles, 2 offenders, 2,000 points/s in batches of 10, 64 requests, 1 s fixes. */
  public static LoadConfig defaults(URI gateway, URI telemetry, String prefix) {
    return new LoadConfig(
        gateway,
        telemetry,
        prefix,
        300,
        2,
        2000,
        10,
        500,
        64,
        Duration.ofSeconds(1),
        Duration.ofHours(1),
        Duration.ofSeconds(10),
        Duration.ofSeconds(60),
        42);
  }

  /**
   * The backlog that lets {@code vehicles} at {@code ratePerSecond} run for {@code runFor} without
   * their clocks reaching the wall clock (plus 10 %).
   */
  public static Duration backlogFor(
      double ratePerSecond, int vehicles, Duration fixInterval, Duration runFor) {
    double speedup = ratePerSecond * fixInterval.toMillis() / 1000.0 / vehicles;
    double seconds = Math.max(0, speedup - 1) * runFor.toMillis() / 1000.0 * 1.1;
    return Duration.ofSeconds((long) Math.ceil(seconds) + 60);
  }

  /** Simulated seconds per wall second at the target rate. */
  public double speedup() {
    return ratePerSecond * fixInterval.toMillis() / 1000.0 / vehicles;
  }

  public LoadConfig withVehicles(int n, int offendersToo) {
    return new LoadConfig(
        gateway,
        telemetry,
        prefix,
        n,
        offendersToo,
        ratePerSecond,
        batchSize,
        maxBatch,
        maxInFlight,
        fixInterval,
        backlog,
        requestTimeout,
        authWait,
        seed);
  }

  public LoadConfig withRate(double rate) {
    return new LoadConfig(
        gateway,
        telemetry,
        prefix,
        vehicles,
        offenders,
        rate,
        batchSize,
        maxBatch,
        maxInFlight,
        fixInterval,
        backlog,
        requestTimeout,
        authWait,
        seed);
  }

  public LoadConfig withBatching(int batch, int inFlight) {
    return new LoadConfig(
        gateway,
        telemetry,
        prefix,
        vehicles,
        offenders,
        ratePerSecond,
        batch,
        Math.max(batch, maxBatch),
        inFlight,
        fixInterval,
        backlog,
        requestTimeout,
        authWait,
        seed);
  }

  public LoadConfig withClock(Duration interval, Duration backlogToo) {
    return new LoadConfig(
        gateway,
        telemetry,
        prefix,
        vehicles,
        offenders,
        ratePerSecond,
        batchSize,
        maxBatch,
        maxInFlight,
        interval,
        backlogToo,
        requestTimeout,
        authWait,
        seed);
  }

  public LoadConfig withTimeouts(Duration request, Duration auth) {
    return new LoadConfig(
        gateway,
        telemetry,
        prefix,
        vehicles,
        offenders,
        ratePerSecond,
        batchSize,
        maxBatch,
        maxInFlight,
        fixInterval,
        backlog,
        request,
        auth,
        seed);
  }

  /** The id of vehicle {@code index} (0-based): {@code <prefix>v0001}, … */
  public String vehicleId(int index) {
    return String.format("%sv%04d", prefix, index + 1);
  }

  /** Offenders are the first {@code offenders} vehicles. */
  public boolean isOffender(int index) {
    return index < offenders;
  }
}

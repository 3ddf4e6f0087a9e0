package dev.dozor.simulator.replay;

import dev.dozor.events.TelemetryPoint;
import dev.dozor.simulator.client.DeviceOutbox;
import dev.dozor.simulator.client.DeviceTokens;
import dev.dozor.simulator.client.GatewayClient;
import dev.dozor.simulator.client.SimulatorException;
import dev.dozor.simulator.client.TelemetryRegistryClient;
import dev.dozor.simulator.fleet.SimVehicle;
import dev.dozor.simulator.fleet.VehicleType;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code replay} command: reads a trace, registers one plough per truck ({@code syr-<truck>})
 * and sends each truck's fixes, in order, when their re-timed fix time comes (never earlier).
 */
public final class ReplayRunner {
  private static final Duration TICK = Duration.ofMillis(200);
  private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);
  private static final String LETTERS = "АВЕКМНОРСТУХ";

  /**
   * Options of the replay.
   *
   * @param gateway gateway base URL
   * @param telemetry telemetry-service base URL
   * @param file the trace CSV
   * @param speedup how many times faster than recorded
   * @param tokenSeed derive device tokens from this, or null
   * @param authWait how long a 401 is retried after registration
   */
  public record Options(
      URI gateway, URI telemetry, Path file, double speedup, String tokenSeed, Duration authWait) {}

  private final Options options;
  private final PrintStream out;
  private final PrintStream err;
  private volatile boolean stopRequested;

  public ReplayRunner(Options options, PrintStream out, PrintStream err) {
    this.options = options;
    this.out = out;
    this.err = err;
  }

  public void stop() {
    stopRequested = true;
  }

  /** A stable Moscow-style plate for a trace truck. */
  static String plateFor(String truck) {
    int h = Math.abs(truck.hashCode() % 1_000_000);
    return ""
        + LETTERS.charAt(h % 12)
        + String.format("%03d", 1 + (h / 12) % 999)
        + LETTERS.charAt((h / 11_988) % 12)
        + LETTERS.charAt((h / 7) % 12)
        + "799";
  }

  public int run() {
    try {
      return runChecked();
    } catch (IOException | SimulatorException e) {
      err.println("replay: " + e.getMessage());
      return 1;
    }
  }

  private int runChecked() throws IOException {
    TraceCsv.Result parsed;
    try (Reader r = Files.newBufferedReader(options.file(), StandardCharsets.UTF_8)) {
      parsed = TraceCsv.parse(r, m -> err.println("replay: " + options.file() + " " + m));
    }
    Instant start = Instant.now();
    Map<String, List<TelemetryPoint>> plan =
        ReplayPlan.retime(parsed.fixes(), start, options.speedup());
    DeviceTokens tokens =
        options.tokenSeed() == null
            ? DeviceTokens.random()
            : DeviceTokens.derivedFrom(options.tokenSeed());
    TelemetryRegistryClient registry = new TelemetryRegistryClient(options.telemetry());
    GatewayClient gateway =
        new GatewayClient(
            options.gateway(),
            new GatewayClient.Settings(
                options.authWait(),
                Duration.ofMillis(200),
                Duration.ofSeconds(2),
                Duration.ofSeconds(10)));
    Map<String, DeviceOutbox> outboxes = new LinkedHashMap<>();
    Map<String, Integer> sentUpTo = new LinkedHashMap<>();
    long total = 0;
    Instant last = start;
    for (Map.Entry<String, List<TelemetryPoint>> e : plan.entrySet()) {
      String id = e.getKey();
      String truck = id.substring("syr-".length());
      SimVehicle v =
          new SimVehicle(
              id,
              SimVehicle.deviceIdFor(id),
              plateFor(truck),
              VehicleType.PLOUGH,
              "City of Syracuse DPW (replay)",
              "Syracuse",
              false);
      registry.register(v, tokens.tokenFor(v.deviceId()));
      outboxes.put(
          id,
          new DeviceOutbox(
              v.deviceId(),
              tokens.tokenFor(v.deviceId()),
              DeviceOutbox.DEFAULT_MAX_BATCH,
              err::println));
      sentUpTo.put(id, 0);
      total += e.getValue().size();
      Instant end = e.getValue().get(e.getValue().size() - 1).fixTime();
      last = end.isAfter(last) ? end : last;
    }
    out.printf(
        Locale.US,
        "replay: %,d fixes of %d trucks from %s (%d bad lines skipped), speedup %.1f: ends at %s%n",
        total,
        plan.size(),
        options.file(),
        parsed.badLines(),
        options.speedup(),
        last);
    long nextProgress = System.nanoTime() + PROGRESS_EVERY.toNanos();
    while (!stopRequested) {
      Instant now = Instant.now();
      boolean allQueued = true;
      for (Map.Entry<String, List<TelemetryPoint>> e : plan.entrySet()) {
        List<TelemetryPoint> fixes = e.getValue();
        int from = sentUpTo.get(e.getKey());
        int to = from;
        while (to < fixes.size() && !fixes.get(to).fixTime().isAfter(now)) {
          to++;
        }
        if (to > from) {
          outboxes.get(e.getKey()).add(new ArrayList<>(fixes.subList(from, to)));
          sentUpTo.put(e.getKey(), to);
        }
        allQueued &= to == fixes.size();
      }
      for (DeviceOutbox o : outboxes.values()) {
        if (o.buffered() > 0) {
          o.flush(gateway);
        }
      }
      if (System.nanoTime() >= nextProgress) {
        nextProgress += PROGRESS_EVERY.toNanos();
        out.println(progress(outboxes));
      }
      if (allQueued && buffered(outboxes) == 0) {
        break;
      }
      try {
        Thread.sleep(TICK.toMillis());
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    out.println(progress(outboxes));
    long undelivered = buffered(outboxes);
    if (undelivered > 0) {
      err.printf(Locale.US, "replay: %,d fixes were not acknowledged%n", undelivered);
    }
    return undelivered == 0 ? 0 : 1;
  }

  private static long buffered(Map<String, DeviceOutbox> outboxes) {
    return outboxes.values().stream().mapToLong(DeviceOutbox::buffered).sum();
  }

  private static String progress(Map<String, DeviceOutbox> outboxes) {
    DeviceOutbox.Stats s = DeviceOutbox.Stats.ZERO;
    for (DeviceOutbox o : outboxes.values()) {
      s = s.plus(o.stats());
    }
    return String.format(
        Locale.US,
        "replay: %,d sent, %,d accepted, %,d refused, %,d retried, %,d buffered",
        s.sent(),
        s.accepted(),
        s.refused(),
        s.retried(),
        s.buffered());
  }
}

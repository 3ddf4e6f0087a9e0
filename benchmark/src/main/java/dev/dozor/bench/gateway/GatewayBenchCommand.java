package dev.dozor.bench.gateway;

import dev.dozor.bench.BenchException;
import dev.dozor.bench.BenchOptions.UsageException;
import dev.dozor.bench.Progress;
import dev.dozor.bench.proc.MachineInfo;
import dev.dozor.bench.proc.ProcessCost;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;

/**
 * {@code bin/dozor bench gateway}: the gateway alone, with Kafka. Phase 1 posts HTTP JSON batches,
 * phase 2 drives EGTS terminals over many TCP connections; each phase is warmed up, then measured
 * over a fixed window with the gateway's CPU, memory and a JFR profile.
 */
public final class GatewayBenchCommand {
  static final double HTTP_TARGET_POINTS_PER_S = 60_000;
  static final double EGTS_TARGET_RECORDS_PER_S = 30_000;

  /** The issue sets no goal for Wialon IPS; its rate is reported for comparison. */
  static final double NO_GOAL = 0;

  private static final List<String> COMPONENTS = List.of("gateway", "kafka", "bench");

  private final GatewayBenchOptions o;
  private final ProcessCost cost;
  private final GatewayStatsProbe counters;
  private final List<String> notes = new ArrayList<>();

  private final Progress progress;

  private GatewayBenchCommand(GatewayBenchOptions o, Progress progress) {
    this.o = o;
    this.progress = progress;
    this.cost = new ProcessCost(o.stateDir());
    this.counters = new GatewayStatsProbe(o.gateway());
  }

  public static int run(String[] args, PrintStream out) {
    GatewayBenchOptions options;
    try {
      options = GatewayBenchOptions.parse(args);
    } catch (UsageException e) {
      System.err.println(e.getMessage());
      return 2;
    }
    try {
      new GatewayBenchCommand(options, new Progress(out, "bench")).execute();
      return 0;
    } catch (BenchException e) {
      System.err.println("error: " + e.getMessage());
      return 1;
    } catch (Exception e) {
      LoggerFactory.getLogger(GatewayBenchCommand.class).error("gateway benchmark failed", e);
      return 1;
    }
  }

  private void execute() throws Exception {
    progress.say(
        "registering %d HTTP devices, %d EGTS terminals and %d Wialon IPS trackers on the"
            + " registry topic",
        o.httpConnections(), o.egtsConnections(), o.wialonConnections());
    BenchDevices.register(
        o.kafka(), o.httpConnections(), o.egtsConnections(), o.wialonConnections());
    BenchDevices.awaitKnown(o.gateway(), o.httpConnections(), Duration.ofSeconds(60));
    List<GatewayBenchReport.Phase> phases = new ArrayList<>();
    phases.add(
        measure(
            "HTTP JSON",
            String.format(
                Locale.ROOT,
                "%d clients, %d points per request",
                o.httpConnections(),
                o.httpBatch()),
            HTTP_TARGET_POINTS_PER_S,
            () -> new HttpJsonLoad(o.gateway(), o.httpConnections(), o.httpBatch())));
    phases.add(
        measure(
            "EGTS",
            String.format(
                Locale.ROOT,
                "%d TCP connections, %d records per packet, %d packets in flight",
                o.egtsConnections(),
                o.egtsRecordsPerPacket(),
                o.egtsPacketsInFlight()),
            EGTS_TARGET_RECORDS_PER_S,
            () ->
                new EgtsLoad(
                    o.egtsHost(),
                    o.egtsPort(),
                    o.egtsConnections(),
                    o.egtsRecordsPerPacket(),
                    o.egtsPacketsInFlight())));
    phases.add(
        measure(
            "Wialon IPS",
            String.format(
                Locale.ROOT,
                "%d TCP connections, 2.0 black boxes of %d messages, one at a time",
                o.wialonConnections(),
                o.wialonMessages()),
            NO_GOAL,
            () ->
                new WialonLoad(
                    o.egtsHost(), o.wialonPort(), o.wialonConnections(), o.wialonMessages())));
    GatewayBenchReport report =
        new GatewayBenchReport(
            Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
            MachineInfo.detect().summary(),
            "bin/dozor bench gateway",
            phases,
            notes);
    Path md = report.write(o.docsDir());
    for (GatewayBenchReport.Phase p : phases) {
      progress.say(
          "%s: %,.0f %s/s (%s)",
          p.name(),
          p.rate(),
          p.unit(),
          p.target() <= 0
              ? "no goal"
              : String.format(
                  Locale.ROOT, "goal %,.0f: %s", p.target(), p.meetsTarget() ? "met" : "NOT met"));
    }
    progress.say("report written to %s and %s", md, md.resolveSibling("benchmarks-gateway.json"));
  }

  private GatewayBenchReport.Phase measure(
      String name, String scenario, double target, Supplier<LoadPhase> factory) throws Exception {
    progress.say("%s: starting %s", name, scenario);
    LoadPhase load = factory.get();
    load.start();
    try {
      progress.say("%s: warming up for %d s", name, o.warmUp().toSeconds());
      Thread.sleep(o.warmUp().toMillis());
      JfrProfile profile = null;
      if (o.profile()) {
        long pid = cost.sample().get("gateway").pid();
        if (pid > 0) {
          Path file = o.stateDir().resolve("bench").resolve(slug(name) + ".jfr");
          Files.createDirectories(file.getParent());
          profile = new JfrProfile(pid, file);
          profile.start();
        } else {
          notes.add(name + ": the gateway PID is unknown, so no JFR profile was recorded");
        }
      }
      Map<String, ProcessCost.Reading> before = cost.sample();
      GatewayStatsProbe.Counts countsBefore = counters.read(load.protocol());
      long ackedBefore = load.acknowledged();
      long t0 = System.nanoTime();
      long end = t0 + o.duration().toNanos();
      while (System.nanoTime() < end) {
        Thread.sleep(Math.min(5_000, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
        double soFar = (System.nanoTime() - t0) / 1e9;
        progress.say(
            "%s: %,.0f %s/s so far (%.0f of %d s)",
            name,
            (load.acknowledged() - ackedBefore) / soFar,
            load.unit(),
            soFar,
            o.duration().toSeconds());
      }
      long acked = load.acknowledged() - ackedBefore;
      double seconds = (System.nanoTime() - t0) / 1e9;
      GatewayStatsProbe.Counts counts = counters.read(load.protocol()).minus(countsBefore);
      Map<String, ProcessCost.Reading> after = cost.sample();
      JfrProfile.Summary summary =
          profile == null ? JfrProfile.Summary.empty() : profile.stopAndSummarise();
      Map<String, Double> cpu = new LinkedHashMap<>();
      Map<String, Long> rss = new LinkedHashMap<>();
      Map<String, Long> peak = cost.peakRss();
      for (String c : COMPONENTS) {
        if (after.get(c).pid() > 0) {
          cpu.put(c, (after.get(c).cpuSeconds() - before.get(c).cpuSeconds()) / seconds);
          rss.put(c, peak.getOrDefault(c, 0L) / (1024 * 1024));
        }
      }
      return new GatewayBenchReport.Phase(
          name,
          scenario,
          load.unit(),
          target,
          acked / seconds,
          acked,
          counts.published(),
          counts.dropped(),
          seconds,
          load.failures(),
          cpu,
          rss,
          summary);
    } finally {
      load.stop();
    }
  }

  private static String slug(String name) {
    return "gateway-" + name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
  }
}

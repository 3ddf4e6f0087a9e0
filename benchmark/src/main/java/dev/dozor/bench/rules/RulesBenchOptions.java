package dev.dozor.bench.rules;

import dev.dozor.bench.BenchOptions.UsageException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Options of {@code bin/dozor bench rules}. bin/dozor runs it in phases: {@code engine}
 * (throughput, heap and accuracy, in-process, no servers), {@code prepare} (the bench topics),
 * {@code latency} (against the packaged rules-service it started; writes the report) and {@code
 * cleanup} (the bench topics).
 *
 * @param phase engine, prepare, latency or cleanup
 * @param vehicles vehicles in state (throughput, heap) and of the latency fleet
 * @param batch points per {@code process} call
 * @param throughputSets regulation sets JMH measures: all, none or comma-free ids (SPD-001)
 * @param warmupIterations JMH warm-up iterations
 * @param measureIterations JMH measured iterations
 * @param iterationSeconds seconds per JMH iteration
 * @param jmhJvmArgs JVM options of the JMH fork
 * @param heapMinutes fix time fed before the heap is measured
 * @param heapOffenderShare share of breaching vehicles in the heap run
 * @param offenderShare share of breaching vehicles in the throughput and latency fleets
 * @param accuracyVehicles simulated vehicles of the accuracy run
 * @param accuracyShiftHours their shift
 * @param faultRate every fault's rate per eligible vehicle-hour
 * @param latencyRate points/s of the latency run (0: half the service's measured capacity)
 * @param capacityPoints backlog whose drain measures the service's capacity (latency rate 0)
 * @param latencySeconds production time of the latency run
 * @param latencyWarmUpSeconds first seconds not counted
 * @param drainWaitSeconds longest wait for the service to commit everything after production
 * @param quick the smoke-run sizes
 * @param latencyOnly only the latency phase, merged into the report in docs/ (bin/dozor skips the
 *     in-process phases)
 */
public record RulesBenchOptions(
    String phase,
    URI rules,
    String kafka,
    String telemetryTopic,
    String violationsTopic,
    String serviceGroup,
    Path stateDir,
    Path docsDir,
    Path sharedData,
    int vehicles,
    int batch,
    List<String> throughputSets,
    int warmupIterations,
    int measureIterations,
    int iterationSeconds,
    List<String> jmhJvmArgs,
    double heapMinutes,
    double heapOffenderShare,
    double offenderShare,
    int accuracyVehicles,
    int accuracyShiftHours,
    double faultRate,
    double latencyRate,
    long capacityPoints,
    int latencySeconds,
    int latencyWarmUpSeconds,
    int drainWaitSeconds,
    boolean quick,
    boolean latencyOnly) {

  public static final String USAGE =
      """
      usage: bin/dozor bench rules [options]
        --vehicles 20000          vehicles in state (throughput, heap) and of the latency fleet
        --batch 500               points per RuleEngine.process call (distinct vehicles)
        --sets all,SPD-001,none   regulation sets JMH measures (all = regulations/index.txt;
                                  none = the engine framework alone); the first must be all
        --iterations 3x5x10       JMH warm-up × measured iterations × seconds each
        --jvm-args "-Xmx3g -Xms3g" JVM options of the JMH fork
        --heap-minutes 20         fix time fed before the heap is measured (a full breach cycle)
        --accuracy-vehicles 60    simulated vehicles of the precision/recall run (all types)
        --accuracy-shift 4        their shift, hours
        --fault-rate 1            every fault's rate per eligible vehicle-hour
        --latency-rate 0          points/s of the latency run (0: half the packaged service's
                                  capacity, measured first by draining a backlog)
        --capacity-points 600000  that backlog, points (size it to take a minute)
        --latency-seconds 120     production time of the latency run
        --latency-warmup 30       its first seconds, not counted (the service settles after the
                                  capacity backlog; their latencies are reported apart)
        --latency-only            only the latency phase; its figures replace those of the
                                  report in docs/ (the in-process figures stay as they are)
        --quick                   smoke run: 2,000 vehicles, 1x2x2 s JMH, 5 min heap, 10 vehicles
                                  for 1 h, 30 s of latency
      """;

  public static RulesBenchOptions parse(String[] args) {
    boolean quick = List.of(args).contains("--quick");
    boolean latencyOnly = List.of(args).contains("--latency-only");
    String phase = "engine";
    URI rules = URI.create("http://127.0.0.1:18082");
    String kafka = "127.0.0.1:59092";
    String telemetryTopic = "dozor.bench.rules.telemetry.v1";
    String violationsTopic = "dozor.bench.rules.violations.v1";
    String serviceGroup = "dozor-rules-bench";
    Path stateDir = Path.of(".dozor");
    Path docsDir = Path.of("docs");
    Path sharedData = Path.of("../shared/data");
    int vehicles = quick ? 2_000 : 20_000;
    int batch = 500;
    List<String> sets = List.of(EngineSetup.ALL, "SPD-001", EngineSetup.NONE);
    int[] iterations = quick ? new int[] {1, 2, 2} : new int[] {3, 5, 10};
    List<String> jvmArgs = List.of("-Xmx3g", "-Xms3g");
    double heapMinutes = quick ? 5 : 20;
    int accuracyVehicles = quick ? 10 : 60;
    int accuracyShift = quick ? 1 : 4;
    double faultRate = 1;
    double latencyRate = 0;
    long capacityPoints = quick ? 20_000 : 600_000;
    int latencySeconds = quick ? 30 : 120;
    int latencyWarmUp = -1;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--quick") || a.equals("--latency-only")) {
        continue;
      }
      if (a.equals("--help") || a.equals("-h")) {
        throw new UsageException(USAGE);
      }
      if (i + 1 >= args.length) {
        throw new UsageException("option " + a + " needs a value\n" + USAGE);
      }
      String v = args[++i];
      try {
        switch (a) {
          case "--phase" -> phase = v;
          case "--rules" -> rules = URI.create(v);
          case "--kafka" -> kafka = v;
          case "--telemetry-topic" -> telemetryTopic = v;
          case "--violations-topic" -> violationsTopic = v;
          case "--service-group" -> serviceGroup = v;
          case "--state-dir" -> stateDir = Path.of(v);
          case "--root" -> docsDir = Path.of(v).resolve("docs");
          case "--shared-data" -> sharedData = Path.of(v);
          case "--vehicles" -> vehicles = (int) positive(a, v);
          case "--batch" -> batch = (int) positive(a, v);
          case "--sets" -> sets = sets(v);
          case "--iterations" -> iterations = iterations(v);
          case "--jvm-args" -> jvmArgs = List.of(v.trim().split("\\s+"));
          case "--heap-minutes" -> heapMinutes = positive(a, v);
          case "--accuracy-vehicles" -> accuracyVehicles = (int) positive(a, v);
          case "--accuracy-shift" -> accuracyShift = (int) positive(a, v);
          case "--fault-rate" -> faultRate = Double.parseDouble(v);
          case "--latency-rate" -> latencyRate = Double.parseDouble(v);
          case "--latency-seconds" -> latencySeconds = (int) positive(a, v);
          case "--latency-warmup" -> latencyWarmUp = (int) positive(a, v);
          case "--capacity-points" -> capacityPoints = (long) positive(a, v);
          default -> throw new UsageException("unknown option " + a + "\n" + USAGE);
        }
      } catch (RuntimeException e) {
        if (e instanceof UsageException u) {
          throw u;
        }
        throw new UsageException("bad value for " + a + ": " + v + " (" + e.getMessage() + ")");
      }
    }
    if (!List.of("engine", "prepare", "latency", "cleanup").contains(phase)) {
      throw new UsageException("--phase must be engine, prepare, latency or cleanup, got " + phase);
    }
    if (faultRate <= 0 || faultRate > 60) {
      throw new UsageException(
          "--fault-rate must be in (0, 60] per vehicle-hour, got " + faultRate);
    }
    if (latencyRate < 0) {
      throw new UsageException("--latency-rate must be 0 (automatic) or more, got " + latencyRate);
    }
    if (sharedData != null && !Files.isDirectory(sharedData)) {
      sharedData = null;
    }
    return new RulesBenchOptions(
        phase,
        rules,
        kafka,
        telemetryTopic,
        violationsTopic,
        serviceGroup,
        stateDir,
        docsDir,
        sharedData,
        vehicles,
        batch,
        sets,
        iterations[0],
        iterations[1],
        iterations[2],
        jvmArgs,
        heapMinutes,
        1.0,
        0.05,
        accuracyVehicles,
        accuracyShift,
        faultRate,
        latencyRate,
        capacityPoints,
        latencySeconds,
        latencyWarmUp >= 0 ? Math.min(latencyWarmUp, latencySeconds / 2) : latencySeconds / 4,
        quick ? 30 : 120,
        quick,
        latencyOnly);
  }

  /** The sets, {@code all} first (the goal's figure, and the latency rate's basis). */
  static List<String> sets(String value) {
    List<String> out = new ArrayList<>();
    for (String s : value.split(",")) {
      if (!s.isBlank() && !out.contains(s.strip())) {
        out.add(s.strip());
      }
    }
    out.remove(EngineSetup.ALL);
    out.add(0, EngineSetup.ALL);
    return List.copyOf(out);
  }

  /** {@code WxMxS}: warm-up iterations, measured iterations, seconds each. */
  static int[] iterations(String value) {
    String[] p = value.toLowerCase(java.util.Locale.ROOT).split("x");
    if (p.length != 3) {
      throw new UsageException("--iterations must be WxMxS, e.g. 3x5x10, got " + value);
    }
    int[] out = new int[3];
    for (int i = 0; i < 3; i++) {
      out[i] = Integer.parseInt(p[i].trim());
      if (out[i] < (i == 0 ? 0 : 1)) {
        throw new UsageException("--iterations must be WxMxS with M, S >= 1, got " + value);
      }
    }
    return out;
  }

  private static double positive(String option, String value) {
    double n = Double.parseDouble(value);
    if (!(n > 0)) {
      throw new UsageException(option + " must be positive, got " + value);
    }
    return n;
  }
}

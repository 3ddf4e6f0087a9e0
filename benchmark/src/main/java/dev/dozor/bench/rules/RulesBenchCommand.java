package dev.dozor.bench.rules;

import dev.dozor.bench.BenchException;
import dev.dozor.bench.BenchOptions.UsageException;
import dev.dozor.bench.Progress;
import dev.dozor.bench.proc.MachineInfo;
import dev.dozor.events.JsonSerde;
import dev.dozor.rules.regulation.RegulationCatalogue;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * {@code bin/dozor bench rules}: the rules engine's throughput per core (JMH) and heap with 20,000
 * vehicles in state, precision and recall per regulation on the simulator's injected faults, and
 * the packaged rules-service's violation latency at half load (issue 6, "Performance").
 */
public final class RulesBenchCommand {
  /** slf4j-simple's level of Drools' loggers (it warns about DRL folder names at every compile). */
  static final String DROOLS_LOG_LEVEL = "org.slf4j.simpleLogger.log.org.drools";

  private final RulesBenchOptions o;
  private final Progress progress;

  private RulesBenchCommand(RulesBenchOptions o, Progress progress) {
    this.o = o;
    this.progress = progress;
  }

  public static int run(String[] args, PrintStream out) {
    System.setProperty(DROOLS_LOG_LEVEL, "error");
    RulesBenchOptions options;
    try {
      options = RulesBenchOptions.parse(args);
    } catch (UsageException e) {
      System.err.println(e.getMessage());
      return 2;
    }
    try {
      RulesBenchCommand c = new RulesBenchCommand(options, new Progress(out, "bench"));
      switch (options.phase()) {
        case "engine" -> c.engine();
        case "prepare" -> new ViolationLatency(options, c.progress).prepareTopics();
        case "cleanup" -> new ViolationLatency(options, c.progress).deleteTopics();
        default -> c.latency();
      }
      return 0;
    } catch (BenchException e) {
      System.err.println("error: " + e.getMessage());
      return 1;
    } catch (Exception e) {
      LoggerFactory.getLogger(RulesBenchCommand.class).error("rules benchmark failed", e);
      return 1;
    }
  }

  private Path engineState() {
    return o.stateDir().resolve("bench").resolve("rules-engine.json");
  }

  /** Heap first (a fresh JVM), then accuracy, then the JMH forks; stored for the latency phase. */
  private void engine() throws Exception {
    long started = System.nanoTime();
    List<String> notes = new ArrayList<>();
    String loadBefore = loadAverage();
    RulesGeography geo = RulesGeography.load(o.sharedData(), 42);
    if (o.sharedData() == null) {
      notes.add(
          "no shared data folder: roads and districts are the simulator's generated grid; set"
              + " DOZOR_SHARED_DATA for the Moscow districts and SVAO roads");
    }
    String catalogue = EngineSetup.ids(RegulationCatalogue.fromClasspath());
    progress.say("catalogue: %s; geography: %s", catalogue, geo.source());
    HeapProbe.Result heap = HeapProbe.run(o, progress);
    FaultAccuracy.Result accuracy = FaultAccuracy.run(o, progress);
    EngineThroughput jmh = new EngineThroughput(o, progress);
    List<EngineThroughput.Row> rows = jmh.engine();
    double generator = jmh.generator();
    notes.add(
        "load average of the machine (1, 5, 15 min) before the in-process phases: "
            + loadBefore
            + "; after them: "
            + loadAverage()
            + " (other work on the same cores lowers every figure)");
    MachineInfo machine = MachineInfo.detect();
    RulesBenchReport report =
        new RulesBenchReport(
            Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
            machine.summary() + "; engine JVM (heap, accuracy, JMH forks): " + machine.jvmSummary(),
            "bin/dozor bench rules" + (o.quick() ? " --quick" : ""),
            catalogue,
            geo.source(),
            rows,
            generator,
            heap,
            accuracy,
            null,
            notes);
    Files.createDirectories(engineState().getParent());
    Files.writeString(engineState(), JsonSerde.mapper().writeValueAsString(report));
    progress.say("in-process phases done in %.1f min", (System.nanoTime() - started) / 60e9);
  }

  /** The report in docs/ (--latency-only: its in-process figures are kept). */
  private RulesBenchReport readPublishedReport() throws IOException {
    Path json = o.docsDir().resolve("benchmarks-rules.json");
    if (!Files.isRegularFile(json)) {
      throw new BenchException(
          json
              + " is missing: --latency-only updates an existing report; run bin/dozor bench rules");
    }
    return JsonSerde.mapper().readValue(Files.readString(json), RulesBenchReport.class);
  }

  private RulesBenchReport readEngineState() throws IOException {
    if (!Files.isRegularFile(engineState())) {
      throw new BenchException(
          "the in-process phases have not run ("
              + engineState()
              + " is missing): run the benchmark through bin/dozor bench rules");
    }
    return JsonSerde.mapper().readValue(Files.readString(engineState()), RulesBenchReport.class);
  }

  private void latency() throws Exception {
    RulesBenchReport engine = o.latencyOnly() ? readPublishedReport() : readEngineState();
    String loadBefore = loadAverage();
    ViolationLatency.Result latency = new ViolationLatency(o, progress).measure(o.latencyRate());
    List<String> notes = new ArrayList<>();
    notes.add(
        "latency: load average (1, 5, 15 min) before: "
            + loadBefore
            + "; after: "
            + loadAverage()
            + ". The service, Kafka and the load generator share the machine's cores.");
    notes.add(
        "latency: the service reads the registry from dozor.registry.v1 (not configurable), so"
            + " the bench's vehicles have no registry entry, assignment or geography there unless"
            + " the demo's registry holds some: its per-point work is lighter than in the JMH"
            + " rows.");
    if (o.latencyOnly()) {
      notes.add(
          "latency: measured alone on "
              + java.time.LocalDate.now(java.time.ZoneOffset.UTC)
              + " (bin/dozor bench rules --latency-only); the in-process figures above are from"
              + " the run of "
              + engine.date()
              + ".");
    }
    RulesBenchReport report = engine.withLatency(latency, notes);
    Path md = report.write(o.docsDir());
    progress.say("report written to %s and %s", md, md.resolveSibling("benchmarks-rules.json"));
  }

  private static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }
}

package dev.dozor.bench.rules;

import dev.dozor.bench.accuracy.AccuracyScore;
import dev.dozor.bench.report.ReportFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The result of {@code bin/dozor bench rules}, written as {@code docs/benchmarks-rules.md} and
 * {@code docs/benchmarks-rules.json}. The engine phase stores it without latency; the latency phase
 * completes and writes it.
 *
 * @param catalogue the regulation ids of the class-path catalogue measured
 * @param geography where roads, districts and zones came from
 * @param throughput JMH rows, the full catalogue first
 * @param generatorPerS the workload generator alone, points/s (inside every row's time)
 * @param heap the heap probe
 * @param accuracy precision and recall
 * @param latency the packaged service's violation latency, or null before that phase
 */
record RulesBenchReport(
    String date,
    String machine,
    String command,
    String catalogue,
    String geography,
    List<EngineThroughput.Row> throughput,
    double generatorPerS,
    HeapProbe.Result heap,
    FaultAccuracy.Result accuracy,
    ViolationLatency.Result latency,
    List<String> notes) {

  static final double THROUGHPUT_GOAL_PER_S = 100_000;
  static final double HEAP_GOAL_MB = 1024;
  static final double LATENCY_GOAL_P99_MS = 100;

  /** How the notes of the latency phase start. */
  static final String LATENCY_NOTE = "latency: ";

  /** This report with the latency figures and notes of a (new) latency run, replacing any old. */
  RulesBenchReport withLatency(ViolationLatency.Result l, List<String> more) {
    List<String> all = new java.util.ArrayList<>(notes);
    all.removeIf(n -> n.startsWith(LATENCY_NOTE));
    all.addAll(more);
    return new RulesBenchReport(
        date,
        machine,
        command,
        catalogue,
        geography,
        throughput,
        generatorPerS,
        heap,
        accuracy,
        l,
        all);
  }

  /** The full catalogue's row (the first), or null. */
  EngineThroughput.Row full() {
    return throughput.isEmpty() ? null : throughput.get(0);
  }

  Path write(Path docs) throws IOException {
    return ReportFiles.write(docs, "benchmarks-rules", this, markdown());
  }

  static String share(Double v) {
    return v == null ? "—" : String.format(Locale.ROOT, "%.2f", v);
  }

  String markdown() {
    StringBuilder b = new StringBuilder();
    b.append("# Rules-service benchmark\n\n")
        .append("Written by `")
        .append(command)
        .append("` on ")
        .append(date)
        .append(". Machine: ")
        .append(machine)
        .append(".\n\n")
        .append("Catalogue measured (`regulations/index.txt` at packaging time): ")
        .append(catalogue)
        .append(". Geography: ")
        .append(geography)
        .append(".\n\n");
    goals(b);
    throughputSection(b);
    heapSection(b);
    latencySection(b);
    accuracySection(b);
    if (!notes.isEmpty()) {
      b.append("\n## Notes\n\n");
      notes.forEach(n -> b.append("- ").append(n).append('\n'));
    }
    return b.toString();
  }

  private void goals(StringBuilder b) {
    b.append("## Goals\n\n| measurement | figure | goal | met |\n|---|---|---|---|\n");
    EngineThroughput.Row f = full();
    b.append(
        f == null
            ? "| throughput, full catalogue | not measured | ≥ 100,000 points/s per core | no |\n"
            : String.format(
                Locale.ROOT,
                "| throughput, full catalogue, %,d vehicles in state | %,.0f points/s per core |"
                    + " ≥ %,.0f points/s per core | %s |%n",
                f.vehicles(),
                f.pointsPerS(),
                THROUGHPUT_GOAL_PER_S,
                yes(f.pointsPerS() >= THROUGHPUT_GOAL_PER_S)));
    b.append(
        heap == null
            ? "| heap at 20,000 vehicles | not measured | ≤ 1 GB | no |\n"
            : String.format(
                Locale.ROOT,
                "| heap retained by %,d vehicles' state | %,.0f MB | ≤ %,.0f MB | %s |%n",
                heap.vehiclesInState(),
                heap.retainedMb(),
                HEAP_GOAL_MB,
                yes(heap.retainedMb() <= HEAP_GOAL_MB)));
    boolean latencyOk = latency != null && latency.ms().p99() != null && !latency.ms().fewSamples();
    b.append(
        String.format(
            Locale.ROOT,
            "| violation latency (point on Kafka → violation on Kafka) | %s | p99 ≤ %,.0f ms at"
                + " 50 %% load | %s |%n",
            latencyOk
                ? String.format(
                    Locale.ROOT,
                    "p99 %,.0f ms at %,.0f points/s",
                    latency.ms().p99(),
                    latency.producedPerS())
                : "not measured",
            LATENCY_GOAL_P99_MS,
            yes(latencyOk && latency.ms().p99() <= LATENCY_GOAL_P99_MS)));
  }

  private static String yes(boolean v) {
    return v ? "yes" : "no";
  }

  private void throughputSection(StringBuilder b) {
    b.append("\n## Throughput (JMH)\n\n");
    if (throughput.isEmpty()) {
      b.append("Not measured.\n");
      return;
    }
    EngineThroughput.Row f = full();
    b.append(
        String.format(
            Locale.ROOT,
            "One thread calls `RuleEngine.process` with batches of %d points of distinct"
                + " vehicles, taken in fix-time order from a fleet of %,d vehicles already in"
                + " state (3 fixes each before measuring), fixes 5–15 s apart, driving shuttle"
                + " routes on the roads with their implements (ploughs, sweepers, spreaders,"
                + " refuse trucks, flushers), 5 %% of them breaching a regulation in every 20-minute"
                + " cycle; every vehicle has a registry entry (home district, depot) and an"
                + " assignment of its route's segments. JMH forks one JVM per row (warm-up and"
                + " measured iterations in the JMH log under .dozor/logs). Each batch is generated"
                + " before its call, outside the timed part (JMH's per-invocation setup): the"
                + " generator alone makes %,.0f points/s (%.2f µs a point, not included below)."
                + " JIT and GC threads may use the second core.%n%n",
            f.batch(),
            f.vehicles(),
            generatorPerS,
            generatorPerS > 0 ? 1e6 / generatorPerS : Double.NaN));
    b.append(
        "| regulations | ids | batches/s | points/s per core | µs a point |\n"
            + "|---|---|---:|---:|---:|\n");
    for (EngineThroughput.Row r : throughput) {
      b.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %,.1f ± %,.1f | %,.0f | %.2f |%n",
              r.regulations(),
              r.catalogue(),
              r.opsPerS(),
              r.opsError(),
              r.pointsPerS(),
              r.microsPerPoint()));
    }
    b.append(
        "\n`none` is the engine framework alone (partition sessions, point enrichment with its"
            + " place look-ups, episode lifecycle), so the difference to `all` is what the"
            + " regulations' rules cost.\n");
  }

  private void heapSection(StringBuilder b) {
    b.append("\n## Heap\n\n");
    if (heap == null) {
      b.append("Not measured.\n");
      return;
    }
    b.append(
        String.format(
            Locale.ROOT,
            "The engine over the full catalogue and the registry is built, the heap measured after"
                + " full GCs (%,.0f MB), then %,d vehicles (%.0f %% of them breaching a regulation"
                + " in every 20-minute cycle) are fed %.0f min of fix time (%,d points) and the heap"
                + " measured again after full GCs (%,.0f MB). The difference is the vehicles'"
                + " state.%n%n",
            heap.emptyEngineMb(),
            heap.vehicles(),
            heap.offenderShare() * 100,
            heap.feedMinutes(),
            heap.points(),
            heap.loadedMb()));
    b.append("| figure | value |\n|---|---:|\n");
    row(b, "vehicles with state", String.format(Locale.ROOT, "%,d", heap.vehiclesInState()));
    row(b, "retained heap", String.format(Locale.ROOT, "%,.0f MB", heap.retainedMb()));
    row(b, "per vehicle", String.format(Locale.ROOT, "%,.0f bytes", heap.bytesPerVehicle()));
    row(b, "facts in all sessions", String.format(Locale.ROOT, "%,d", heap.facts()));
    row(
        b,
        "episodes open when measured",
        heap.openTotal() + (heap.openEpisodes().isEmpty() ? "" : " " + heap.openEpisodes()));
  }

  private static void row(StringBuilder b, String k, String v) {
    b.append("| ").append(k).append(" | ").append(v).append(" |\n");
  }

  private void latencySection(StringBuilder b) {
    b.append("\n## Violation latency (packaged rules-service)\n\n");
    if (latency == null) {
      b.append("Not measured.\n");
      return;
    }
    if (!latency.note().isEmpty()) {
      b.append("Not measured: ").append(latency.note()).append('\n');
      return;
    }
    b.append(
        String.format(
            Locale.ROOT,
            "The packaged rules-service alone (gateway, telemetry and dispatch stopped) reads a"
                + " telemetry topic of the bench's own (12 partitions) and writes violations to"
                + " another; both topics use broker append time, so a latency is the violation"
                + " record's append time minus the append time of the point that triggered it"
                + " (the violation's vehicle and event time). The fleet (%,d vehicles) was"
                + " produced at %,.0f points/s (asked %,.0f: %s) for %.0f s; the first %.0f s are"
                + " warm-up and not counted: the service settles there after the capacity"
                + " backlog (a full heap, then a mixed collection). Their latencies are in the"
                + " table apart.%n%n",
            latency.vehicles(),
            latency.producedPerS(),
            latency.targetPerS(),
            latency.rateBasis(),
            latency.seconds(),
            latency.warmUpS()));
    b.append("| figure | value |\n|---|---:|\n");
    row(
        b,
        "the service's capacity (backlog drained)",
        Double.isNaN(latency.capacityPerS())
            ? "not measured (rate given)"
            : String.format(Locale.ROOT, "%,.0f points/s", latency.capacityPerS()));
    row(b, "points produced", String.format(Locale.ROOT, "%,d", latency.produced()));
    row(b, "violation events read", String.format(Locale.ROOT, "%,d", latency.violations()));
    row(
        b,
        "matched to their point, after warm-up",
        String.format(Locale.ROOT, "%,d", latency.matched()));
    row(
        b,
        "not matched (deadline/clock events)",
        String.format(Locale.ROOT, "%,d", latency.unmatched()));
    row(b, "p50", ms(latency.ms().p50()));
    row(b, "p95", ms(latency.ms().p95()));
    row(b, "p99", ms(latency.ms().p99()));
    row(b, "max", ms(latency.ms().max()));
    row(
        b,
        "during the warm-up (not counted): matched, p50 / p99",
        latency.warmUpMs() == null || latency.warmUpMs().count() == 0
            ? "none"
            : String.format(
                Locale.ROOT,
                "%,d, %s / %s",
                latency.warmUpMs().count(),
                ms(latency.warmUpMs().p50()),
                ms(latency.warmUpMs().p99())));
    row(
        b,
        "uncommitted points when production stopped",
        String.format(Locale.ROOT, "%,d", latency.lagAtEnd()));
    row(
        b,
        "all committed after",
        latency.drainS() < 0
            ? "not within the wait"
            : String.format(Locale.ROOT, "%.1f s", latency.drainS()));
    if (latency.ms().fewSamples()) {
      b.append("\nFewer than ")
          .append(dev.dozor.bench.stats.Percentiles.FEW_SAMPLES)
          .append(" matched events: the p99 is not meaningful.\n");
    }
  }

  private static String ms(Double v) {
    return v == null ? "—" : String.format(Locale.ROOT, "%,.0f ms", v);
  }

  private void accuracySection(StringBuilder b) {
    b.append("\n## Precision and recall per regulation (simulated faults)\n\n");
    if (accuracy == null) {
      b.append("Not measured.\n");
      return;
    }
    b.append(
        String.format(
            Locale.ROOT,
            "The simulator's fleet (%d vehicles of every type on %s, 5 s fixes) ran in-process for"
                + " %.1f h of fix time with every fault it injects at %s per eligible vehicle-hour;"
                + " its %,d fixes went to an in-process engine (class-path catalogue) in 30 s"
                + " steps as the simulator delivers them (offline uploads late and shuffled,"
                + " duplicates). A raised episode is a true positive when it overlaps an injected"
                + " one of the same vehicle and regulation (a window rule may open after the"
                + " truth's start); an injected one is recalled when some raised one overlaps"
                + " it.%n%n",
            accuracy.vehicles(),
            accuracy.roads(),
            accuracy.hours(),
            accuracy.faultsPerHour().values().stream().findFirst().orElse(0.0),
            accuracy.points()));
    b.append(
        "| regulation | injected | raised | TP | FP | FN | precision | recall | note |\n"
            + "|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
    for (AccuracyScore s : accuracy.scores()) {
      b.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %d | %d | %d | %d | %s | %s | %s |%n",
              s.regulationId(),
              s.injected(),
              s.raised(),
              s.truePositives(),
              s.raised() - s.truePositives(),
              s.injected() - s.recalled(),
              share(s.precision()),
              share(s.recall()),
              s.note()));
    }
  }
}

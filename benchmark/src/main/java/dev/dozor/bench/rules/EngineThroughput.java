package dev.dozor.bench.rules;

import dev.dozor.bench.BenchException;
import dev.dozor.bench.Progress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Phase 1: runs {@link EngineBenchmark} through JMH for each regulation set (the full catalogue
 * first, then the breakdown) and {@link GeneratorBenchmark} once, each in a forked JVM; JMH's own
 * output goes to a log file, the progress lines say what runs.
 */
final class EngineThroughput {
  /**
   * One JMH result.
   *
   * @param regulations the set: all, none or ids
   * @param catalogue the regulation ids it held
   * @param opsPerS batches per second (JMH score)
   * @param opsError JMH's 99.9 % confidence half-width of the score
   * @param pointsPerS points per second on one thread (score × batch)
   * @param microsPerPoint 1e6 / pointsPerS
   */
  record Row(
      String regulations,
      String catalogue,
      int vehicles,
      int batch,
      double opsPerS,
      double opsError,
      double pointsPerS,
      double microsPerPoint) {}

  private final RulesBenchOptions o;
  private final Progress progress;

  EngineThroughput(RulesBenchOptions o, Progress progress) {
    this.o = o;
    this.progress = progress;
  }

  List<Row> engine() {
    List<Row> rows = new ArrayList<>();
    for (String set : o.throughputSets()) {
      String catalogue =
          EngineSetup.NONE.equals(set) ? "—" : EngineSetup.ids(EngineSetup.catalogue(set));
      progress.say(
          "throughput: JMH, regulations %s (%s), %,d vehicles in state, %d-point batches,"
              + " %d×%d s warm-up + %d×%d s measured",
          set,
          catalogue,
          o.vehicles(),
          o.batch(),
          o.warmupIterations(),
          o.iterationSeconds(),
          o.measureIterations(),
          o.iterationSeconds());
      RunResult r =
          runOne(
              EngineBenchmark.class.getName() + ".process",
              base().param("regulations", set).param("warmFixes", "3"),
              set);
      double ops = r.getPrimaryResult().getScore();
      double err = r.getPrimaryResult().getScoreError();
      Row row =
          new Row(
              set,
              catalogue,
              o.vehicles(),
              o.batch(),
              ops,
              Double.isNaN(err) ? 0 : err,
              ops * o.batch(),
              1e6 / (ops * o.batch()));
      progress.say(
          "throughput: %s: %,.0f points/s per core (%.1f µs a point)",
          set, row.pointsPerS(), row.microsPerPoint());
      rows.add(row);
    }
    return rows;
  }

  /** Points per second the generator alone produces (outside the timed part of every row). */
  double generator() {
    progress.say("throughput: JMH, the workload generator alone");
    RunResult r = runOne(GeneratorBenchmark.class.getName() + ".generate", base(), "generator");
    double pointsPerS = r.getPrimaryResult().getScore() * o.batch();
    progress.say("throughput: generator alone: %,.0f points/s", pointsPerS);
    return pointsPerS;
  }

  private ChainedOptionsBuilder base() {
    return new OptionsBuilder()
        .forks(1)
        .threads(1)
        .warmupIterations(o.warmupIterations())
        .warmupTime(TimeValue.seconds(o.iterationSeconds()))
        .measurementIterations(o.measureIterations())
        .measurementTime(TimeValue.seconds(o.iterationSeconds()))
        .timeUnit(TimeUnit.SECONDS)
        .jvmArgsAppend(forkArgs().toArray(String[]::new))
        .param("vehicles", Integer.toString(o.vehicles()))
        .param("batch", Integer.toString(o.batch()))
        .param("sharedData", o.sharedData() == null ? "" : o.sharedData().toString())
        .verbosity(VerboseMode.NORMAL);
  }

  /** The user's JVM options, plus quiet logging (Drools warns about DRL folders at WARN/INFO). */
  private List<String> forkArgs() {
    List<String> args = new ArrayList<>(o.jmhJvmArgs());
    args.add("-D" + RulesBenchCommand.DROOLS_LOG_LEVEL + "=error");
    args.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
    return args;
  }

  /** JMH's own output of one run (it writes the whole file per run). */
  Path jmhLog(String label) {
    return o.stateDir()
        .resolve("logs")
        .resolve("bench-rules-jmh-" + label.replaceAll("[^A-Za-z0-9-]", "_") + ".log");
  }

  private RunResult runOne(String include, ChainedOptionsBuilder options, String label) {
    Path log = jmhLog(label);
    try {
      java.nio.file.Files.createDirectories(log.getParent());
      Collection<RunResult> results =
          new Runner(
                  options
                      .include("^" + include.replace(".", "\\.") + "$")
                      .output(log.toString())
                      .build())
              .run();
      if (results.isEmpty()) {
        throw new BenchException("JMH ran nothing for " + include + "; see " + log);
      }
      return results.iterator().next();
    } catch (RunnerException | java.io.IOException e) {
      throw new BenchException(
          "JMH failed for " + include + ": " + e.getMessage() + " (see " + log + ")", e);
    }
  }
}

package dev.dozor.bench.rules;

import dev.dozor.events.TelemetryPoint;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * JMH: one thread calling {@code RuleEngine.process} with batches of {@link #batch} points of
 * distinct vehicles from a fleet of {@link #vehicles} already in state. One operation is one batch,
 * so points/s = ops/s × batch. Each batch is generated before its call, outside the timed part
 * ({@link Level#Invocation}: a call takes milliseconds, far above JMH's per-invocation overhead);
 * {@link GeneratorBenchmark} measures the generator alone.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EngineBenchmark {
  /** Vehicles in state. */
  @Param("20000")
  public int vehicles;

  /** Points per {@code process} call. */
  @Param("500")
  public int batch;

  /** {@code all}, {@code none} or a comma-separated list of regulation ids. */
  @Param("all")
  public String regulations;

  /** Share of vehicles breaching a regulation every 20-minute cycle. */
  @Param("0.05")
  public double offenderShare;

  /** Folder laid out like ../shared/data; empty: the generated grid. */
  @Param("")
  public String sharedData;

  /** Fixes per vehicle fed before measuring, so every vehicle has state. */
  @Param("3")
  public double warmFixes;

  private EngineSetup setup;

  // the next call's points, made outside the timed part
  private List<TelemetryPoint> next;

  @Setup(Level.Trial)
  public void setUp() {
    setup =
        EngineSetup.create(
            regulations,
            vehicles,
            offenderShare,
            sharedData.isEmpty() ? null : Path.of(sharedData),
            42);
    setup.feed(warmFixes, batch, events -> {});
  }

  @Setup(Level.Invocation)
  public void nextBatch() {
    next = setup.fleet().nextBatch(batch);
  }

  @Benchmark
  public int process() {
    return setup.engine().process(next).size();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    setup.engine().close();
  }
}

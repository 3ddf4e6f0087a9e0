package dev.dozor.bench.rules;

import java.nio.file.Path;
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
import org.openjdk.jmh.infra.Blackhole;

/** JMH: the workload generator alone, the share of {@link EngineBenchmark}'s time it takes. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class GeneratorBenchmark {
  @Param("20000")
  public int vehicles;

  @Param("500")
  public int batch;

  @Param("")
  public String sharedData;

  private EngineFleet fleet;

  @Setup(Level.Trial)
  public void setUp() {
    RulesGeography geo = RulesGeography.load(sharedData.isEmpty() ? null : Path.of(sharedData), 42);
    fleet = new EngineFleet(geo, vehicles, EngineSetup.START, 0.05, 42);
  }

  @Benchmark
  public void generate(Blackhole bh) {
    bh.consume(fleet.nextBatch(batch));
  }
}

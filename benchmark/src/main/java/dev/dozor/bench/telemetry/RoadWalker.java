package dev.dozor.bench.telemetry;

import dev.dozor.bench.telemetry.Drive.Fix;
import dev.dozor.bench.telemetry.Drive.Pass;
import dev.dozor.bench.telemetry.RoadGraph.Edge;
import dev.dozor.bench.telemetry.RoadGraph.Segment;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Drives one vehicle over the road graph: a random walk over connected segments at 15–40 km/h (a
 * new speed per segment), a fix every {@code fixIntervalS}, and one pass per segment visit with the
 * blade down (the visit's middle decides). Deterministic for a seed.
 */
final class RoadWalker {
  static final double MIN_SPEED_KMH = 15;
  static final double MAX_SPEED_KMH = 40;

  private final RoadGraph graph;
  private final String vehicleId;
  private final Instant start;
  private final Drive.Plan plan;
  private final Drive.Sink sink;
  private final SplittableRandom random;

  private Edge edge;
  private double offsetM;
  private double entryOffsetM;
  private double entrySecond;
  private double speedMs;
  private double odometerKm;

  private RoadWalker(
      RoadGraph graph,
      String vehicleId,
      Instant start,
      long seed,
      Drive.Plan plan,
      Drive.Sink sink) {
    this.graph = graph;
    this.vehicleId = vehicleId;
    this.start = start;
    this.plan = plan;
    this.sink = sink;
    this.random = new SplittableRandom(seed);
    this.edge = new Edge(random.nextInt(graph.size()), random.nextBoolean());
    this.offsetM = random.nextDouble() * graph.segment(edge.segment()).lengthM();
    this.entryOffsetM = offsetM;
    this.speedMs = newSpeed();
    this.odometerKm = 10_000 + random.nextInt(90_000);
  }

  /**
   * Drives {@code fixes} fixes, {@code fixIntervalS} apart, starting at {@code start}; the passes
   * of the visits still open at the end are cut there.
   */
  static void drive(
      RoadGraph graph,
      String vehicleId,
      Instant start,
      int fixes,
      double fixIntervalS,
      long seed,
      Drive.Plan plan,
      Drive.Sink sink) {
    RoadWalker w = new RoadWalker(graph, vehicleId, start, seed, plan, sink);
    w.emit(0);
    for (int k = 1; k < fixes; k++) {
      w.advance((k - 1) * fixIntervalS, k * fixIntervalS);
      w.emit(k * fixIntervalS);
    }
    w.closeVisit(Math.max(0, fixes - 1) * fixIntervalS);
  }

  private void advance(double from, double to) {
    if (plan.stopped((from + to) / 2)) {
      return;
    }
    double t = from;
    while (t < to) {
      Segment s = graph.segment(edge.segment());
      double left = s.lengthM() - offsetM;
      double needed = left / speedMs;
      if (t + needed > to) {
        offsetM += (to - t) * speedMs;
        odometerKm += (to - t) * speedMs / 1000;
        return;
      }
      t += needed;
      offsetM = s.lengthM();
      odometerKm += left / 1000;
      closeVisit(t);
      List<Edge> next = graph.next(edge);
      edge = next.get(random.nextInt(next.size()));
      offsetM = 0;
      entryOffsetM = 0;
      entrySecond = t;
      speedMs = newSpeed();
    }
  }

  private void closeVisit(double second) {
    Segment s = graph.segment(edge.segment());
    double driven = offsetM - entryOffsetM;
    if (driven > 0 && second > entrySecond && plan.ploughDown((entrySecond + second) / 2)) {
      sink.pass(
          new Pass(
              s.id(),
              vehicleId,
              instant(entrySecond),
              instant(second),
              "plough",
              Math.min(1, driven / s.lengthM())));
    }
    entryOffsetM = offsetM;
    entrySecond = second;
  }

  private void emit(double second) {
    Segment s = graph.segment(edge.segment());
    double[] p = s.at(offsetM, edge.forward());
    boolean stopped = plan.stopped(second);
    boolean working = !stopped && plan.ploughDown(second);
    sink.fix(
        new Fix(
            vehicleId,
            instant(second),
            p[0],
            p[1],
            stopped ? 0 : Math.round(speedMs * 3.6 * 10) / 10.0,
            Math.round(p[2] * 10) / 10.0,
            Math.round(odometerKm * 1000) / 1000.0,
            working ? Drive.PLOUGH_DOWN : Drive.PLOUGH_UP,
            s.id()));
  }

  private double newSpeed() {
    return (MIN_SPEED_KMH + random.nextDouble() * (MAX_SPEED_KMH - MIN_SPEED_KMH)) / 3.6;
  }

  private Instant instant(double second) {
    return start.plusMillis(Math.round(second * 1000));
  }
}

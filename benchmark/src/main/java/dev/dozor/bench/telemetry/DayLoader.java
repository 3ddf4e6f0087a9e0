package dev.dozor.bench.telemetry;

import dev.dozor.bench.BenchException;
import dev.dozor.bench.Progress;
import dev.dozor.bench.telemetry.Drive.Fix;
import dev.dozor.bench.telemetry.Drive.Pass;
import dev.dozor.events.SegmentPass;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Loads generated days with COPY: the fleet's drives over the road graph into {@code
 * telemetry.positions}, and the passes they imply into the passes table, on {@code connections}
 * parallel COPY streams (one per worker and table), committed once per worker and day.
 */
final class DayLoader {
  /** The vehicle of the track measurement, driving at 1 Hz every day. */
  static final String TRACK_VEHICLE = "bench-track-01";

  /**
   * What a load stored.
   *
   * @param positions rows copied into telemetry.positions
   * @param passes rows copied into the passes table
   * @param seconds wall time
   */
  record Loaded(long positions, long passes, double seconds) {
    Loaded plus(Loaded o) {
      return new Loaded(positions + o.positions, passes + o.passes, seconds + o.seconds);
    }

    double rowsPerS() {
      return seconds <= 0 ? 0 : (positions + passes) / seconds;
    }
  }

  private final Db db;
  private final RoadGraph graph;
  private final PassTable passes;
  private final int connections;
  private final Progress progress;

  DayLoader(Db db, RoadGraph graph, PassTable passes, int connections, Progress progress) {
    this.db = db;
    this.graph = graph;
    this.passes = passes;
    this.connections = connections;
    this.progress = progress;
  }

  static String fleetVehicleId(int i) {
    return String.format(Locale.ROOT, "bench-cov-%04d", i + 1);
  }

  static long seed(LocalDate day, String vehicleId) {
    return day.toEpochDay() * 1_000_003L + vehicleId.hashCode();
  }

  /** One day: {@code vehicles} fleet vehicles at {@code intervalS}, plus the 1 Hz track vehicle. */
  Loaded load(LocalDate day, int vehicles, int intervalS, boolean withTrack) {
    db.ensurePositionDays(List.of(day));
    try (Connection c = db.open()) {
      passes.ensureDay(c, day);
    } catch (SQLException e) {
      throw new BenchException("cannot reach the database: " + e.getMessage(), e);
    }
    Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
    int fixes = 86_400 / intervalS;
    long expected = (long) vehicles * fixes + (withTrack ? 86_400 : 0);
    AtomicLong done = new AtomicLong();
    long t0 = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(connections);
    try {
      List<Future<Loaded>> parts = new ArrayList<>();
      for (int w = 0; w < connections; w++) {
        int worker = w;
        parts.add(
            pool.submit(
                () -> {
                  return loadPart(day, start, vehicles, intervalS, fixes, withTrack, worker, done);
                }));
      }
      long lastSay = System.nanoTime();
      while (!parts.stream().allMatch(Future::isDone)) {
        Thread.sleep(200);
        if (System.nanoTime() - lastSay > 15e9) {
          lastSay = System.nanoTime();
          double s = (lastSay - t0) / 1e9;
          progress.say(
              "  %s: %,d of %,d positions copied (%.0f%%, %,.0f rows/s)",
              day, done.get(), expected, 100.0 * done.get() / expected, done.get() / s);
        }
      }
      Loaded total = new Loaded(0, 0, 0);
      for (Future<Loaded> f : parts) {
        total = total.plus(f.get());
      }
      return new Loaded(total.positions(), total.passes(), (System.nanoTime() - t0) / 1e9);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BenchException("interrupted while loading " + day, e);
    } catch (java.util.concurrent.ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof BenchException b) {
        throw b;
      }
      throw new BenchException("loading " + day + " failed: " + cause, cause);
    } finally {
      pool.shutdownNow();
    }
  }

  private Loaded loadPart(
      LocalDate day,
      Instant start,
      int vehicles,
      int intervalS,
      int fixes,
      boolean withTrack,
      int worker,
      AtomicLong done) {
    long t0 = System.nanoTime();
    try (Connection pc = db.open();
        Connection sc = db.open();
        CopyStream positions =
            new CopyStream(
                pc,
                "COPY telemetry.positions (" + CopyRows.POSITION_COLUMNS + ") FROM STDIN",
                "positions of " + day);
        CopyStream passRows = new CopyStream(sc, passes.copySql(), "segment passes of " + day)) {
      CopyRows rows = new CopyRows();
      String[] passColumns = passes.columns();
      Drive.Sink sink =
          new Drive.Sink() {
            @Override
            public void fix(Fix fix) {
              rows.position(positions.buffer(), fix);
              positions.rowAdded();
            }

            @Override
            public void pass(Pass p) {
              String id = SegmentPass.passId(p.segmentId(), p.vehicleId(), p.startedAt());
              CopyRows.pass(passRows.buffer(), p, id, PassTable.SOURCE, passColumns);
              passRows.rowAdded();
            }
          };
      if (withTrack && worker == 0) {
        RoadWalker.drive(
            graph, TRACK_VEHICLE, start, 86_400, 1, seed(day, TRACK_VEHICLE), Plans.track(), sink);
        done.addAndGet(86_400);
      }
      for (int v = worker; v < vehicles; v += connections) {
        String id = fleetVehicleId(v);
        // each vehicle's fixes are offset by a few seconds, so the fleet is not in lock-step
        Instant first = start.plusMillis(Math.floorMod(seed(day, id), intervalS * 1000L));
        long seed = seed(day, id);
        RoadWalker.drive(graph, id, first, fixes, intervalS, seed, Plans.fleet(seed), sink);
        done.addAndGet(fixes);
      }
      long p = positions.finish();
      long s = passRows.finish();
      return new Loaded(p, s, (System.nanoTime() - t0) / 1e9);
    } catch (SQLException e) {
      throw new BenchException("loading " + day + " failed: " + e.getMessage(), e);
    }
  }
}

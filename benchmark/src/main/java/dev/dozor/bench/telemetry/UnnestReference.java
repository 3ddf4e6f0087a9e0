package dev.dozor.bench.telemetry;

import dev.dozor.bench.BenchException;
import dev.dozor.bench.probe.ScratchPositions;
import dev.dozor.events.JsonSerde;
import dev.dozor.events.TelemetryPoint;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The service's write statement ({@code INSERT … SELECT FROM unnest(arrays) ON CONFLICT DO
 * NOTHING}, as in PositionRepository) timed over JDBC on the same rows as the COPY reference, into
 * a scratch copy of {@code telemetry.positions} in schema {@code bench_unnest} (dropped
 * afterwards): batches of the consumer's size, one transaction per batch, on 1..n connections.
 * Positions only (the service also upserts vehicle_state in the same transaction).
 */
final class UnnestReference {
  static final String SCHEMA = "bench_unnest";

  static final String INSERT =
      "INSERT INTO "
          + SCHEMA
          + ".positions (vehicle_id, fix_time, received_at, geom, speed_kmh, heading_deg,"
          + " odometer_km, equipment, attributes)"
          + " SELECT v, t, r, ST_SetSRID(ST_MakePoint(lon, lat), 4326), s::real, h::real, o,"
          + " e::jsonb, a::jsonb"
          + " FROM unnest(?::text[], ?::timestamptz[], ?::timestamptz[], ?::float8[], ?::float8[],"
          + " ?::float8[], ?::float8[], ?::float8[], ?::text[], ?::text[])"
          + " AS u(v, t, r, lon, lat, s, h, o, e, a)"
          + " ON CONFLICT DO NOTHING";

  /**
   * One run.
   *
   * @param connections parallel connections, each committing its own batches
   * @param batch rows per statement
   */
  record Result(int connections, int batch, long rows, double seconds, double pointsPerS) {}

  private final Db db;

  UnnestReference(Db db) {
    this.db = db;
  }

  /** Inserts the points (generated lazily; {@code days} are the UTC days they fall on). */
  Result run(Iterator<TelemetryPoint> points, TreeSet<LocalDate> days, int batch, int connections) {
    createSchema(days);
    ExecutorService pool = Executors.newFixedThreadPool(connections);
    try {
      Iterator<List<TelemetryPoint>> batches = batches(points, batch);
      long t0 = System.nanoTime();
      List<Future<Long>> parts = new ArrayList<>();
      for (int i = 0; i < connections; i++) {
        parts.add(pool.submit(() -> insertAll(batches)));
      }
      long rows = 0;
      for (Future<Long> f : parts) {
        rows += f.get();
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      return new Result(connections, batch, rows, seconds, rows / seconds);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BenchException("interrupted", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new BenchException("the unnest reference failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
      db.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
    }
  }

  private static Iterator<List<TelemetryPoint>> batches(
      Iterator<TelemetryPoint> points, int batch) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return points.hasNext();
      }

      @Override
      public List<TelemetryPoint> next() {
        List<TelemetryPoint> b = new ArrayList<>(batch);
        while (b.size() < batch && points.hasNext()) {
          b.add(points.next());
        }
        return b;
      }
    };
  }

  private long insertAll(Iterator<List<TelemetryPoint>> batches) throws SQLException {
    long rows = 0;
    try (Connection c = db.open();
        PreparedStatement ps = c.prepareStatement(INSERT)) {
      c.setAutoCommit(false);
      while (true) {
        List<TelemetryPoint> b;
        synchronized (batches) {
          if (!batches.hasNext()) {
            break;
          }
          b = batches.next();
        }
        bind(c, ps, b);
        rows += ps.executeUpdate();
        c.commit();
      }
    }
    return rows;
  }

  private static void bind(Connection c, PreparedStatement ps, List<TelemetryPoint> b)
      throws SQLException {
    int n = b.size();
    String[] v = new String[n];
    String[] t = new String[n];
    String[] r = new String[n];
    Double[] lon = new Double[n];
    Double[] lat = new Double[n];
    Double[] s = new Double[n];
    Double[] h = new Double[n];
    Double[] o = new Double[n];
    String[] e = new String[n];
    String[] a = new String[n];
    for (int i = 0; i < n; i++) {
      TelemetryPoint p = b.get(i);
      v[i] = p.vehicleId();
      t[i] = p.fixTime().toString();
      r[i] = p.receivedAt() == null ? null : p.receivedAt().toString();
      lon[i] = p.lon();
      lat[i] = p.lat();
      s[i] = p.speedKmh();
      h[i] = p.headingDeg();
      o[i] = p.odometerKm();
      e[i] = JsonSerde.toJson(p.equipment());
      a[i] = JsonSerde.toJson(p.attributes());
    }
    Array[] arrays = {
      c.createArrayOf("text", v),
      c.createArrayOf("timestamptz", t),
      c.createArrayOf("timestamptz", r),
      c.createArrayOf("float8", lon),
      c.createArrayOf("float8", lat),
      c.createArrayOf("float8", s),
      c.createArrayOf("float8", h),
      c.createArrayOf("float8", o),
      c.createArrayOf("text", e),
      c.createArrayOf("text", a)
    };
    for (int i = 0; i < arrays.length; i++) {
      ps.setArray(i + 1, arrays[i]);
    }
  }

  private void createSchema(TreeSet<LocalDate> days) {
    db.execute(ScratchPositions.ddl(SCHEMA, days).toArray(String[]::new));
  }
}

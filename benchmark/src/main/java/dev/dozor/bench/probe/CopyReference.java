package dev.dozor.bench.probe;

import dev.dozor.bench.BenchException;
import dev.dozor.events.JsonSerde;
import dev.dozor.events.TelemetryPoint;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.Locale;
import java.util.TreeSet;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.LoggerFactory;

/**
 * The physical reference: raw {@code COPY} (pgjdbc {@link CopyManager}, text format) of position
 * rows into a scratch copy of {@code telemetry.positions} with the same columns, daily range
 * partitions, primary key and GiST index, in schema {@code bench_ref} (dropped afterwards). Only
 * the COPY itself is timed; the rows are rendered beforehand.
 */
public final class CopyReference {
  public static final String SCHEMA = "bench_ref";

  /**
   * Result of the reference.
   *
   * @param rows rows copied
   * @param seconds wall time of the COPY
   * @param pointsPerS rows / seconds
   */
  public record Result(long rows, double seconds, double pointsPerS) {}

  private CopyReference() {}

  /** Renders {@code points} as COPY text rows and copies them, committing once at the end. */
  public static Result run(Connection connection, Iterator<TelemetryPoint> points, int rows) {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream(rows * 200);
    TreeSet<LocalDate> days = new TreeSet<>();
    int n = 0;
    StringBuilder line = new StringBuilder(256);
    while (n < rows && points.hasNext()) {
      TelemetryPoint p = points.next();
      line.setLength(0);
      appendRow(line, p, p.fixTime().plusMillis(500));
      buffer.writeBytes(line.toString().getBytes(StandardCharsets.UTF_8));
      days.add(LocalDate.ofInstant(p.fixTime(), ZoneOffset.UTC));
      n++;
    }
    boolean autoCommit;
    try {
      autoCommit = connection.getAutoCommit();
    } catch (SQLException e) {
      throw new BenchException("COPY reference: " + e.getMessage(), e);
    }
    try {
      createSchema(connection, days);
      connection.setAutoCommit(false);
      CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
      long start = System.nanoTime();
      long copied =
          copy.copyIn(
              "COPY "
                  + SCHEMA
                  + ".positions (vehicle_id, fix_time, received_at, geom, speed_kmh, heading_deg,"
                  + " odometer_km, equipment, attributes) FROM STDIN",
              new ByteArrayInputStream(buffer.toByteArray()));
      connection.commit();
      double seconds = (System.nanoTime() - start) / 1e9;
      return new Result(copied, seconds, copied / seconds);
    } catch (SQLException | IOException e) {
      throw new BenchException("COPY reference failed: " + e.getMessage(), e);
    } finally {
      try {
        connection.rollback();
        connection.setAutoCommit(true);
        try (Statement st = connection.createStatement()) {
          st.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
        connection.setAutoCommit(autoCommit);
      } catch (SQLException e) {
        LoggerFactory.getLogger(CopyReference.class)
            .warn("could not drop the scratch schema {}: {}", SCHEMA, e.getMessage());
      }
    }
  }

  /** One COPY text row: tab-separated, {@code \N} for null, geometry as EWKT. */
  static void appendRow(StringBuilder sb, TelemetryPoint p, Instant receivedAt) {
    sb.append(p.vehicleId()).append('\t');
    sb.append(p.fixTime()).append('\t');
    sb.append(receivedAt).append('\t');
    sb.append(String.format(Locale.ROOT, "SRID=4326;POINT(%.7f %.7f)", p.lon(), p.lat()));
    sb.append('\t').append(p.speedKmh()).append('\t');
    sb.append(p.headingDeg() == null ? "\\N" : p.headingDeg().toString()).append('\t');
    sb.append(p.odometerKm() == null ? "\\N" : p.odometerKm().toString()).append('\t');
    sb.append(p.equipment() == null ? "\\N" : escape(JsonSerde.toJson(p.equipment())));
    sb.append('\t');
    sb.append(
        p.attributes() == null || p.attributes().isEmpty()
            ? "\\N"
            : escape(JsonSerde.toJson(p.attributes())));
    sb.append('\n');
  }

  static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n");
  }

  private static void createSchema(Connection connection, TreeSet<LocalDate> days)
      throws SQLException {
    try (Statement st = connection.createStatement()) {
      for (String sql : ScratchPositions.ddl(SCHEMA, days)) {
        st.execute(sql);
      }
    }
  }
}

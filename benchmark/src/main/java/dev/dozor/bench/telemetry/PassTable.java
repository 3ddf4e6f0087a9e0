package dev.dozor.bench.telemetry;

import dev.dozor.bench.BenchException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where the generated segment passes go: {@code telemetry.segment_passes} of migration V5 (coverage
 * helper), read from the catalogue rather than assumed, so the loader follows the table as it is.
 * When the running service has no such table (a build before V5), a stand-in with the agreed
 * columns is created in the bench database and the report says so. The only class that knows the
 * passes table.
 */
final class PassTable {
  static final String TABLE = "telemetry.segment_passes";

  /** Columns the loader can fill; others must have defaults. */
  static final List<String> KNOWN =
      List.of(
          "pass_id",
          "segment_id",
          "vehicle_id",
          "started_at",
          "ended_at",
          "equipment",
          "covered_fraction",
          "source");

  /** The contract's {@code source} of passes derived from positions, which these are. */
  static final String SOURCE = "telemetry-service";

  private final String[] columns;
  private final String ensureFunction;
  private final boolean partitioned;
  private final boolean standIn;

  private PassTable(String[] columns, String ensureFunction, boolean partitioned, boolean standIn) {
    this.columns = columns;
    this.ensureFunction = ensureFunction;
    this.partitioned = partitioned;
    this.standIn = standIn;
  }

  /** Inspects (or, absent, creates) the passes table. */
  static PassTable prepare(Connection c) {
    try {
      boolean standIn = false;
      if (!exists(c)) {
        createStandIn(c);
        standIn = true;
      }
      List<String> cols = new ArrayList<>();
      List<String> unfillable = new ArrayList<>();
      try (PreparedStatement ps =
          c.prepareStatement(
              "select column_name, is_nullable, column_default from information_schema.columns"
                  + " where table_schema = 'telemetry' and table_name = 'segment_passes'"
                  + " order by ordinal_position")) {
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            String name = rs.getString(1);
            if (KNOWN.contains(name)) {
              cols.add(name);
            } else if ("NO".equals(rs.getString(2)) && rs.getString(3) == null) {
              unfillable.add(name);
            }
          }
        }
      }
      if (!unfillable.isEmpty() || !cols.contains("segment_id") || !cols.contains("started_at")) {
        throw new BenchException(
            TABLE
                + " has required columns the benchmark cannot fill: "
                + unfillable
                + " (it fills "
                + KNOWN
                + "); adapt dev.dozor.bench.telemetry.PassTable");
      }
      String fn = null;
      try (Statement st = c.createStatement();
          ResultSet rs =
              st.executeQuery(
                  "select p.proname from pg_proc p join pg_namespace n on n.oid = p.pronamespace"
                      + " where n.nspname = 'telemetry' and p.proname like 'ensure%pass%partition%'"
                      + " order by p.proname limit 1")) {
        if (rs.next()) {
          fn = rs.getString(1);
        }
      }
      boolean partitioned;
      try (Statement st = c.createStatement();
          ResultSet rs =
              st.executeQuery(
                  "select c.relkind = 'p' from pg_class c join pg_namespace n on n.oid ="
                      + " c.relnamespace where n.nspname = 'telemetry' and c.relname ="
                      + " 'segment_passes'")) {
        partitioned = rs.next() && rs.getBoolean(1);
      }
      return new PassTable(cols.toArray(String[]::new), fn, partitioned, standIn);
    } catch (SQLException e) {
      throw new BenchException("cannot prepare " + TABLE + ": " + e.getMessage(), e);
    }
  }

  static boolean exists(Connection c) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select to_regclass('" + TABLE + "') is not null")) {
      rs.next();
      return rs.getBoolean(1);
    }
  }

  /** The table of migration V5 (coverage helper), minus its partition function. */
  private static void createStandIn(Connection c) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute(
          "CREATE TABLE "
              + TABLE
              + " (pass_id uuid NOT NULL, segment_id text NOT NULL, vehicle_id text NOT NULL,"
              + " started_at timestamptz NOT NULL, ended_at timestamptz NOT NULL,"
              + " equipment text NOT NULL, covered_fraction real NOT NULL"
              + " CHECK (covered_fraction >= 0 AND covered_fraction <= 1), source text NOT NULL,"
              + " stored_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (pass_id, started_at),"
              + " CHECK (ended_at >= started_at)) PARTITION BY RANGE (started_at)");
      st.execute(
          "CREATE INDEX segment_passes_segment_started_idx ON "
              + TABLE
              + " (segment_id, started_at) INCLUDE (ended_at, equipment, covered_fraction)");
      st.execute(
          "CREATE INDEX segment_passes_vehicle_started_idx ON "
              + TABLE
              + " (vehicle_id, started_at)");
    }
  }

  /** Whether the table was created by the benchmark because the service has none. */
  boolean standIn() {
    return standIn;
  }

  String[] columns() {
    return columns.clone();
  }

  /** The day's partition, through the service's own function when it has one. */
  void ensureDay(Connection c, LocalDate day) {
    if (!partitioned) {
      return;
    }
    try (Statement st = c.createStatement()) {
      if (ensureFunction != null) {
        st.execute("select telemetry." + ensureFunction + "(date '" + day + "')");
      } else {
        st.execute(
            String.format(
                Locale.ROOT,
                "CREATE TABLE IF NOT EXISTS telemetry.segment_passes_%s PARTITION OF %s"
                    + " FOR VALUES FROM ('%s 00:00:00+00') TO ('%s 00:00:00+00')",
                day.toString().replace("-", ""),
                TABLE,
                day,
                day.plusDays(1)));
      }
    } catch (SQLException e) {
      throw new BenchException(
          "cannot create the " + TABLE + " partition of " + day + ": " + e.getMessage(), e);
    }
  }

  String copySql() {
    return "COPY " + TABLE + " (" + String.join(", ", columns) + ") FROM STDIN";
  }

  String describe() {
    return String.format(
        Locale.ROOT,
        "%s%s, columns %s, partitions %s",
        TABLE,
        standIn ? " (stand-in created by the benchmark: the service has no migration V5)" : "",
        String.join(", ", columns),
        !partitioned
            ? "none"
            : ensureFunction != null ? "by telemetry." + ensureFunction : "created by the bench");
  }
}

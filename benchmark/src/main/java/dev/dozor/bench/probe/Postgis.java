package dev.dozor.bench.probe;

import dev.dozor.bench.BenchException;
import dev.dozor.bench.stats.Percentiles;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;

/** The benchmark's SQL against the platform's database: stored counts and commit latency. */
public final class Postgis implements AutoCloseable {
  private final Connection connection;

  public Postgis(String jdbcUrl, String user, String password) {
    try {
      this.connection = DriverManager.getConnection(jdbcUrl, user, password);
    } catch (SQLException e) {
      throw new BenchException("cannot connect to PostgreSQL at " + jdbcUrl + ": " + e, e);
    }
  }

  public Connection connection() {
    return connection;
  }

  /**
   * Rows stored for a run's vehicles.
   *
   * @param rows all rows
   * @param distinct distinct (vehicle_id, fix_time)
   */
  public record Stored(long rows, long distinct) {
    public long duplicated() {
      return rows - distinct;
    }
  }

  public Stored stored(String vehiclePrefix) {
    String sql =
        "select count(*), count(distinct (vehicle_id, fix_time)) from telemetry.positions"
            + " where vehicle_id like ?";
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      ps.setString(1, likePrefix(vehiclePrefix));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return new Stored(rs.getLong(1), rs.getLong(2));
      }
    } catch (SQLException e) {
      throw new BenchException("counting stored positions failed: " + e.getMessage(), e);
    }
  }

  /** Whether {@code track_commit_timestamp} is on (needed for the PostGIS latency). */
  public boolean tracksCommitTimestamps() {
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("show track_commit_timestamp")) {
      rs.next();
      return "on".equalsIgnoreCase(rs.getString(1));
    } catch (SQLException e) {
      return false;
    }
  }

  /**
   * Gateway acceptance ({@code received_at}) to commit of the row, milliseconds, for the rows of
   * {@code vehiclePrefix} received in [from, to).
   */
  public Percentiles commitLatency(String vehiclePrefix, Instant from, Instant to) {
    String sql =
        "with l as (select extract(epoch from (pg_xact_commit_timestamp(xmin) - received_at))"
            + " * 1000 as ms from telemetry.positions where vehicle_id like ?"
            + " and received_at >= ? and received_at < ?)"
            + " select count(ms), percentile_cont(0.5) within group (order by ms),"
            + " percentile_cont(0.95) within group (order by ms),"
            + " percentile_cont(0.99) within group (order by ms), max(ms) from l";
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      ps.setString(1, likePrefix(vehiclePrefix));
      ps.setTimestamp(2, Timestamp.from(from));
      ps.setTimestamp(3, Timestamp.from(to));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        long n = rs.getLong(1);
        if (n == 0) {
          return Percentiles.EMPTY;
        }
        return new Percentiles(
            n, rs.getDouble(2), rs.getDouble(3), rs.getDouble(4), rs.getDouble(5));
      }
    } catch (SQLException e) {
      throw new BenchException("commit latency query failed: " + e.getMessage(), e);
    }
  }

  /** {@code prefix%} with LIKE's wildcards in the prefix escaped. */
  static String likePrefix(String prefix) {
    return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      // closing: nothing to do
    }
  }
}

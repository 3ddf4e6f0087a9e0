package dev.dozor.bench.telemetry;

import dev.dozor.bench.BenchException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The bench database (the service's schema {@code telemetry}, in a database of its own). */
final class Db {
  private final String url;
  private final String user;
  private final String password;

  Db(String url, String user, String password) {
    this.url = url;
    this.user = user;
    this.password = password;
  }

  Connection open() {
    try {
      return DriverManager.getConnection(url, user, password);
    } catch (SQLException e) {
      throw new BenchException("cannot connect to PostgreSQL at " + url + ": " + e.getMessage(), e);
    }
  }

  /** Runs statements on a fresh connection, autocommit. */
  void execute(String... sql) {
    try (Connection c = open();
        Statement st = c.createStatement()) {
      for (String s : sql) {
        st.execute(s);
      }
    } catch (SQLException e) {
      throw new BenchException("SQL failed: " + e.getMessage(), e);
    }
  }

  long queryLong(String sql) {
    try (Connection c = open();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      return rs.next() ? rs.getLong(1) : 0;
    } catch (SQLException e) {
      throw new BenchException("SQL failed: " + e.getMessage(), e);
    }
  }

  /** Whether the service's schema is migrated (its positions table exists). */
  boolean positionsExist() {
    try (Connection c = open();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select to_regclass('telemetry.positions') is not null")) {
      rs.next();
      return rs.getBoolean(1);
    } catch (SQLException | BenchException e) {
      return false;
    }
  }

  /** Rows inserted into the positions partitions so far (statistics, ~1 s behind; cheap). */
  long insertedPositions(Connection c) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "select coalesce(sum(n_tup_ins), 0) from pg_stat_user_tables"
                    + " where schemaname = 'telemetry' and relname like 'positions\\_%'")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Creates the daily positions partitions through the service's own function. */
  void ensurePositionDays(List<LocalDate> days) {
    try (Connection c = open();
        PreparedStatement ps =
            c.prepareStatement("select telemetry.ensure_position_partition(?::date)")) {
      for (LocalDate d : days) {
        ps.setString(1, d.toString());
        ps.execute();
      }
    } catch (SQLException e) {
      throw new BenchException("cannot create the positions partitions: " + e.getMessage(), e);
    }
  }

  /** The imported road segments, as a graph. */
  RoadGraph roads() {
    List<RoadGraph.Segment> segments = new ArrayList<>();
    try (Connection c = open();
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "select id, district_id, ST_AsText(geom) from telemetry.road_segments order by"
                    + " id")) {
      while (rs.next()) {
        segments.add(RoadGraph.fromWkt(rs.getString(1), rs.getString(2), rs.getString(3)));
      }
    } catch (SQLException e) {
      throw new BenchException("cannot read telemetry.road_segments: " + e.getMessage(), e);
    }
    if (segments.isEmpty()) {
      throw new BenchException(
          "telemetry.road_segments is empty after the import: the roads did not load");
    }
    return new RoadGraph(segments);
  }
}

package dev.dozor.telemetry.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.dozor.events.Equipment;
import dev.dozor.events.JsonSerde;
import dev.dozor.events.SchemaVersions;
import dev.dozor.events.TelemetryPoint;
import dev.dozor.telemetry.track.TrackInterval;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The SQL of the export, on the blocking (JDBC) datasource: the reactive client cannot pause a
 * query, and a month of points must flow through a server-side cursor ({@code fetchSize} rows per
 * round trip, autocommit off) at the pace the client reads. Callers run on a worker thread.
 */
@ApplicationScoped
public class ExportRepository {
  /**
   * Vehicles with at least one fix inside the district in the interval (boundary included): the
   * positions gist index with partition pruning on the time bounds.
   */
  static final String IN_DISTRICT =
      """
      SELECT DISTINCT p.vehicle_id
      FROM telemetry.positions p JOIN telemetry.districts d ON ST_Intersects(p.geom, d.geom)
      WHERE d.id = ? AND p.fix_time >= ? AND p.fix_time < ?
      """;

  /**
   * Every stored column of the vehicles' fixes. The daily partitions are ordered by fix_time, so
   * PostgreSQL can sort day by day; (fix_time, vehicle_id) is unique (the primary key). Ids compare
   * byte by byte (COLLATE "C"), as Java compares them, whatever the database's locale.
   */
  static final String POINTS =
      """
      SELECT vehicle_id, fix_time, received_at, ST_Y(geom), ST_X(geom), speed_kmh, heading_deg,
             odometer_km, equipment::text, attributes::text
      FROM telemetry.positions
      WHERE vehicle_id = ANY(?) AND fix_time >= ? AND fix_time < ?
      ORDER BY fix_time, vehicle_id COLLATE "C"
      """;

  private static final TypeReference<Map<String, String>> ATTRIBUTES = new TypeReference<>() {};

  /** Distinct equipment and attribute texts kept decoded per export (a fleet has few). */
  private static final int DECODED_CACHE = 256;

  /** Receives the points one by one; may stop the export by throwing (the client went away). */
  @FunctionalInterface
  public interface PointSink {
    void accept(TelemetryPoint point) throws IOException;
  }

  private final AgroalDataSource db;

  public ExportRepository(AgroalDataSource db) {
    this.db = db;
  }

  /** Whether the district exists. */
  public boolean districtExists(String districtId) throws SQLException {
    try (Connection conn = db.getConnection();
        PreparedStatement st =
            conn.prepareStatement("SELECT 1 FROM telemetry.districts WHERE id = ?")) {
      st.setString(1, districtId);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** Those of the ids that are registered vehicles. */
  public Set<String> registered(List<String> vehicleIds) throws SQLException {
    try (Connection conn = db.getConnection();
        PreparedStatement st =
            conn.prepareStatement("SELECT id FROM telemetry.vehicles WHERE id = ANY(?)")) {
      st.setArray(1, conn.createArrayOf("text", vehicleIds.toArray()));
      Set<String> found = new HashSet<>();
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          found.add(rs.getString(1));
        }
      }
      return found;
    }
  }

  /** The vehicles with a fix inside the district in the interval. */
  public List<String> vehiclesInDistrict(String districtId, TrackInterval interval)
      throws SQLException {
    try (Connection conn = db.getConnection();
        PreparedStatement st = conn.prepareStatement(IN_DISTRICT)) {
      st.setString(1, districtId);
      st.setObject(2, utc(interval.from()));
      st.setObject(3, utc(interval.to()));
      List<String> ids = new ArrayList<>();
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getString(1));
        }
      }
      return ids;
    }
  }

  /**
   * Streams the vehicles' fixes of the interval, ordered by fix time then vehicle id, into {@code
   * sink}; at most {@code fetchSize} rows are held at any time.
   */
  public void stream(
      Collection<String> vehicleIds, TrackInterval interval, int fetchSize, PointSink sink)
      throws SQLException, IOException {
    try (Connection conn = db.getConnection();
        ReadTransaction tx = new ReadTransaction(conn);
        PreparedStatement st = conn.prepareStatement(POINTS)) {
      st.setFetchSize(fetchSize);
      st.setArray(1, conn.createArrayOf("text", vehicleIds.toArray()));
      st.setObject(2, utc(interval.from()));
      st.setObject(3, utc(interval.to()));
      Decoder decoder = new Decoder();
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          sink.accept(decoder.point(rs));
        }
      }
    }
  }

  /**
   * Autocommit off for the cursor (pgjdbc fetches in chunks only inside a transaction); on close
   * the read-only transaction is rolled back and autocommit restored before the pool takes the
   * connection back.
   */
  private static final class ReadTransaction implements AutoCloseable {
    private final Connection conn;

    ReadTransaction(Connection conn) throws SQLException {
      this.conn = conn;
      conn.setAutoCommit(false);
    }

    @Override
    public void close() throws SQLException {
      try {
        conn.rollback();
      } finally {
        conn.setAutoCommit(true);
      }
    }
  }

  /** Turns rows into points; equipment and attribute JSON repeat, so their decoding is cached. */
  private static final class Decoder {
    private final Map<String, Equipment> equipment = new HashMap<>();
    private final Map<String, Map<String, String>> attributes = new HashMap<>();

    TelemetryPoint point(ResultSet rs) throws SQLException {
      String vehicleId = rs.getString(1);
      Instant fixTime = rs.getObject(2, OffsetDateTime.class).toInstant();
      OffsetDateTime receivedAt = rs.getObject(3, OffsetDateTime.class);
      double lat = rs.getDouble(4);
      double lon = rs.getDouble(5);
      Double speed = real(rs, 6);
      Double heading = real(rs, 7);
      double odometer = rs.getDouble(8);
      Double odometerKm = rs.wasNull() ? null : odometer;
      return new TelemetryPoint(
          SchemaVersions.TELEMETRY_POINT,
          vehicleId,
          // not stored: positions are keyed by vehicle only
          null,
          fixTime,
          receivedAt == null ? null : receivedAt.toInstant(),
          lat,
          lon,
          // the consumer always stores a speed; the column is nullable for rows written otherwise
          speed == null ? 0.0 : speed,
          heading,
          odometerKm,
          decoded(equipment, rs.getString(9), text -> read(text, Equipment.class)),
          decoded(attributes, rs.getString(10), ExportRepository::attributes));
    }

    private static <T> T decoded(Map<String, T> cache, String text, Function<String, T> decode) {
      if (text == null) {
        return null;
      }
      T value = cache.get(text);
      if (value == null) {
        if (cache.size() >= DECODED_CACHE) {
          cache.clear();
        }
        value = decode.apply(text);
        cache.put(text, value);
      }
      return value;
    }
  }

  /**
   * A {@code real} column as the decimal it was written from: speed and heading are stored as
   * float4, whose exact binary value (12.3 → 12.300000190734863) is not what the producer sent; the
   * shortest decimal that reads back as the same float is (for up to 7 significant digits).
   */
  static Double real(ResultSet rs, int column) throws SQLException {
    float value = rs.getFloat(column);
    return rs.wasNull() ? null : Double.parseDouble(Float.toString(value));
  }

  private static Map<String, String> attributes(String json) {
    try {
      Map<String, String> map = JsonSerde.mapper().readValue(json, ATTRIBUTES);
      // immutable once here, so the point's own copy is this same map
      return map == null ? Map.of() : Map.copyOf(map);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored attributes are not a JSON object: " + json, e);
    }
  }

  private static <T> T read(String json, Class<T> type) {
    try {
      return JsonSerde.mapper().readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "stored " + type.getSimpleName() + " is not valid: " + json, e);
    }
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}

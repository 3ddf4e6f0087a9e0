package dev.dozor.bench.drill;

import dev.dozor.bench.load.AckLedger;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Acknowledged versus stored for one run: every row of {@code telemetry.positions} whose vehicle id
 * starts with the run's prefix, compared point by point with the {@link AckLedger}.
 */
public final class StoreCheck {
  /**
   * The comparison.
   *
   * @param acknowledged distinct points the gateway acknowledged
   * @param storedRows rows stored for the prefix
   * @param storedDistinct distinct (vehicle, fix time) stored
   * @param lost acknowledged points not stored
   * @param duplicated stored rows minus distinct stored
   * @param unacknowledgedStored stored points never acknowledged (sent, answered 503 or lost)
   */
  public record Result(
      long acknowledged,
      long storedRows,
      long storedDistinct,
      long lost,
      long duplicated,
      long unacknowledgedStored) {}

  private final String jdbcUrl;
  private final String user;
  private final String password;

  public StoreCheck(String jdbcUrl, String user, String password) {
    this.jdbcUrl = jdbcUrl;
    this.user = user;
    this.password = password;
  }

  public Result check(String prefix, AckLedger ledger) throws SQLException {
    Map<String, long[]> acked = ledger.fixTimesByVehicle(prefix);
    Map<String, Integer> matchedPerVehicle = new HashMap<>();
    long rows = 0;
    long distinct = 0;
    long matched = 0;
    try (Connection c = DriverManager.getConnection(jdbcUrl, user, password)) {
      c.setAutoCommit(false);
      try (PreparedStatement q =
          c.prepareStatement(
              "select vehicle_id, fix_time from telemetry.positions where vehicle_id like ?"
                  + " escape '!' order by vehicle_id, fix_time")) {
        q.setString(1, prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        q.setFetchSize(20_000);
        try (ResultSet rs = q.executeQuery()) {
          String lastVehicle = null;
          long lastFix = Long.MIN_VALUE;
          long[] times = null;
          while (rs.next()) {
            String vehicle = rs.getString(1);
            Timestamp ts = rs.getTimestamp(2);
            long fix = ts.getTime();
            rows++;
            if (!vehicle.equals(lastVehicle)) {
              lastVehicle = vehicle;
              lastFix = Long.MIN_VALUE;
              times = acked.getOrDefault(vehicle, new long[0]);
            } else if (fix == lastFix) {
              continue;
            }
            lastFix = fix;
            distinct++;
            if (Arrays.binarySearch(times, fix) >= 0) {
              matched++;
              matchedPerVehicle.merge(vehicle, 1, Integer::sum);
            }
          }
        }
      }
      c.commit();
    }
    long acknowledged = acked.values().stream().mapToLong(a -> a.length).sum();
    return new Result(
        acknowledged, rows, distinct, acknowledged - matched, rows - distinct, distinct - matched);
  }
}

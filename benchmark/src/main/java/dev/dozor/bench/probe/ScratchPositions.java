package dev.dozor.bench.probe;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * A scratch copy of {@code telemetry.positions} in a schema of its own: the same columns, primary
 * key, GiST index and daily partitions, so a reference load into it costs what a load into the
 * service's table costs.
 */
public final class ScratchPositions {
  private ScratchPositions() {}

  /** The statements that (re)create {@code schema.positions} with a partition per day. */
  public static List<String> ddl(String schema, Collection<LocalDate> days) {
    List<String> sql = new ArrayList<>();
    sql.add("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    sql.add("CREATE SCHEMA " + schema);
    sql.add(
        "CREATE TABLE "
            + schema
            + ".positions (LIKE telemetry.positions INCLUDING DEFAULTS INCLUDING CONSTRAINTS,"
            + " PRIMARY KEY (vehicle_id, fix_time)) PARTITION BY RANGE (fix_time)");
    sql.add("CREATE INDEX positions_geom_idx ON " + schema + ".positions USING gist (geom)");
    for (LocalDate day : days) {
      sql.add(
          String.format(
              Locale.ROOT,
              "CREATE TABLE %s.positions_%s PARTITION OF %s.positions"
                  + " FOR VALUES FROM ('%s 00:00:00+00') TO ('%s 00:00:00+00')",
              schema,
              day.toString().replace("-", ""),
              schema,
              day,
              day.plusDays(1)));
    }
    return sql;
  }
}

package dev.dozor.telemetry;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/** Runs assertion queries on the service's own reactive pool. */
public final class TestDb {
  private TestDb() {}

  public static List<Row> query(Pool pool, String sql, Object... args) {
    var rows =
        pool.preparedQuery(sql)
            .execute(Tuple.tuple(java.util.Arrays.asList(args)))
            .await()
            .indefinitely();
    List<Row> list = new ArrayList<>();
    rows.forEach(list::add);
    return list;
  }

  public static long count(Pool pool, String sql, Object... args) {
    return query(pool, sql, args).get(0).getLong(0);
  }
}

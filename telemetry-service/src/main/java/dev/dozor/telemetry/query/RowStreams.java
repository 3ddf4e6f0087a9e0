package dev.dozor.telemetry.query;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.stream.Collector;

/**
 * Runs a query whose rows go straight into a collector as they are decoded, so a large answer (a
 * day of 1 Hz fixes, a month of a fleet's fixes) never exists as a list of rows. The Mutiny API of
 * the PG client does not offer {@code collecting}, hence the core client underneath.
 */
public final class RowStreams {
  private RowStreams() {}

  public static <R> Uni<R> collect(
      Pool pool, String sql, Tuple args, Collector<Row, ?, R> collector) {
    return Uni.createFrom()
        .completionStage(
            () ->
                pool.getDelegate()
                    .preparedQuery(sql)
                    .collecting(collector)
                    .execute(args)
                    .toCompletionStage())
        .map(result -> result.value());
  }

  /** A collector into one mutable accumulator, for sequential streams only. */
  public static <A> Collector<Row, A, A> into(
      java.util.function.Supplier<A> supplier, java.util.function.BiConsumer<A, Row> accumulate) {
    return Collector.of(
        supplier,
        accumulate,
        (a, b) -> {
          throw new UnsupportedOperationException("rows are collected sequentially");
        },
        Collector.Characteristics.IDENTITY_FINISH);
  }
}

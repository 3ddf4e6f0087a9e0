package dev.dozor.telemetry.registry;

import dev.dozor.telemetry.common.ApiException;
import dev.dozor.telemetry.common.DbErrors;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.List;

/**
 * Deletes a registry row unless another row still references it (then 409 naming the first user).
 * The check and the delete share one transaction; a reference added concurrently makes the foreign
 * key (ON DELETE RESTRICT) fail the delete, which is answered with the same 409.
 */
public final class RowDeletion {
  private RowDeletion() {}

  /**
   * A table column that references the row.
   *
   * @param kind what the referencing rows are, for the message (e.g. {@code vehicle})
   * @param table e.g. {@code telemetry.vehicles}
   * @param column e.g. {@code contractor_id}
   * @param constraint the foreign key's name, e.g. {@code vehicles_contractor_id_fkey}
   */
  public record Reference(String kind, String table, String column, String constraint) {}

  /**
   * Deletes {@code id} from {@code table}; fails with 404 when it does not exist and 409 when a
   * reference holds it.
   *
   * @param what the entity for messages, e.g. {@code contractor}
   */
  public static Uni<Void> delete(
      Pool pool, String table, String what, String id, List<Reference> references) {
    List<String> constraints = references.stream().map(Reference::constraint).toList();
    return pool.withTransaction(
            conn ->
                check(conn, references, 0, what, id)
                    .chain(
                        () ->
                            conn.preparedQuery("DELETE FROM " + table + " WHERE id = $1")
                                .execute(Tuple.of(id))))
        .onFailure(failure -> DbErrors.violated(failure, constraints) != null)
        .transform(
            failure -> inUse(what, id, "a " + kindOf(failure, references) + " added meanwhile", 1))
        .invoke(
            rows -> {
              if (rows.rowCount() == 0) {
                throw ApiException.notFound(what + " '" + id + "' does not exist");
              }
            })
        .replaceWithVoid();
  }

  private static Uni<Void> check(
      SqlConnection conn, List<Reference> references, int index, String what, String id) {
    if (index >= references.size()) {
      return Uni.createFrom().voidItem();
    }
    Reference ref = references.get(index);
    String sql =
        "SELECT id, count(*) OVER () AS users FROM "
            + ref.table()
            + " WHERE "
            + ref.column()
            + " = $1 ORDER BY id LIMIT 1";
    return conn.preparedQuery(sql)
        .execute(Tuple.of(id))
        .chain(
            (RowSet<Row> rows) -> {
              if (rows.size() > 0) {
                Row first = rows.iterator().next();
                throw inUse(
                    what,
                    id,
                    ref.kind() + " '" + first.getString("id") + "'",
                    first.getLong("users"));
              }
              return check(conn, references, index + 1, what, id);
            });
  }

  private static String kindOf(Throwable failure, List<Reference> references) {
    String constraint =
        DbErrors.violated(failure, references.stream().map(Reference::constraint).toList());
    return references.stream()
        .filter(r -> r.constraint().equals(constraint))
        .map(Reference::kind)
        .findFirst()
        .orElse("reference");
  }

  private static ApiException inUse(String what, String id, String user, long users) {
    String more = users > 1 ? " and " + (users - 1) + " more" : "";
    return ApiException.conflict(
        null, what + " '" + id + "' is used by " + user + more + "; change or delete those first");
  }
}

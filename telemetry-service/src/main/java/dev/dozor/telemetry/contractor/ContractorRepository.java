package dev.dozor.telemetry.contractor;

import dev.dozor.events.ContractorRecord;
import dev.dozor.telemetry.contractor.ContractorDtos.ContractorView;
import dev.dozor.telemetry.registry.RowDeletion;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** {@code telemetry.contractors}, on the reactive PG pool. */
@ApplicationScoped
public class ContractorRepository {
  /** vehicles.contractor_id references contractors, ON DELETE RESTRICT (V4). */
  public static final String VEHICLE_FK = "vehicles_contractor_id_fkey";

  private static final String COLUMNS = "id, name, inn, phone, updated_at";

  // xmax = 0 only for a freshly inserted row: tells a create from an update
  private static final String UPSERT =
      """
      INSERT INTO telemetry.contractors (id, name, inn, phone)
      VALUES ($1, $2, $3, $4)
      ON CONFLICT (id) DO UPDATE
        SET name = EXCLUDED.name, inn = EXCLUDED.inn, phone = EXCLUDED.phone, updated_at = now()
      RETURNING (xmax = 0) AS created
      """;

  private static final List<RowDeletion.Reference> REFERENCES =
      List.of(
          new RowDeletion.Reference("vehicle", "telemetry.vehicles", "contractor_id", VEHICLE_FK));

  private final Pool pool;

  public ContractorRepository(Pool pool) {
    this.pool = pool;
  }

  public Uni<List<ContractorView>> listAll() {
    return pool.query("SELECT " + COLUMNS + " FROM telemetry.contractors ORDER BY id")
        .execute()
        .map(ContractorRepository::toViews);
  }

  /** The contractor, or null. */
  public Uni<ContractorView> find(String id) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM telemetry.contractors WHERE id = $1")
        .execute(Tuple.of(id))
        .map(rows -> toViews(rows).stream().findFirst().orElse(null));
  }

  /**
   * Creates or replaces the contractor.
   *
   * @return true when it was created
   */
  public Uni<Boolean> upsert(ContractorRecord c) {
    return pool.preparedQuery(UPSERT)
        .execute(Tuple.of(c.id(), c.name(), c.inn(), c.phone()))
        .map(rows -> rows.iterator().next().getBoolean("created"));
  }

  /** Deletes the contractor unless a vehicle names it (409) or it does not exist (404). */
  public Uni<Void> delete(String id) {
    return RowDeletion.delete(pool, "telemetry.contractors", "contractor", id, REFERENCES);
  }

  /** Every contractor as a registry record (for the re-publication). */
  public Uni<List<ContractorRecord>> allRecords() {
    return listAll().map(list -> list.stream().map(ContractorRepository::toRecord).toList());
  }

  static ContractorRecord toRecord(ContractorView v) {
    return ContractorRecord.of(v.id(), v.name(), v.inn(), v.phone());
  }

  private static List<ContractorView> toViews(RowSet<Row> rows) {
    List<ContractorView> list = new ArrayList<>(rows.size());
    for (Row r : rows) {
      list.add(
          new ContractorView(
              r.getString("id"),
              r.getString("name"),
              r.getString("inn"),
              r.getString("phone"),
              r.getOffsetDateTime("updated_at").toInstant()));
    }
    return list;
  }
}

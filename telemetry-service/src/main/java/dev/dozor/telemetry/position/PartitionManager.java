package dev.dozor.telemetry.position;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Makes sure daily partitions exist, remembering the days already ensured so the hot path pays one
 * round-trip only on the first batch of a new day. Runs outside the insert transaction: creating a
 * partition locks the parent table, which must not be held while rows are written. Serves every
 * {@link PartitionedTable}; the methods without a table are those of positions.
 */
@ApplicationScoped
public class PartitionManager {
  private static final Logger LOG = Logger.getLogger(PartitionManager.class);

  private final Pool pool;
  private final Map<PartitionedTable, Set<LocalDate>> known = new EnumMap<>(PartitionedTable.class);

  public PartitionManager(Pool pool) {
    this.pool = pool;
    for (PartitionedTable t : PartitionedTable.values()) {
      known.put(t, ConcurrentHashMap.newKeySet());
    }
  }

  /**
   * Creates the missing positions partitions of these days (idempotent, safe under concurrency).
   */
  public Uni<Void> ensure(Collection<LocalDate> days) {
    return ensure(PartitionedTable.POSITIONS, days);
  }

  /** Creates the missing partitions of {@code table} for these days. */
  public Uni<Void> ensure(PartitionedTable table, Collection<LocalDate> days) {
    Set<LocalDate> cache = known.get(table);
    List<LocalDate> missing =
        days.stream().distinct().filter(d -> !cache.contains(d)).sorted().toList();
    if (missing.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    // the function name comes from the enum, never from input
    return pool.preparedQuery(
            "SELECT " + table.ensureFunction() + "(d) FROM unnest($1::date[]) AS d")
        .execute(Tuple.tuple().addArrayOfLocalDate(missing.toArray(LocalDate[]::new)))
        .invoke(
            rows -> {
              cache.addAll(missing);
              LOG.debugf("%s partitions ensured: %s", table.table(), missing);
            })
        .replaceWithVoid();
  }

  /**
   * Drops the daily positions partitions past retention ({@link PartitionNames#expired}): a whole
   * day goes at once with {@code DROP TABLE}; rows are never deleted one by one.
   *
   * @return the names of the dropped partitions
   */
  public Uni<List<String>> dropExpired(LocalDate today, int retentionDays) {
    return dropExpired(PartitionedTable.POSITIONS, today, retentionDays);
  }

  /** {@link #dropExpired(LocalDate, int)} for the partitions of {@code table}. */
  public Uni<List<String>> dropExpired(PartitionedTable table, LocalDate today, int retentionDays) {
    return pool.preparedQuery(
            "SELECT c.relname FROM pg_inherits i"
                + " JOIN pg_class c ON c.oid = i.inhrelid"
                + " JOIN pg_class p ON p.oid = i.inhparent"
                + " JOIN pg_namespace n ON n.oid = p.relnamespace"
                + " WHERE n.nspname = 'telemetry' AND p.relname = $1")
        .execute(Tuple.of(table.table()))
        .map(
            rows -> {
              List<String> names = new ArrayList<>();
              rows.forEach(r -> names.add(r.getString(0)));
              return PartitionNames.expired(table, names, today, retentionDays);
            })
        .call(
            expired ->
                expired.isEmpty()
                    ? Uni.createFrom().voidItem()
                    // names come from PartitionNames.expired: <table>_ + 8 digits, safe to inline
                    : pool.query(
                            "DROP TABLE IF EXISTS "
                                + String.join(
                                    ", ", expired.stream().map(n -> "telemetry." + n).toList()))
                        .execute()
                        .invoke(
                            r -> {
                              forget(table);
                              LOG.infof(
                                  "retention: dropped %d %s partitions older than %d days: %s",
                                  expired.size(), table.table(), retentionDays, expired);
                            }));
  }

  /** Forgets the cache of every table (e.g. after partitions were dropped by retention). */
  public void forget() {
    known.values().forEach(Set::clear);
  }

  /** Forgets the cache of one table. */
  public void forget(PartitionedTable table) {
    known.get(table).clear();
  }
}

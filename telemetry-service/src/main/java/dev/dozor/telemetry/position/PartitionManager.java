package dev.dozor.telemetry.position;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Makes sure daily partitions exist, remembering the days already ensured so the hot path pays one
 * round-trip only on the first batch of a new day. Runs outside the insert transaction: creating a
 * partition locks the parent table, which must not be held while rows are written.
 */
@ApplicationScoped
public class PartitionManager {
  private static final Logger LOG = Logger.getLogger(PartitionManager.class);

  private final Pool pool;
  private final Set<LocalDate> known = ConcurrentHashMap.newKeySet();

  public PartitionManager(Pool pool) {
    this.pool = pool;
  }

  /** Creates the missing partitions of these days (idempotent, safe under concurrency). */
  public Uni<Void> ensure(Collection<LocalDate> days) {
    List<LocalDate> missing = days.stream().filter(d -> !known.contains(d)).sorted().toList();
    if (missing.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return pool.preparedQuery(
            "SELECT telemetry.ensure_position_partition(d) FROM unnest($1::date[]) AS d")
        .execute(Tuple.tuple().addArrayOfLocalDate(missing.toArray(LocalDate[]::new)))
        .invoke(
            rows -> {
              known.addAll(missing);
              LOG.debugf("partitions ensured: %s", missing);
            })
        .replaceWithVoid();
  }

  /**
   * Drops the daily partitions past retention ({@link PartitionNames#expired}): a whole day goes at
   * once with {@code DROP TABLE}; rows are never deleted one by one.
   *
   * @return the names of the dropped partitions
   */
  public Uni<List<String>> dropExpired(LocalDate today, int retentionDays) {
    return pool.query(
            "SELECT c.relname FROM pg_inherits i"
                + " JOIN pg_class c ON c.oid = i.inhrelid"
                + " JOIN pg_class p ON p.oid = i.inhparent"
                + " JOIN pg_namespace n ON n.oid = p.relnamespace"
                + " WHERE n.nspname = 'telemetry' AND p.relname = 'positions'")
        .execute()
        .map(
            rows -> {
              List<String> names = new java.util.ArrayList<>();
              rows.forEach(r -> names.add(r.getString(0)));
              return PartitionNames.expired(names, today, retentionDays);
            })
        .call(
            expired ->
                expired.isEmpty()
                    ? Uni.createFrom().voidItem()
                    // names come from PartitionNames.expired: positions_ + 8 digits, safe to inline
                    : pool.query(
                            "DROP TABLE IF EXISTS "
                                + String.join(
                                    ", ", expired.stream().map(n -> "telemetry." + n).toList()))
                        .execute()
                        .invoke(
                            r -> {
                              forget();
                              LOG.infof(
                                  "retention: dropped %d positions partitions older than %d days:"
                                      + " %s",
                                  expired.size(), retentionDays, expired);
                            }));
  }

  /** Forgets the cache (e.g. after partitions were dropped by retention). */
  public void forget() {
    known.clear();
  }
}

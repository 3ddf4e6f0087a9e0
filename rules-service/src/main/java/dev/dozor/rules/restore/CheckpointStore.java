package dev.dozor.rules.restore;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;

/** {@code rules.partition_checkpoints}: the last state of each partition, overwritten. */
@ApplicationScoped
public class CheckpointStore {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  /** A stored checkpoint. */
  public record Checkpoint(
      int partition, long nextOffset, int vehicles, byte[] state, String writtenBy) {}

  private final Pool pool;

  public CheckpointStore(Pool pool) {
    this.pool = pool;
  }

  /** Writes (or overwrites) a partition's checkpoint; blocks until it is durable. */
  public void write(String group, String topic, Checkpoint c) {
    pool.preparedQuery(
            "INSERT INTO rules.partition_checkpoints (consumer_group, topic, partition,"
                + " next_offset, vehicles, state, written_by) VALUES ($1, $2, $3, $4, $5, $6, $7)"
                + " ON CONFLICT (consumer_group, topic, partition) DO UPDATE SET"
                + " next_offset = EXCLUDED.next_offset, vehicles = EXCLUDED.vehicles,"
                + " state = EXCLUDED.state, written_at = now(), written_by = EXCLUDED.written_by"
                // never move a checkpoint backwards (a slow writer after a faster new owner)
                + " WHERE rules.partition_checkpoints.next_offset <= EXCLUDED.next_offset")
        .execute(
            Tuple.tuple(
                java.util.List.of(
                    group,
                    topic,
                    c.partition(),
                    c.nextOffset(),
                    c.vehicles(),
                    // the pool binds the core Buffer type to bytea
                    io.vertx.core.buffer.Buffer.buffer(c.state()),
                    c.writtenBy())))
        .await()
        .atMost(TIMEOUT);
  }

  public Optional<Checkpoint> read(String group, String topic, int partition) {
    var rows =
        pool.preparedQuery(
                "SELECT partition, next_offset, vehicles, state, written_by"
                    + " FROM rules.partition_checkpoints"
                    + " WHERE consumer_group = $1 AND topic = $2 AND partition = $3")
            .execute(Tuple.of(group, topic, partition))
            .await()
            .atMost(TIMEOUT);
    if (!rows.iterator().hasNext()) {
      return Optional.empty();
    }
    Row r = rows.iterator().next();
    return Optional.of(
        new Checkpoint(
            r.getInteger("partition"),
            r.getLong("next_offset"),
            r.getInteger("vehicles"),
            r.getBuffer("state").getBytes(),
            r.getString("written_by")));
  }
}

package dev.dozor.telemetry.position;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Retention drops whole daily partitions past the limit and nothing younger, on the real PostGIS.
 */
@QuarkusTest
class PartitionRetentionTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @Inject PartitionManager partitions;
  @Inject Pool pool;

  @Test
  void partitionsOlderThanTheRetentionAreDroppedAndYoungerOnesKept() {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    LocalDate ancient = today.minusDays(900);
    LocalDate justPast = today.minusDays(801);
    LocalDate edge = today.minusDays(800);
    partitions.ensure(List.of(ancient, justPast, edge)).await().atMost(WAIT);

    List<String> dropped = partitions.dropExpired(today, 800).await().atMost(WAIT);

    assertTrue(dropped.contains(PartitionNames.of(ancient)), "dropped: " + dropped);
    assertTrue(dropped.contains(PartitionNames.of(justPast)), "dropped: " + dropped);
    assertEquals(false, exists(ancient));
    assertEquals(false, exists(justPast));
    assertEquals(true, exists(edge), "the partition exactly 800 days old is kept");
    assertEquals(true, exists(today), "today's partition is kept");
    // a dropped day can come back (e.g. a very late black box) and is created again on demand
    partitions.ensure(List.of(justPast)).await().atMost(WAIT);
    assertEquals(true, exists(justPast));
  }

  private boolean exists(LocalDate day) {
    return pool.preparedQuery("SELECT to_regclass($1) IS NOT NULL")
        .execute(Tuple.of("telemetry." + PartitionNames.of(day)))
        .await()
        .atMost(WAIT)
        .iterator()
        .next()
        .getBoolean(0);
  }
}

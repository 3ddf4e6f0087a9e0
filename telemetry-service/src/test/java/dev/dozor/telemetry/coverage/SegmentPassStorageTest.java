package dev.dozor.telemetry.coverage;

import static dev.dozor.telemetry.coverage.CoverageFixtures.pass;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dozor.events.JsonSerde;
import dev.dozor.events.SegmentPass;
import dev.dozor.events.Topics;
import dev.dozor.telemetry.Eventually;
import dev.dozor.telemetry.TestDb;
import dev.dozor.telemetry.TestKafka;
import dev.dozor.telemetry.position.PartitionManager;
import dev.dozor.telemetry.position.PartitionNames;
import dev.dozor.telemetry.position.PartitionedTable;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

/** Storage of passes: idempotent upsert, daily partitions and retention, the topic consumer. */
@QuarkusTest
class SegmentPassStorageTest {
  private static final Duration WAIT = Duration.ofSeconds(60);

  @Inject Pool pool;
  @Inject PartitionManager partitions;
  @Inject SegmentPassRepository repo;

  private List<Row> rows(String passId) {
    return TestDb.query(
        pool,
        "SELECT ended_at, covered_fraction, equipment FROM telemetry.segment_passes"
            + " WHERE pass_id = $1::uuid",
        passId);
  }

  @Test
  void aPassStoredAgainKeepsTheLatestEndAndTheLargestFraction() {
    String segment = "seg-" + UUID.randomUUID();
    Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(1, ChronoUnit.HOURS);
    SegmentPass first = pass(segment, "veh", start, start.plusSeconds(30), "plough", 0.6);
    SegmentPass longer = pass(segment, "veh", start, start.plusSeconds(60), "plough", 0.9);
    CoverageFixtures.passes(partitions, repo, List.of(first));
    CoverageFixtures.passes(partitions, repo, List.of(longer, longer)); // twice in one batch
    CoverageFixtures.passes(partitions, repo, List.of(first)); // an old version re-delivered

    List<Row> stored = rows(first.passId());
    assertEquals(1, stored.size());
    assertEquals(start.plusSeconds(60), stored.get(0).getOffsetDateTime("ended_at").toInstant());
    assertEquals(0.9, ((Number) stored.get(0).getValue("covered_fraction")).doubleValue(), 1e-6);
  }

  @Test
  void passPartitionNamesAndRetentionEdge() {
    LocalDate today = LocalDate.parse("2026-11-29");
    assertEquals(
        "segment_passes_20261129", PartitionNames.of(PartitionedTable.SEGMENT_PASSES, today));
    assertEquals(
        List.of("segment_passes_20251024"),
        PartitionNames.expired(
            PartitionedTable.SEGMENT_PASSES,
            List.of(
                "segment_passes_20251024",
                "segment_passes_20251025",
                "positions_20200101",
                "segment_passes_default"),
            today,
            400),
        "a positions partition is never a passes partition");
  }

  @Test
  void passPartitionsOlderThanTheRetentionAreDroppedAndYoungerOnesKept() {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    LocalDate justPast = today.minusDays(701);
    LocalDate edge = today.minusDays(700);
    partitions
        .ensure(PartitionedTable.SEGMENT_PASSES, List.of(justPast, edge))
        .await()
        .atMost(WAIT);
    partitions.ensure(PartitionedTable.POSITIONS, List.of(justPast)).await().atMost(WAIT);

    List<String> dropped =
        partitions.dropExpired(PartitionedTable.SEGMENT_PASSES, today, 700).await().atMost(WAIT);

    assertTrue(dropped.contains(PartitionNames.of(PartitionedTable.SEGMENT_PASSES, justPast)));
    assertEquals(false, exists(PartitionNames.of(PartitionedTable.SEGMENT_PASSES, justPast)));
    assertEquals(true, exists(PartitionNames.of(PartitionedTable.SEGMENT_PASSES, edge)));
    assertEquals(true, exists(PartitionNames.of(PartitionedTable.SEGMENT_PASSES, today)));
    assertEquals(true, exists(PartitionNames.of(justPast)), "positions have their own retention");
  }

  @Test
  void consumedPassesAreStoredAndPoisonGoesToTheDeadLetterTopic() throws Exception {
    ensureTopic(Topics.deadLetter(Topics.COVERAGE));
    String segment = "seg-" + UUID.randomUUID();
    String poisonKey = "poison-" + UUID.randomUUID();
    String badKey = "bad-" + UUID.randomUUID();
    Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(10, ChronoUnit.MINUTES);
    SegmentPass good = pass(segment, "veh", start, start.plusSeconds(40), "brush", 0.7);
    SegmentPass impossible = pass(segment, "veh", start.plusSeconds(1), start, "brush", 1.5);
    TestKafka.send(
        Topics.COVERAGE,
        List.of(
            Map.entry(poisonKey, "{not json".getBytes(StandardCharsets.UTF_8)),
            Map.entry(badKey, JsonSerde.toBytes(impossible)),
            Map.entry(segment, JsonSerde.toBytes(good))));

    Eventually.await(WAIT, () -> rows(good.passId()).size(), n -> n == 1);
    var dead =
        TestKafka.readUntil(
            Topics.deadLetter(Topics.COVERAGE),
            r -> poisonKey.equals(r.key()) || badKey.equals(r.key()),
            found -> found.size() >= 2,
            WAIT);
    assertEquals(2, dead.size());
    dead.forEach(r -> assertTrue(r.headers().lastHeader("dead-letter-reason") != null));
    assertEquals(0, rows(impossible.passId()).size());
  }

  private boolean exists(String partition) {
    return pool.preparedQuery("SELECT to_regclass($1) IS NOT NULL")
        .execute(Tuple.of("telemetry." + partition))
        .await()
        .atMost(WAIT)
        .iterator()
        .next()
        .getBoolean(0);
  }

  /** bin/dozor creates the topics it knows; the coverage DLQ is created here if it is missing. */
  private static void ensureTopic(String topic) throws Exception {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrap());
    try (AdminClient admin = AdminClient.create(props)) {
      Set<String> names = admin.listTopics().names().get();
      if (!names.contains(topic)) {
        try {
          admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        } catch (java.util.concurrent.ExecutionException e) {
          if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
            throw e;
          }
        }
      }
    }
  }
}

package dev.dozor.telemetry.position;

import dev.dozor.events.TelemetryPoint;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes {@code dozor.telemetry.v1} in batches. Storable points are written in one transaction;
 * the batch is acknowledged (and its offsets become committable) only after COMMIT. Records that
 * cannot be stored (undecodable, tombstones, impossible values) are dead-lettered one by one.
 */
@ApplicationScoped
public class TelemetryConsumer {
  private static final Logger LOG = Logger.getLogger(TelemetryConsumer.class);
  private static final String DESERIALIZATION_REASON = "deserialization-failure-reason";

  private final PositionService positions;
  private final IngestStats stats;
  private IngestStats.Snapshot lastLogged = new IngestStats.Snapshot(0, 0, 0, 0);

  public TelemetryConsumer(PositionService positions, IngestStats stats) {
    this.positions = positions;
    this.stats = stats;
  }

  @Incoming("telemetry-in")
  public Uni<Void> consume(KafkaRecordBatch<String, TelemetryPoint> batch) {
    List<TelemetryPoint> storable = new ArrayList<>();
    List<Uni<Void>> deadLetters = new ArrayList<>();
    for (KafkaRecord<String, TelemetryPoint> record : batch) {
      Optional<String> problem = problem(record);
      if (problem.isPresent()) {
        deadLetters.add(deadLetter(record, problem.get()));
      } else {
        storable.add(record.getPayload());
      }
    }
    Uni<Void> poison =
        deadLetters.isEmpty()
            ? Uni.createFrom().voidItem()
            : Uni.join().all(deadLetters).andFailFast().replaceWithVoid();
    return poison
        .chain(() -> positions.store(storable))
        .chain(stored -> Uni.createFrom().completionStage(batch.ack()));
  }

  private static Optional<String> problem(KafkaRecord<String, TelemetryPoint> record) {
    TelemetryPoint point = record.getPayload();
    if (point == null) {
      Header reason = record.getHeaders().lastHeader(DESERIALIZATION_REASON);
      return Optional.of(
          reason == null
              ? "null value (tombstone) on the telemetry topic"
              : "undecodable: " + new String(reason.value(), StandardCharsets.UTF_8));
    }
    return PointCheck.problem(point);
  }

  private Uni<Void> deadLetter(KafkaRecord<String, TelemetryPoint> record, String problem) {
    LOG.warnf(
        "dead-lettering telemetry record key=%s partition=%d offset=%d: %s",
        record.getKey(), record.getPartition(), offsetOf(record), problem);
    stats.deadLettered(1);
    return Uni.createFrom().completionStage(record.nack(new PoisonRecordException(problem)));
  }

  private static long offsetOf(KafkaRecord<String, TelemetryPoint> record) {
    return record instanceof IncomingKafkaRecord<String, TelemetryPoint> incoming
        ? incoming.getOffset()
        : -1;
  }

  @Scheduled(
      every = "${dozor.telemetry.consumer.progress-every:30s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void logProgress() {
    IngestStats.Snapshot now = stats.snapshot();
    if (!now.equals(lastLogged)) {
      LOG.infof(
          "telemetry ingest: %d points stored, %d duplicates skipped, %d dead-lettered"
              + " (+%d stored since last report, %d batches total)",
          now.stored(),
          now.duplicates(),
          now.deadLettered(),
          now.stored() - lastLogged.stored(),
          now.batches());
      lastLogged = now;
    }
  }

  /** Why a record went to the dead-letter topic (carried in its {@code dead-letter-reason}). */
  public static final class PoisonRecordException extends RuntimeException {
    public PoisonRecordException(String message) {
      super(message, null, false, false);
    }
  }
}

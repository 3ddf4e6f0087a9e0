package dev.dozor.telemetry.position;

import dev.dozor.events.TelemetryPoint;
import dev.dozor.telemetry.common.PoisonRecords;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
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

  private final PositionService positions;
  private final IngestStats stats;
  private IngestStats.Snapshot lastLogged = new IngestStats.Snapshot(0, 0, 0, 0);

  public TelemetryConsumer(PositionService positions, IngestStats stats) {
    this.positions = positions;
    this.stats = stats;
  }

  @Incoming("telemetry-in")
  public Uni<Void> consume(KafkaRecordBatch<String, TelemetryPoint> batch) {
    PoisonRecords.Split<TelemetryPoint> split =
        PoisonRecords.split(batch, TelemetryConsumer::problem, this::deadLetter);
    return split
        .deadLettered()
        .chain(() -> positions.store(split.storable()))
        .chain(stored -> Uni.createFrom().completionStage(batch.ack()));
  }

  private static Optional<String> problem(KafkaRecord<String, TelemetryPoint> record) {
    TelemetryPoint point = record.getPayload();
    if (point == null) {
      return Optional.of(PoisonRecords.missingPayload(record, "telemetry"));
    }
    return PointCheck.problem(point);
  }

  private Uni<Void> deadLetter(KafkaRecord<String, TelemetryPoint> record, String problem) {
    LOG.warnf(
        "dead-lettering telemetry record key=%s partition=%d offset=%d: %s",
        record.getKey(), record.getPartition(), PoisonRecords.offsetOf(record), problem);
    stats.deadLettered(1);
    return PoisonRecords.nack(record, problem);
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
}

package dev.dozor.telemetry.coverage;

import dev.dozor.events.SegmentPass;
import dev.dozor.telemetry.common.PoisonRecords;
import dev.dozor.telemetry.common.Retries;
import dev.dozor.telemetry.position.PartitionManager;
import dev.dozor.telemetry.position.PartitionedTable;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes {@code dozor.coverage.v1} in batches and stores the segment passes in one transaction;
 * the batch is acknowledged (its offsets become committable) only after COMMIT. Undecodable or
 * unstorable records are dead-lettered one by one to {@code dozor.coverage.v1.dlq}.
 */
@ApplicationScoped
public class SegmentPassConsumer {
  private static final Logger LOG = Logger.getLogger(SegmentPassConsumer.class);

  private final PartitionManager partitions;
  private final SegmentPassRepository passes;

  public SegmentPassConsumer(PartitionManager partitions, SegmentPassRepository passes) {
    this.partitions = partitions;
    this.passes = passes;
  }

  @Incoming("coverage-in")
  public Uni<Void> consume(KafkaRecordBatch<String, SegmentPass> batch) {
    PoisonRecords.Split<SegmentPass> split =
        PoisonRecords.split(batch, SegmentPassConsumer::problem, this::deadLetter);
    return split
        .deadLettered()
        .chain(() -> store(split.storable()))
        .chain(() -> Uni.createFrom().completionStage(batch.ack()));
  }

  /** Ensures the days' partitions, then upserts; a database failure is retried until it passes. */
  private Uni<Void> store(List<SegmentPass> batch) {
    if (batch.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    List<LocalDate> days =
        batch.stream()
            .map(p -> LocalDate.ofInstant(p.startedAt(), ZoneOffset.UTC))
            .distinct()
            .toList();
    return Retries.untilDone(
            () ->
                partitions
                    .ensure(PartitionedTable.SEGMENT_PASSES, days)
                    .chain(() -> passes.upsert(batch)),
            LOG,
            () ->
                String.format(
                    "storing %d segment passes (e.g. vehicle %s, segment %s)",
                    batch.size(), batch.get(0).vehicleId(), batch.get(0).segmentId()))
        .invoke(n -> LOG.debugf("segment passes: %d received, %d written", batch.size(), n))
        .replaceWithVoid();
  }

  /** What makes the record unstorable, or empty. */
  static Optional<String> problem(KafkaRecord<String, SegmentPass> record) {
    SegmentPass p = record.getPayload();
    if (p == null) {
      return Optional.of(PoisonRecords.missingPayload(record, "coverage"));
    }
    return problem(p);
  }

  /** Checks a decoded pass against what the table can hold. */
  static Optional<String> problem(SegmentPass p) {
    if (p.passId() == null || !isUuid(p.passId())) {
      return Optional.of("passId " + p.passId() + " is not a UUID");
    }
    if (blank(p.segmentId()) || blank(p.vehicleId()) || blank(p.equipment())) {
      return Optional.of("segmentId, vehicleId and equipment are required");
    }
    if (p.startedAt() == null || p.endedAt() == null || p.endedAt().isBefore(p.startedAt())) {
      return Optional.of("startedAt and endedAt are required, endedAt not before startedAt");
    }
    if (!(p.coveredFraction() >= 0 && p.coveredFraction() <= 1)) {
      return Optional.of("coveredFraction " + p.coveredFraction() + " is outside 0..1");
    }
    if (blank(p.source())) {
      return Optional.of("source is required");
    }
    return Optional.empty();
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static boolean isUuid(String s) {
    try {
      UUID.fromString(s);
      return s.length() == 36;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private Uni<Void> deadLetter(KafkaRecord<String, SegmentPass> record, String problem) {
    SegmentPass p = record.getPayload();
    LOG.warnf(
        "dead-lettering segment pass key=%s vehicle=%s partition=%d offset=%d: %s",
        record.getKey(),
        p == null ? "?" : p.vehicleId(),
        record.getPartition(),
        PoisonRecords.offsetOf(record),
        problem);
    return PoisonRecords.nack(record, problem);
  }
}

package dev.dozor.rules.telemetry;

import dev.dozor.events.TelemetryPoint;
import dev.dozor.events.ViolationEvent;
import dev.dozor.rules.coverage.SegmentPassProducer;
import dev.dozor.rules.engine.EngineOutput;
import dev.dozor.rules.engine.RuleEngineService;
import dev.dozor.rules.restore.CheckpointService;
import dev.dozor.rules.sites.SiteVisitProducer;
import dev.dozor.rules.violation.ViolationProducer;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes telemetry in batches, runs the rules and the segment-pass matching, and acknowledges the
 * batch only after every resulting violation ({@code dozor.violations.v1}), segment pass ({@code
 * dozor.coverage.v1}) and container-site visit ({@code dozor.site-visits.v1}, TIM-003) was
 * acknowledged by Kafka, so committed offsets never outrun them. Unreadable records are
 * dead-lettered one by one; the rest of the batch goes on.
 */
@ApplicationScoped
public class TelemetryConsumer {
  private static final Logger LOG = Logger.getLogger(TelemetryConsumer.class);

  /** Header SmallRye sets when the value deserializer failed. */
  static final String DESERIALIZATION_FAILURE_REASON = "deserialization-failure-reason";

  @Inject RuleEngineService engine;
  @Inject ViolationProducer violations;
  @Inject SegmentPassProducer passes;
  @Inject CheckpointService checkpoints;
  @Inject SiteVisitProducer siteVisits;

  @Incoming("telemetry")
  public Uni<Void> consume(KafkaRecordBatch<String, TelemetryPoint> batch) {
    BatchTiming timing = LOG.isDebugEnabled() ? BatchTiming.received(batch) : BatchTiming.OFF;
    List<TelemetryPoint> points = new ArrayList<>(batch.getRecords().size());
    List<Uni<Void>> deadLettered = new ArrayList<>();
    Map<Integer, Long> nextOffsets = new HashMap<>();
    for (KafkaRecord<String, TelemetryPoint> record : batch.getRecords()) {
      record
          .getMetadata(IncomingKafkaRecordMetadata.class)
          .ifPresent(m -> nextOffsets.merge(m.getPartition(), m.getOffset() + 1, Math::max));
      if (record.getPayload() == null) {
        deadLettered.add(deadLetter(record));
      } else {
        points.add(record.getPayload());
      }
    }
    return Uni.createFrom()
        .item(
            () -> {
              timing.engineStarted();
              EngineOutput output = engine.processBatch(points);
              timing.engineEnded();
              // the events go to Kafka first; it acknowledges them while this thread captures the
              // state right after the batch (the next batch must not change it before), so the
              // capture does not make this batch's violations late
              Uni<Void> published = publish(output);
              List<CheckpointService.Pending> captured = checkpoints.capture(nextOffsets);
              timing.captured();
              return new Processed(output, published, captured);
            })
        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
        .onItemOrFailure()
        .transformToUni(
            (processed, failure) ->
                failure != null
                    ? rejectBatch(batch, failure)
                    : processed
                        .published()
                        .chain(() -> joinAll(deadLettered))
                        // the events are durable now; the writer thread stores the checkpoints
                        // while the next batch runs
                        .invoke(() -> checkpoints.writeLater(processed.checkpoints()))
                        .invoke(
                            () -> {
                              if (timing.isOn()) {
                                LOG.debug(
                                    timing.describe(
                                        points.size(),
                                        nextOffsets.size(),
                                        processed.output().violations().size(),
                                        processed.checkpoints().size()));
                              }
                            })
                        .chain(() -> Uni.createFrom().completionStage(batch.ack())));
  }

  private record Processed(
      EngineOutput output, Uni<Void> published, List<CheckpointService.Pending> checkpoints) {}

  private Uni<Void> publish(EngineOutput output) {
    List<ViolationEvent> events = output.violations();
    return Uni.join()
        .all(
            violations.publish(events),
            passes.publish(output.passes()),
            siteVisits.publish(output.visits()))
        .andFailFast()
        .replaceWithVoid()
        .onFailure()
        .invoke(
            failure ->
                // not acknowledged: offsets stay put and the channel reports unhealthy, so a
                // restart re-reads the batch; the deterministic ids make the re-send harmless
                LOG.errorf(
                    failure,
                    "could not publish %d violation events, %d segment passes and %d site"
                        + " visits; batch left unacked",
                    events.size(),
                    output.passes().size(),
                    output.visits().size()));
  }

  private static Uni<Void> deadLetter(KafkaRecord<String, TelemetryPoint> record) {
    String reason = header(record, DESERIALIZATION_FAILURE_REASON);
    String message =
        "unreadable telemetry record for vehicle key "
            + record.getKey()
            + " at "
            + record.getTopic()
            + "/"
            + record.getPartition()
            + "@"
            + record
                .getMetadata(IncomingKafkaRecordMetadata.class)
                .map(m -> Long.toString(m.getOffset()))
                .orElse("?")
            + ": "
            + (reason == null ? "null value" : reason);
    LOG.warn(message + " -> dead-letter topic");
    return Uni.createFrom().completionStage(record.nack(new MalformedTelemetryException(message)));
  }

  private static Uni<Void> rejectBatch(
      KafkaRecordBatch<String, TelemetryPoint> batch, Throwable t) {
    // the engine failed on this batch: dead-letter it with the cause rather than acknowledge it
    LOG.errorf(
        t,
        "rule engine failed on a batch of %d records; dead-lettering it",
        batch.getRecords().size());
    return Uni.createFrom().completionStage(batch.nack(t));
  }

  private static Uni<Void> joinAll(List<Uni<Void>> unis) {
    if (unis.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return Uni.join().all(unis).andCollectFailures().replaceWithVoid();
  }

  private static String header(KafkaRecord<String, TelemetryPoint> record, String name) {
    Header header = record.getHeaders().lastHeader(name);
    return header == null || header.value() == null
        ? null
        : new String(header.value(), StandardCharsets.UTF_8);
  }
}

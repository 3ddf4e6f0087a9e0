package dev.dozor.rules.violation;

import dev.dozor.events.ViolationEvent;
import dev.dozor.events.ViolationStatus;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/** Publishes violation events on {@code dozor.violations.v1}, keyed by vehicle. */
@ApplicationScoped
public class ViolationProducer {
  private static final Logger LOG = Logger.getLogger(ViolationProducer.class);

  // bounded by one consumed batch: the consumer waits for these acks before the next batch
  @Inject
  @Channel("violations")
  @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
  Emitter<ViolationEvent> emitter;

  /**
   * Sends the events in order and completes once Kafka acknowledged every one of them ({@code
   * acks=all}), or fails with the first send error.
   */
  public Uni<Void> publish(List<ViolationEvent> events) {
    if (events.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    CompletableFuture<?>[] acks = new CompletableFuture<?>[events.size()];
    for (int i = 0; i < events.size(); i++) {
      ViolationEvent event = events.get(i);
      log(event);
      CompletableFuture<Void> acked = new CompletableFuture<>();
      acks[i] = acked;
      emitter.send(
          Message.of(
              event,
              Metadata.of(
                  OutgoingKafkaRecordMetadata.<String>builder().withKey(event.vehicleId()).build()),
              () -> {
                acked.complete(null);
                return CompletableFuture.completedFuture(null);
              },
              failure -> {
                acked.completeExceptionally(failure);
                return CompletableFuture.completedFuture(null);
              }));
    }
    return Uni.createFrom().completionStage(CompletableFuture.allOf(acks));
  }

  private static void log(ViolationEvent e) {
    if (e.status() == ViolationStatus.UPDATED) {
      LOG.debugf("%s UPDATED vehicle=%s %s", e.regulationId(), e.vehicleId(), e.measurements());
      return;
    }
    LOG.infof(
        "%s %s vehicle=%s maxSpeedKmh=%s startedAt=%s endedAt=%s id=%s",
        e.regulationId(),
        e.status(),
        e.vehicleId(),
        e.measurements().get("maxSpeedKmh"),
        e.startedAt(),
        e.endedAt(),
        e.violationId());
  }
}

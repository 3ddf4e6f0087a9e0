package dev.dozor.rules.violation;

import dev.dozor.events.ViolationEvent;
import dev.dozor.events.ViolationStatus;
import dev.dozor.rules.common.KeyedPublisher;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
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
    events.forEach(ViolationProducer::log);
    return KeyedPublisher.publish(emitter, events, ViolationEvent::vehicleId);
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

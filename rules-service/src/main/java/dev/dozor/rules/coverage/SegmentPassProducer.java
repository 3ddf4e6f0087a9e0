package dev.dozor.rules.coverage;

import dev.dozor.events.SegmentPass;
import dev.dozor.rules.common.KeyedPublisher;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/** Publishes segment passes on {@code dozor.coverage.v1}, keyed by segment. */
@ApplicationScoped
public class SegmentPassProducer {
  private static final Logger LOG = Logger.getLogger(SegmentPassProducer.class);

  // bounded by one consumed batch: the consumer waits for these acks before the next batch
  @Inject
  @Channel("coverage")
  @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
  Emitter<SegmentPass> emitter;

  /**
   * Sends the passes and completes once Kafka acknowledged every one of them ({@code acks=all}), or
   * fails with the first send error.
   */
  public Uni<Void> publish(List<SegmentPass> passes) {
    if (!passes.isEmpty()) {
      LOG.debugf(
          "publishing %d segment passes (e.g. vehicle %s, segment %s)",
          passes.size(), passes.get(0).vehicleId(), passes.get(0).segmentId());
    }
    return KeyedPublisher.publish(emitter, passes, SegmentPass::segmentId);
  }
}

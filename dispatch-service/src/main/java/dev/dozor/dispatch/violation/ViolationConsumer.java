package dev.dozor.dispatch.violation;

import dev.dozor.dispatch.board.BoardBroadcaster;
import dev.dozor.events.ViolationEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes {@code dozor.violations.v1}. The offset is committed only after the returned Uni
 * completes, i.e. after the upsert committed; a record that cannot be applied goes to the DLQ.
 */
@ApplicationScoped
public class ViolationConsumer {
  private static final Logger LOG = Logger.getLogger(ViolationConsumer.class);

  /** Transient DB errors are retried this many times before the record is dead-lettered. */
  private static final int DB_RETRIES = 3;

  private static final Duration DB_BACKOFF = Duration.ofMillis(200);

  @Inject ViolationService service;
  @Inject BoardBroadcaster board;

  @Incoming("violations")
  public Uni<Void> consume(ViolationEvent event) {
    if (event == null) {
      // only reachable when the deserializer failed and no DLQ handled it: refuse, do not drop
      return Uni.createFrom().failure(new IllegalArgumentException("unreadable violation record"));
    }
    return service
        .apply(event)
        .onFailure()
        .retry()
        .withBackOff(DB_BACKOFF)
        .atMost(DB_RETRIES)
        .invoke(
            applied -> {
              if (applied.isPresent()) {
                LOG.debugf(
                    "violation %s %s of vehicle %s stored",
                    event.violationId(), event.status(), event.vehicleId());
                board.violation(applied.get());
              } else {
                LOG.debugf(
                    "violation %s %s of vehicle %s at %s is stale or a re-delivery: ignored",
                    event.violationId(), event.status(), event.vehicleId(), event.eventTime());
              }
            })
        .onFailure()
        .invoke(
            e ->
                LOG.errorf(
                    "violation %s of vehicle %s not stored, sending to DLQ: %s",
                    event.violationId(), event.vehicleId(), e.toString()))
        .replaceWithVoid();
  }
}

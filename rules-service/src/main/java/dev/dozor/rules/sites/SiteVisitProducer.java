package dev.dozor.rules.sites;

import dev.dozor.rules.common.KeyedPublisher;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/** Publishes container-site visits and baselines on {@code dozor.site-visits.v1}, keyed by site. */
@ApplicationScoped
public class SiteVisitProducer {
  private static final Logger LOG = Logger.getLogger(SiteVisitProducer.class);

  // bounded by one consumed batch: the consumer waits for these acks before the next batch
  @Inject
  @Channel("site-visits")
  @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
  Emitter<SiteVisit> emitter;

  /**
   * Sends the records and completes once Kafka acknowledged every one of them ({@code acks=all}),
   * or fails with the first send error.
   */
  public Uni<Void> publish(List<SiteVisit> visits) {
    for (SiteVisit visit : visits) {
      LOG.debugf(
          "site %s: %s of vehicle %s %s..%s",
          visit.siteId(), visit.kind(), visit.vehicleId(), visit.startedAt(), visit.endedAt());
    }
    return KeyedPublisher.publish(emitter, visits, SiteVisit::siteId);
  }
}

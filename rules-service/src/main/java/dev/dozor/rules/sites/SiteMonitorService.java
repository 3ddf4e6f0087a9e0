package dev.dozor.rules.sites;

import dev.dozor.rules.engine.RuleEngine;
import dev.dozor.rules.engine.RuleEngineService;
import dev.dozor.rules.violation.ViolationProducer;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Runs the TIM-003 {@link SiteMonitor} on Kafka: consumes {@code dozor.site-visits.v1} (group of
 * its own, partitioned by site, re-read from the beginning on every assignment by {@link
 * SiteVisitRebalanceListener}), and publishes the overdue episodes on {@code dozor.violations.v1}
 * and the baselines of sites seen for the first time on the visit topic. The event time is the rule
 * engine's watermark (and the visits' ends); a scheduled tick moves it while no visit arrives.
 *
 * <p>A partition's sites are evaluated only once the partition was read up to the end offset it had
 * when it was assigned, so a restarted monitor knows every site's last service before it decides
 * anything; what it then reports carries the ids it reported before.
 */
@ApplicationScoped
public class SiteMonitorService {
  private static final Logger LOG = Logger.getLogger(SiteMonitorService.class);

  @Inject RuleEngineService engine;
  @Inject ViolationProducer violations;
  @Inject SiteVisitProducer visits;
  @Inject SitesConfig config; // dozor.rules.sites.tick drives tick()

  private SiteMonitor monitor;
  private RuleEngine monitoredEngine;

  /** Per partition being re-read: the end offset to reach before its sites are evaluated. */
  private final Map<Integer, Long> catchingUp = new HashMap<>();

  /** Partitions were assigned; {@code ends} holds those that still have records to re-read. */
  synchronized void assigned(
      int partitions, Collection<Integer> assigned, Map<Integer, Long> ends) {
    SiteMonitor m = monitor(partitions);
    for (Integer p : assigned) {
      Long end = ends.get(p);
      if (end == null) {
        m.activate(p);
      } else {
        catchingUp.put(p, end);
      }
    }
    LOG.infof(
        "site-visit partitions %s assigned; re-reading %s before evaluating their sites",
        assigned, catchingUp);
  }

  synchronized void revoked(Collection<Integer> partitions) {
    partitions.forEach(catchingUp::remove);
    if (monitor != null) {
      monitor.release(partitions);
    }
  }

  private SiteMonitor monitor(int partitions) {
    RuleEngine current = engine.engine();
    if (monitor == null || monitoredEngine != current) {
      if (monitor != null) {
        monitor.close();
      }
      monitor = new SiteMonitor(current, partitions);
      monitoredEngine = current;
    }
    return monitor;
  }

  private synchronized SiteMonitor current() {
    return monitor;
  }

  /** The monitor (null before the first assignment): tests look at its state. */
  SiteMonitor monitorForTests() {
    return current();
  }

  @Incoming("site-visits-in")
  public Uni<Void> consume(KafkaRecordBatch<String, SiteVisit> batch) {
    List<Uni<Void>> deadLettered = new ArrayList<>();
    for (KafkaRecord<String, SiteVisit> record : batch.getRecords()) {
      if (record.getPayload() == null) {
        String message =
            "unreadable site-visit record for site key "
                + record.getKey()
                + " at partition "
                + record.getPartition()
                + "@"
                + offsetOf(record)
                + "; the site counts from its previous record";
        LOG.warn(message + " -> dead-letter topic");
        deadLettered.add(
            Uni.createFrom().completionStage(record.nack(new IllegalArgumentException(message))));
      }
    }
    return Uni.createFrom()
        .item(() -> apply(batch))
        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
        .chain(this::publish)
        .chain(
            () ->
                deadLettered.isEmpty()
                    ? Uni.createFrom().voidItem()
                    : Uni.join().all(deadLettered).andCollectFailures().replaceWithVoid())
        .chain(() -> Uni.createFrom().completionStage(batch.ack()));
  }

  private SiteMonitor.Output apply(KafkaRecordBatch<String, SiteVisit> batch) {
    SiteMonitor m = current();
    if (m == null) {
      throw new IllegalStateException("site visits before any partition was assigned");
    }
    List<Integer> caughtUp = new ArrayList<>();
    for (KafkaRecord<String, SiteVisit> record : batch.getRecords()) {
      SiteVisit v = record.getPayload();
      if (v != null) {
        m.visit(v);
      }
      caughtUp.addAll(reached(record.getPartition(), offsetOf(record)));
    }
    caughtUp.forEach(m::activate);
    return m.poll(engine.engine().watermarkMs());
  }

  private synchronized List<Integer> reached(int partition, long offset) {
    Long end = catchingUp.get(partition);
    if (end != null && offset + 1 >= end) {
      catchingUp.remove(partition);
      LOG.infof(
          "site-visit partition %d re-read up to offset %d: its sites are evaluated",
          partition, offset);
      return List.of(partition);
    }
    return List.of();
  }

  private static long offsetOf(KafkaRecord<String, SiteVisit> record) {
    return record
        .getMetadata(io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata.class)
        .map(m -> m.getOffset())
        .orElse(-1L);
  }

  /** Moves the monitor's event time to the engine's while no visit arrives. */
  @Scheduled(
      every = "${dozor.rules.sites.tick:10s}",
      delayed = "${dozor.rules.sites.tick:10s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void tick() {
    SiteMonitor m = current();
    if (m == null || !engine.isReady()) {
      return;
    }
    SiteMonitor.Output out = m.poll(engine.engine().watermarkMs());
    publish(out).await().atMost(Duration.ofSeconds(30));
  }

  private Uni<Void> publish(SiteMonitor.Output out) {
    return Uni.join()
        .all(violations.publish(out.violations()), visits.publish(out.baselines()))
        .andFailFast()
        .replaceWithVoid()
        .onFailure()
        .invoke(
            failure ->
                LOG.errorf(
                    failure,
                    "could not publish %d TIM-003 events and %d site baselines (they are derived"
                        + " again from the visit topic after a restart)",
                    out.violations().size(),
                    out.baselines().size()));
  }
}

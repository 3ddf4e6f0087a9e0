package dev.dozor.telemetry.position;

import dev.dozor.telemetry.TelemetryConfig;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Creates the daily partitions from {@code days-behind} days ago to {@code days-ahead} days ahead,
 * at start-up and then periodically, so the consumer rarely has to, and drops the partitions past
 * {@code retention-days} (whole days; rows are never deleted one by one).
 */
@ApplicationScoped
public class PartitionJob {
  private static final Logger LOG = Logger.getLogger(PartitionJob.class);

  private final PartitionManager partitions;
  private final TelemetryConfig config;

  public PartitionJob(PartitionManager partitions, TelemetryConfig config) {
    this.partitions = partitions;
    this.config = config;
  }

  void onStart(@Observes StartupEvent event) {
    List<LocalDate> days = window();
    partitions.ensure(days).await().indefinitely();
    LOG.infof("positions partitions ready from %s to %s", days.get(0), days.get(days.size() - 1));
    retention().await().indefinitely();
  }

  @Scheduled(
      every = "${dozor.telemetry.partitions.every:1h}",
      delayed = "${dozor.telemetry.partitions.every:1h}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> run() {
    List<LocalDate> days = window();
    return partitions
        .ensure(days)
        .onFailure()
        .invoke(e -> LOG.errorf(e, "creating positions partitions %s failed", days))
        .onFailure()
        .recoverWithNull()
        .chain(this::retention);
  }

  /** Drops the partitions past retention; a failure is logged and retried at the next run. */
  Uni<Void> retention() {
    int days = config.partitions().retentionDays();
    return partitions
        .dropExpired(LocalDate.now(Clock.systemUTC()), days)
        .replaceWithVoid()
        .onFailure()
        .invoke(e -> LOG.errorf(e, "dropping positions partitions older than %d days failed", days))
        .onFailure()
        .recoverWithNull();
  }

  /** Days the job keeps ready, relative to today (UTC). */
  public List<LocalDate> window() {
    var p = config.partitions();
    return PartitionNames.window(
        LocalDate.now(Clock.systemUTC().withZone(ZoneOffset.UTC)), p.daysBehind(), p.daysAhead());
  }
}

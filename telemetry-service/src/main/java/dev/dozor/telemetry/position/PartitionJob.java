package dev.dozor.telemetry.position;

import dev.dozor.telemetry.TelemetryConfig;
import dev.dozor.telemetry.coverage.CoverageConfig;
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
 * Creates the daily partitions of every {@link PartitionedTable} from {@code days-behind} days ago
 * to {@code days-ahead} days ahead, at start-up and then periodically, so the consumers rarely have
 * to, and drops the partitions past retention (whole days; rows are never deleted one by one):
 * {@code dozor.telemetry.partitions.retention-days} for positions, {@code
 * dozor.coverage.retention-days} for segment passes.
 */
@ApplicationScoped
public class PartitionJob {
  private static final Logger LOG = Logger.getLogger(PartitionJob.class);

  private final PartitionManager partitions;
  private final TelemetryConfig config;
  private final CoverageConfig coverage;

  public PartitionJob(
      PartitionManager partitions, TelemetryConfig config, CoverageConfig coverage) {
    this.partitions = partitions;
    this.config = config;
    this.coverage = coverage;
  }

  void onStart(@Observes StartupEvent event) {
    List<LocalDate> days = window();
    for (PartitionedTable table : PartitionedTable.values()) {
      partitions.ensure(table, days).await().indefinitely();
      LOG.infof(
          "%s partitions ready from %s to %s",
          table.table(), days.get(0), days.get(days.size() - 1));
    }
    retention().await().indefinitely();
  }

  @Scheduled(
      every = "${dozor.telemetry.partitions.every:1h}",
      delayed = "${dozor.telemetry.partitions.every:1h}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> run() {
    List<LocalDate> days = window();
    Uni<Void> chain = Uni.createFrom().voidItem();
    for (PartitionedTable table : PartitionedTable.values()) {
      chain =
          chain.chain(
              () ->
                  partitions
                      .ensure(table, days)
                      .onFailure()
                      .invoke(
                          e ->
                              LOG.errorf(
                                  e, "creating %s partitions %s failed", table.table(), days))
                      .onFailure()
                      .recoverWithNull());
    }
    return chain.chain(this::retention);
  }

  /** Drops the partitions past retention; a failure is logged and retried at the next run. */
  Uni<Void> retention() {
    return retention(PartitionedTable.POSITIONS, config.partitions().retentionDays())
        .chain(() -> retention(PartitionedTable.SEGMENT_PASSES, coverage.retentionDays()));
  }

  private Uni<Void> retention(PartitionedTable table, int days) {
    return partitions
        .dropExpired(table, LocalDate.now(Clock.systemUTC()), days)
        .replaceWithVoid()
        .onFailure()
        .invoke(
            e ->
                LOG.errorf(
                    e, "dropping %s partitions older than %d days failed", table.table(), days))
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

package dev.dozor.telemetry.position;

import dev.dozor.events.TelemetryPoint;
import dev.dozor.telemetry.TelemetryConfig;
import dev.dozor.telemetry.common.Retries;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Stores telemetry points durably and idempotently: in-batch duplicates are removed, partitions are
 * ensured, then the batch is split into slices with disjoint vehicles ({@code
 * dozor.telemetry.consumer.write-connections}), and each slice inserts its points (re-delivered
 * ones are skipped by the primary key) and advances its vehicles' last state in one transaction of
 * its own, on its own connection, at the same time as the others.
 */
@ApplicationScoped
public class PositionService {
  private static final Logger LOG = Logger.getLogger(PositionService.class);

  private final PartitionManager partitions;
  private final PositionRepository positions;
  private final IngestStats stats;
  private final int writeConnections;

  public PositionService(
      PartitionManager partitions,
      PositionRepository positions,
      IngestStats stats,
      TelemetryConfig config) {
    this.partitions = partitions;
    this.positions = positions;
    this.stats = stats;
    this.writeConnections = Math.max(1, config.consumer().writeConnections());
  }

  /**
   * Stores the points; completes after COMMIT. A database failure is retried with back-off for as
   * long as it lasts: nothing is acknowledged meanwhile, and nothing is dropped.
   *
   * @return what was stored
   */
  public Uni<StoreResult> store(Collection<TelemetryPoint> points) {
    PositionBatch batch = PositionBatch.of(points);
    if (batch.isEmpty()) {
      return Uni.createFrom().item(new StoreResult(0, batch.duplicatesInBatch()));
    }
    Uni<Integer> stored =
        retried(batch, () -> partitions.ensure(batch.days()).replaceWith(0))
            .chain(
                () ->
                    Uni.join()
                        .all(
                            batch.slices(writeConnections).stream()
                                .map(slice -> retried(slice, () -> positions.store(slice)))
                                .toList())
                        .andFailFast()
                        .map(counts -> counts.stream().mapToInt(Integer::intValue).sum()));
    return stored.map(
        inserted -> {
          int duplicates = points.size() - inserted;
          stats.batch(inserted, duplicates);
          LOG.debugf(
              "batch: %d points received, %d stored, %d duplicates skipped",
              (Object) points.size(), inserted, duplicates);
          return new StoreResult(inserted, duplicates);
        });
  }

  /**
   * Runs a step of storing a batch until it succeeds: each slice retries on its own, so a slice
   * that committed is not written again when another one fails.
   */
  private static <T> Uni<T> retried(PositionBatch batch, Supplier<Uni<? extends T>> step) {
    return Retries.untilDone(
        step,
        LOG,
        () ->
            String.format(
                "storing %d points (vehicles e.g. %s)",
                batch.points().size(), batch.points().get(0).vehicleId()));
  }

  /**
   * Outcome of one store.
   *
   * @param stored rows inserted
   * @param duplicates points skipped because the same (vehicle, fix time) was already there or
   *     appeared twice in the batch
   */
  public record StoreResult(int stored, int duplicates) {}
}

package dev.dozor.telemetry.position;

import dev.dozor.events.TelemetryPoint;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Collection;
import org.jboss.logging.Logger;

/**
 * Stores telemetry points durably and idempotently: in-batch duplicates are removed, partitions are
 * ensured, then one transaction inserts the points (re-delivered ones are skipped by the primary
 * key) and advances the last state per vehicle.
 */
@ApplicationScoped
public class PositionService {
  private static final Logger LOG = Logger.getLogger(PositionService.class);
  private static final Duration RETRY_FIRST = Duration.ofSeconds(1);
  private static final Duration RETRY_MAX = Duration.ofSeconds(30);

  private final PartitionManager partitions;
  private final PositionRepository positions;
  private final IngestStats stats;

  public PositionService(
      PartitionManager partitions, PositionRepository positions, IngestStats stats) {
    this.partitions = partitions;
    this.positions = positions;
    this.stats = stats;
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
    return Uni.createFrom()
        .deferred(() -> partitions.ensure(batch.days()).chain(() -> positions.store(batch)))
        .onFailure()
        .invoke(
            e ->
                LOG.warnf(
                    "storing %d points (vehicles e.g. %s) failed, retrying: %s",
                    batch.points().size(), batch.points().get(0).vehicleId(), e.toString()))
        .onFailure()
        .retry()
        .withBackOff(RETRY_FIRST, RETRY_MAX)
        .indefinitely()
        .map(
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
   * Outcome of one store.
   *
   * @param stored rows inserted
   * @param duplicates points skipped because the same (vehicle, fix time) was already there or
   *     appeared twice in the batch
   */
  public record StoreResult(int stored, int duplicates) {}
}

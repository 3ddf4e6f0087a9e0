package dev.dozor.telemetry.query.snapshot;

import dev.dozor.telemetry.query.QueryConfig;
import dev.dozor.telemetry.query.QueryParams;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Where the fleet was at a time: the last known position of each registered vehicle. */
@ApplicationScoped
public class FleetSnapshotService {
  private final FleetSnapshotRepository snapshots;
  private final QueryConfig.Snapshot config;
  private final Clock clock = Clock.systemUTC();

  public FleetSnapshotService(FleetSnapshotRepository snapshots, QueryConfig queries) {
    this.snapshots = snapshots;
    this.config = queries.snapshot();
  }

  /**
   * @param at ISO-8601 instant; absent = now (read from vehicle_state)
   * @param maxAge ISO-8601 duration; older fixes are left out
   */
  public Uni<FleetSnapshot> snapshot(String at, String maxAge) {
    Instant time = QueryParams.instant("at", at);
    Duration age =
        QueryParams.duration("maxAge", maxAge, config.defaultMaxAge(), config.maxMaxAge());
    Instant when = time == null ? clock.instant() : time;
    Uni<List<FleetSnapshot.Feature>> features =
        time == null ? snapshots.now(when, age) : snapshots.at(when, age);
    String source = time == null ? "vehicle_state" : "positions";
    return Uni.combine()
        .all()
        .unis(features, snapshots.vehicleCount())
        .asTuple()
        .map(
            t ->
                new FleetSnapshot(
                    new FleetSnapshot.Summary(
                        when, age.toString(), t.getItem2(), t.getItem1().size(), source),
                    t.getItem1()));
  }
}

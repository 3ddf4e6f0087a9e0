package dev.dozor.telemetry.query.visits;

import dev.dozor.telemetry.common.ApiException;
import dev.dozor.telemetry.query.QueryConfig;
import dev.dozor.telemetry.query.QueryParams;
import dev.dozor.telemetry.track.TrackInterval;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Who was inside a zone in an interval, with the visits of each vehicle. */
@ApplicationScoped
public class ZoneVisitService {
  private final ZoneVisitRepository repository;
  private final QueryConfig.ZoneVisits config;

  public ZoneVisitService(ZoneVisitRepository repository, QueryConfig queries) {
    this.repository = repository;
    this.config = queries.zoneVisits();
  }

  /**
   * @throws ApiException 400 for a missing zone or a bad interval, 404 for an unknown zone
   */
  public Uni<ZoneVisits> visits(String zone, String from, String to) {
    String zoneId = QueryParams.required("zone", zone);
    TrackInterval interval = TrackInterval.parse(from, to, config.maxInterval());
    long maxGapMs = config.maxGap().toMillis();
    return repository
        .zoneExists(zoneId)
        .chain(
            exists -> {
              if (!exists) {
                throw ApiException.notFound("zone '" + zoneId + "' does not exist");
              }
              return repository.visits(zoneId, interval.from(), interval.to(), maxGapMs);
            })
        .chain(
            trackers ->
                repository
                    .plates(List.copyOf(trackers.keySet()))
                    .map(plates -> answer(zoneId, interval, maxGapMs, trackers, plates)));
  }

  private static ZoneVisits answer(
      String zoneId,
      TrackInterval interval,
      long maxGapMs,
      Map<String, ZoneVisitTracker> trackers,
      Map<String, String> plates) {
    List<ZoneVisits.VehicleVisits> vehicles = new ArrayList<>();
    trackers.forEach(
        (vehicleId, tracker) -> {
          List<ZoneVisitTracker.Visit> visits = tracker.visits();
          if (visits.isEmpty()) {
            return;
          }
          vehicles.add(
              new ZoneVisits.VehicleVisits(
                  vehicleId,
                  plates.get(vehicleId),
                  tracker.insidePoints(),
                  Instant.ofEpochMilli(visits.get(0).enteredMs()),
                  Instant.ofEpochMilli(visits.get(visits.size() - 1).leftMs()),
                  visits.stream()
                      .map(
                          v ->
                              new ZoneVisits.Visit(
                                  Instant.ofEpochMilli(v.enteredMs()),
                                  Instant.ofEpochMilli(v.leftMs()),
                                  v.points()))
                      .toList()));
        });
    return new ZoneVisits(
        zoneId, interval.from(), interval.to(), maxGapMs / 1000, List.copyOf(vehicles));
  }
}

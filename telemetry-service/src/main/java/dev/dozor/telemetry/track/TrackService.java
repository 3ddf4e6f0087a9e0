package dev.dozor.telemetry.track;

import dev.dozor.telemetry.TelemetryConfig;
import dev.dozor.telemetry.common.ApiException;
import dev.dozor.telemetry.query.QueryConfig;
import dev.dozor.telemetry.query.QueryParams;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/** Tracks of registered vehicles as GeoJSON: runs of equal equipment, simplified, and stops. */
@ApplicationScoped
public class TrackService {
  private final TrackRepository tracks;
  private final TelemetryConfig telemetry;
  private final QueryConfig.Track config;

  public TrackService(TrackRepository tracks, TelemetryConfig telemetry, QueryConfig queries) {
    this.tracks = tracks;
    this.telemetry = telemetry;
    this.config = queries.track();
  }

  /**
   * The track of a vehicle in {@code [from, to)} as GeoJSON text.
   *
   * @param tolerance Douglas–Peucker tolerance in metres; absent: 0 up to {@code
   *     dozor.queries.track.simplify-after}, {@code default-tolerance-m} beyond
   * @param stopMinutes shortest stop reported; 0 reports none
   * @throws ApiException 400 for a bad parameter, 404 for an unknown vehicle
   */
  public Uni<String> track(
      String vehicleId, String from, String to, String tolerance, String stopMinutes) {
    TrackInterval interval = TrackInterval.parse(from, to, telemetry.track().maxInterval());
    boolean longInterval =
        Duration.between(interval.from(), interval.to()).compareTo(config.simplifyAfter()) > 0;
    double toleranceM =
        QueryParams.number(
            "tolerance",
            tolerance,
            longInterval ? config.defaultToleranceM() : 0,
            0,
            config.maxToleranceM());
    int minutes =
        QueryParams.integer(
            "stopMinutes", stopMinutes, config.stopMinutes(), 0, config.maxStopMinutes());
    var options = new TrackGeoJson.Options(toleranceM, minutes, config.stopRadiusM());
    return tracks
        .vehicleExists(vehicleId)
        .chain(
            exists -> {
              if (!exists) {
                throw ApiException.notFound("vehicle '" + vehicleId + "' is not registered");
              }
              return tracks.fixes(vehicleId, interval);
            })
        // tens of milliseconds of CPU for a day at 1 Hz: off the event loop
        .emitOn(Infrastructure.getDefaultWorkerPool())
        .map(points -> TrackGeoJson.write(vehicleId, interval, points, options));
  }
}

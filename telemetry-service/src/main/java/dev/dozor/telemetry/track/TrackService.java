package dev.dozor.telemetry.track;

import dev.dozor.telemetry.TelemetryConfig;
import dev.dozor.telemetry.common.ApiException;
import dev.dozor.telemetry.track.TrackGeoJson.FeatureCollection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Tracks of registered vehicles as GeoJSON. */
@ApplicationScoped
public class TrackService {
  private final TrackRepository tracks;
  private final TelemetryConfig config;

  public TrackService(TrackRepository tracks, TelemetryConfig config) {
    this.tracks = tracks;
    this.config = config;
  }

  /**
   * The track of a vehicle in {@code [from, to)}.
   *
   * @throws ApiException 400 for a bad interval, 404 for an unknown vehicle
   */
  public Uni<FeatureCollection> track(String vehicleId, String from, String to) {
    TrackInterval interval = TrackInterval.parse(from, to, config.track().maxInterval());
    return tracks
        .vehicleExists(vehicleId)
        .chain(
            exists -> {
              if (!exists) {
                throw ApiException.notFound("vehicle '" + vehicleId + "' is not registered");
              }
              return tracks.fixes(vehicleId, interval);
            })
        .map(fixes -> TrackGeoJson.build(vehicleId, interval, fixes));
  }
}

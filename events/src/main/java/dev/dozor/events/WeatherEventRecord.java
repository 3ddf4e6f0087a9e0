package dev.dozor.events;

import java.time.Instant;

/**
 * A weather event in a district ({@link Topics#REGISTRY}, key {@link RegistryKeys#weather}); the
 * deadline regulations count from {@link #SNOWFALL_ENDED}.
 *
 * @param kind {@link #SNOWFALL_STARTED} or {@link #SNOWFALL_ENDED}
 * @param at when it happened (UTC)
 */
public record WeatherEventRecord(
    int schemaVersion, String id, String districtId, String kind, Instant at, String note)
    implements Versioned, java.io.Serializable {

  public static final String SNOWFALL_STARTED = "snowfall-started";
  public static final String SNOWFALL_ENDED = "snowfall-ended";

  public static WeatherEventRecord of(
      String id, String districtId, String kind, Instant at, String note) {
    return new WeatherEventRecord(SchemaVersions.WEATHER_EVENT, id, districtId, kind, at, note);
  }
}

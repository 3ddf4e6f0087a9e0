package dev.dozor.telemetry.weather;

import java.time.Instant;

/** Request and answer bodies of {@code /api/v1/weather-events}. */
public final class WeatherEventDtos {
  private WeatherEventDtos() {}

  /**
   * Body of {@code PUT /api/v1/weather-events/{id}} (a full replacement).
   *
   * @param districtId an imported district (OKTMO)
   * @param kind {@code snowfall-started} or {@code snowfall-ended}
   * @param at when it happened, ISO-8601 UTC
   */
  public record WeatherEventRequest(String districtId, String kind, String at, String note) {}

  /** A stored weather event. */
  public record WeatherEventView(
      String id, String districtId, String kind, Instant at, String note, Instant updatedAt) {}
}

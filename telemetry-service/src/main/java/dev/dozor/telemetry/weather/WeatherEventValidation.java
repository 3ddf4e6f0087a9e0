package dev.dozor.telemetry.weather;

import dev.dozor.events.WeatherEventRecord;
import dev.dozor.telemetry.common.ApiException;
import dev.dozor.telemetry.registry.RegistryValidation;
import dev.dozor.telemetry.weather.WeatherEventDtos.WeatherEventRequest;
import java.util.List;

/** Checks a weather event request and turns it into the contract record; 400 names the field. */
public final class WeatherEventValidation {
  /** The kinds the deadline regulations know. */
  public static final List<String> KINDS =
      List.of(WeatherEventRecord.SNOWFALL_STARTED, WeatherEventRecord.SNOWFALL_ENDED);

  private WeatherEventValidation() {}

  public static WeatherEventRecord event(String id, WeatherEventRequest body) {
    RegistryValidation.requireId(id);
    if (body == null) {
      throw ApiException.invalid("body", "a JSON body with districtId, kind and at is required");
    }
    RegistryValidation.requireId("districtId", body.districtId());
    if (body.kind() == null || !KINDS.contains(body.kind())) {
      throw ApiException.invalid(
          "kind", "kind must be one of " + KINDS + ", was '" + body.kind() + "'");
    }
    return WeatherEventRecord.of(
        id,
        body.districtId(),
        body.kind(),
        RegistryValidation.requireInstant("at", body.at()),
        RegistryValidation.optionalText("note", body.note()));
  }
}

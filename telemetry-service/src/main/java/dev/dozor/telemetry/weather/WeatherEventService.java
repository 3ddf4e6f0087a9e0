package dev.dozor.telemetry.weather;

import dev.dozor.events.WeatherEventRecord;
import dev.dozor.telemetry.common.ApiException;
import dev.dozor.telemetry.registry.RegistryPublisher;
import dev.dozor.telemetry.registry.RegistryService.PutResult;
import dev.dozor.telemetry.registry.RegistryValidation;
import dev.dozor.telemetry.weather.WeatherEventDtos.WeatherEventRequest;
import dev.dozor.telemetry.weather.WeatherEventDtos.WeatherEventView;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/**
 * "Snowfall started/ended" per district, which the deadline regulations count from. Committed, then
 * published ({@code weather:<id>}); the call completes after the broker's acknowledgement.
 */
@ApplicationScoped
public class WeatherEventService {
  private final WeatherEventRepository events;
  private final RegistryPublisher publisher;

  public WeatherEventService(WeatherEventRepository events, RegistryPublisher publisher) {
    this.events = events;
    this.publisher = publisher;
  }

  /** Events of a district (or all) at a time in [from, to) (each end optional). */
  public Uni<List<WeatherEventView>> list(String districtId, String from, String to) {
    RegistryValidation.optionalId("district", districtId);
    Instant start = RegistryValidation.optionalInstant("from", from);
    Instant end = RegistryValidation.optionalInstant("to", to);
    RegistryValidation.requireOrdered("from", start, "to", end);
    return events.list(districtId, start, end);
  }

  public Uni<WeatherEventView> get(String id) {
    return events
        .find(id)
        .onItem()
        .ifNull()
        .failWith(() -> ApiException.notFound("weather event '" + id + "' does not exist"));
  }

  /** Creates or replaces an event and publishes it. */
  public Uni<PutResult<WeatherEventView>> put(String id, WeatherEventRequest body) {
    WeatherEventRecord record = WeatherEventValidation.event(id, body);
    return events
        .upsert(record)
        .call(() -> publisher.weatherEvent(record))
        .chain(created -> get(id).map(view -> new PutResult<>(view, created)));
  }

  /** Deletes an event and publishes its tombstone. */
  public Uni<Void> delete(String id) {
    return events.delete(id).call(() -> publisher.weatherEventDeleted(id));
  }
}

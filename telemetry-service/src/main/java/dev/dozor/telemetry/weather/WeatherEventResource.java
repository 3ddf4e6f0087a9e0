package dev.dozor.telemetry.weather;

import dev.dozor.telemetry.registry.RegistryService.PutResult;
import dev.dozor.telemetry.weather.WeatherEventDtos.WeatherEventRequest;
import dev.dozor.telemetry.weather.WeatherEventDtos.WeatherEventView;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Weather events per district ("snowfall started/ended"). */
@Path("/api/v1/weather-events")
@Produces(MediaType.APPLICATION_JSON)
public class WeatherEventResource {
  private final WeatherEventService events;

  public WeatherEventResource(WeatherEventService events) {
    this.events = events;
  }

  /** Events at a time in [from, to); {@code district}, {@code from}, {@code to} optional. */
  @GET
  public Uni<List<WeatherEventView>> list(
      @QueryParam("district") String district,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    return events.list(district, from, to);
  }

  @GET
  @Path("{id}")
  public Uni<WeatherEventView> get(@PathParam("id") String id) {
    return events.get(id);
  }

  /** Creates (201) or replaces (200) an event; answers after the registry topic acknowledged. */
  @PUT
  @Path("{id}")
  public Uni<Response> put(@PathParam("id") String id, WeatherEventRequest body) {
    return events.put(id, body).map(PutResult::response);
  }

  /** Deletes an event (204) and publishes its tombstone. */
  @DELETE
  @Path("{id}")
  public Uni<Response> delete(@PathParam("id") String id) {
    return events.delete(id).replaceWith(Response.noContent().build());
  }
}

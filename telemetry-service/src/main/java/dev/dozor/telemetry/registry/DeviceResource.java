package dev.dozor.telemetry.registry;

import dev.dozor.telemetry.registry.RegistryDtos.DeviceRequest;
import dev.dozor.telemetry.registry.RegistryDtos.DeviceView;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * Trackers bound to vehicles; tokens and passwords go in, only their hashes are kept, nothing comes
 * out.
 */
@Path("/api/v1/devices")
@Produces(MediaType.APPLICATION_JSON)
public class DeviceResource {
  private final RegistryService registry;

  public DeviceResource(RegistryService registry) {
    this.registry = registry;
  }

  @GET
  public Uni<List<DeviceView>> list() {
    return registry.listDevices();
  }

  @GET
  @Path("{id}")
  public Uni<DeviceView> get(@PathParam("id") String id) {
    return registry.getDevice(id);
  }

  /**
   * Creates (201) or updates (200) a device; answers after the registry topic acknowledged. 400
   * names the invalid field, 409 names the device that already owns the terminalId.
   */
  @PUT
  @Path("{id}")
  public Uni<Response> put(@PathParam("id") String id, DeviceRequest body) {
    return registry
        .putDevice(id, body)
        .map(result -> VehicleResource.answer(result.created(), result.value()));
  }

  /** Deletes a device (204) and publishes its tombstone. */
  @DELETE
  @Path("{id}")
  public Uni<Response> delete(@PathParam("id") String id) {
    return registry.deleteDevice(id).replaceWith(Response.noContent().build());
  }
}

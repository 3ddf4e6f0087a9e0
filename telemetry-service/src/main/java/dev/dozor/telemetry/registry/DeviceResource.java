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

/** Trackers bound to vehicles; tokens go in, only their hashes are kept, nothing comes out. */
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

  /** Creates (201) or updates (200) a device; answers after the registry topic acknowledged. */
  @PUT
  @Path("{id}")
  public Uni<Response> put(@PathParam("id") String id, DeviceRequest body) {
    return registry
        .putDevice(id, body)
        .map(
            created ->
                VehicleResource.answer(
                    created, new DeviceView(id, body.vehicleId(), protocolOf(body))));
  }

  /** Deletes a device (204) and publishes its tombstone. */
  @DELETE
  @Path("{id}")
  public Uni<Response> delete(@PathParam("id") String id) {
    return registry.deleteDevice(id).replaceWith(Response.noContent().build());
  }

  private static String protocolOf(DeviceRequest body) {
    return body.protocol() == null ? RegistryValidation.DEFAULT_PROTOCOL : body.protocol();
  }
}

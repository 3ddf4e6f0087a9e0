package dev.dozor.telemetry.registry;

import dev.dozor.telemetry.registry.RegistryDtos.VehicleRequest;
import dev.dozor.telemetry.registry.RegistryDtos.VehicleView;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Vehicles of the fleet registry. */
@Path("/api/v1/vehicles")
@Produces(MediaType.APPLICATION_JSON)
public class VehicleResource {
  private final RegistryService registry;

  public VehicleResource(RegistryService registry) {
    this.registry = registry;
  }

  @GET
  public Uni<List<VehicleView>> list() {
    return registry.listVehicles();
  }

  @GET
  @Path("{id}")
  public Uni<VehicleView> get(@PathParam("id") String id) {
    return registry.getVehicle(id);
  }

  /** Creates (201) or updates (200) a vehicle; answers after the registry topic acknowledged. */
  @PUT
  @Path("{id}")
  public Uni<Response> put(@PathParam("id") String id, VehicleRequest body) {
    return registry
        .putVehicle(id, body)
        .chain(created -> registry.getVehicle(id).map(view -> answer(created, view)));
  }

  static Response answer(boolean created, Object view) {
    return Response.status(created ? Response.Status.CREATED : Response.Status.OK)
        .entity(view)
        .build();
  }
}

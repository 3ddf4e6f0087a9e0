package dev.dozor.telemetry.profile;

import dev.dozor.telemetry.profile.DeviceProfileDtos.ProfileRequest;
import dev.dozor.telemetry.profile.DeviceProfileDtos.ProfileView;
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

/** Device profiles: which raw tracker input drives which equipment channel. */
@Path("/api/v1/device-profiles")
@Produces(MediaType.APPLICATION_JSON)
public class DeviceProfileResource {
  private final DeviceProfileService profiles;

  public DeviceProfileResource(DeviceProfileService profiles) {
    this.profiles = profiles;
  }

  @GET
  public Uni<List<ProfileView>> list() {
    return profiles.list();
  }

  @GET
  @Path("{id}")
  public Uni<ProfileView> get(@PathParam("id") String id) {
    return profiles.get(id);
  }

  /** Creates (201) or replaces (200) a profile; answers after the registry topic acknowledged. */
  @PUT
  @Path("{id}")
  public Uni<Response> put(@PathParam("id") String id, ProfileRequest body) {
    return profiles
        .put(id, body)
        .chain(
            created ->
                profiles
                    .get(id)
                    .map(
                        view ->
                            Response.status(created ? Response.Status.CREATED : Response.Status.OK)
                                .entity(view)
                                .build()));
  }

  /** Deletes a profile (204) and publishes its tombstone; 409 while a device uses it. */
  @DELETE
  @Path("{id}")
  public Uni<Response> delete(@PathParam("id") String id) {
    return profiles.delete(id).replaceWith(Response.noContent().build());
  }
}

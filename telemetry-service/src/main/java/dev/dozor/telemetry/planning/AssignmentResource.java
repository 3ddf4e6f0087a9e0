package dev.dozor.telemetry.planning;

import dev.dozor.telemetry.planning.AssignmentDtos.AssignmentRequest;
import dev.dozor.telemetry.planning.AssignmentDtos.AssignmentView;
import dev.dozor.telemetry.registry.RegistryService.PutResult;
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

/** Assignments: which vehicle services which zone or road segments in which shift. */
@Path("/api/v1/assignments")
@Produces(MediaType.APPLICATION_JSON)
public class AssignmentResource {
  private final AssignmentService assignments;

  public AssignmentResource(AssignmentService assignments) {
    this.assignments = assignments;
  }

  /**
   * Assignments whose shift overlaps [from, to); {@code vehicle}, {@code from}, {@code to}
   * optional.
   */
  @GET
  public Uni<List<AssignmentView>> list(
      @QueryParam("vehicle") String vehicle,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    return assignments.list(vehicle, from, to);
  }

  @GET
  @Path("{id}")
  public Uni<AssignmentView> get(@PathParam("id") String id) {
    return assignments.get(id);
  }

  /**
   * Creates (201) or replaces (200) an assignment; answers after the registry topic acknowledged.
   */
  @PUT
  @Path("{id}")
  public Uni<Response> put(@PathParam("id") String id, AssignmentRequest body) {
    return assignments.put(id, body).map(PutResult::response);
  }

  /** Deletes an assignment (204) and publishes its tombstone. */
  @DELETE
  @Path("{id}")
  public Uni<Response> delete(@PathParam("id") String id) {
    return assignments.delete(id).replaceWith(Response.noContent().build());
  }
}

package dev.dozor.dispatch.violation;

import dev.dozor.dispatch.api.ApiError;
import dev.dozor.dispatch.api.ApiException;
import dev.dozor.dispatch.board.BoardBroadcaster;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Violation search and the dispatcher's acknowledgement. */
@Path("/api/v1/violations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("dispatcher")
public class ViolationResource {
  /** Longest acknowledgement comment kept. */
  static final int MAX_COMMENT_LENGTH = 2000;

  @Inject ViolationService service;
  @Inject BoardBroadcaster board;
  @Inject SecurityIdentity identity;

  @GET
  public Uni<List<Violation>> search(
      @QueryParam("vehicleId") String vehicleId,
      @QueryParam("regulationId") String regulationId,
      @QueryParam("status") String status,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("limit") String limit) {
    ViolationFilter filter =
        ViolationQueryParser.parse(vehicleId, regulationId, status, from, to, limit);
    return service.search(filter);
  }

  @GET
  @Path("/{id}")
  public Uni<Violation> get(@PathParam("id") String id) {
    return service.find(id).map(v -> v == null ? notFound(id) : v);
  }

  /** 200 with the episode; 404 unknown id; 409 already acknowledged (the first one is kept). */
  @POST
  @Path("/{id}/acknowledge")
  public Uni<Response> acknowledge(@PathParam("id") String id, AcknowledgeRequest request) {
    String comment = request == null ? null : request.comment();
    if (comment != null && comment.length() > MAX_COMMENT_LENGTH) {
      throw ApiException.badParameter(
          "comment", "comment must be at most " + MAX_COMMENT_LENGTH + " characters");
    }
    String user = identity.getPrincipal().getName();
    return service.acknowledge(id, user, comment).map(outcome -> toResponse(id, outcome));
  }

  private Response toResponse(String id, AcknowledgeOutcome outcome) {
    if (outcome instanceof AcknowledgeOutcome.Acknowledged a) {
      board.violation(a.violation());
      return Response.ok(a.violation()).build();
    }
    if (outcome instanceof AcknowledgeOutcome.AlreadyAcknowledged a) {
      Violation v = a.violation();
      return Response.status(Response.Status.CONFLICT)
          .entity(
              ApiError.of(
                  "violation "
                      + id
                      + " was already acknowledged by "
                      + v.acknowledgedBy()
                      + " at "
                      + v.acknowledgedAt()))
          .build();
    }
    return notFound(id);
  }

  private static <T> T notFound(String id) {
    throw new ApiException(Response.Status.NOT_FOUND, new ApiError("no violation " + id, "id"));
  }
}

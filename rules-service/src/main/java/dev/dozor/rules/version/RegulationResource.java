package dev.dozor.rules.version;

import dev.dozor.rules.common.ApiException;
import dev.dozor.rules.regulation.Regulation;
import dev.dozor.rules.version.VersionDtos.Activation;
import dev.dozor.rules.version.VersionDtos.ActivationRequest;
import dev.dozor.rules.version.VersionDtos.NewVersionRequest;
import dev.dozor.rules.version.VersionDtos.RegulationDetail;
import dev.dozor.rules.version.VersionDtos.StoredVersion;
import dev.dozor.rules.version.VersionDtos.VersionSummary;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * The regulations the engine runs, their versions, activation and roll-back with an audit trail.
 * See docs/regulations.md.
 */
@Path("/api/v1/regulations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Blocking
public class RegulationResource {
  private final RegulationVersionService versions;
  private final VersionConfig config;

  public RegulationResource(RegulationVersionService versions, VersionConfig config) {
    this.versions = versions;
    this.config = config;
  }

  /** The active version of every regulation: metadata and parameters. */
  @GET
  public List<Regulation> list() {
    return versions.activeRegulations();
  }

  /** The audit trail of activations and roll-backs, newest first. */
  @GET
  @Path("/activations")
  public List<Activation> activations(
      @QueryParam("regulation") String regulationId, @QueryParam("limit") Integer limit) {
    if (limit != null && (limit < 1 || limit > 10_000)) {
      throw ApiException.badRequest("limit", "must be 1..10000, was " + limit);
    }
    return versions.activations(regulationId, limit == null ? config.auditLimit() : limit);
  }

  @GET
  @Path("/{id}")
  public RegulationDetail detail(@PathParam("id") String id) {
    return versions.detail(id);
  }

  @GET
  @Path("/{id}/versions")
  public List<VersionSummary> versions(@PathParam("id") String id) {
    return versions.versions(id);
  }

  @GET
  @Path("/{id}/versions/{version}")
  public StoredVersion version(@PathParam("id") String id, @PathParam("version") int version) {
    return versions.version(id, version);
  }

  /**
   * Compiles and stores a new version (not active yet): 201, or 422 with the compiler's problems.
   */
  @POST
  @Path("/{id}/versions")
  public Response create(@PathParam("id") String id, NewVersionRequest request) {
    if (request == null) {
      throw ApiException.badRequest("body", "a JSON body with author and comment is required");
    }
    StoredVersion created = versions.create(id, request);
    return Response.status(201).entity(created).build();
  }

  @POST
  @Path("/{id}/versions/{version}/activate")
  public Activation activate(
      @PathParam("id") String id, @PathParam("version") int version, ActivationRequest request) {
    ActivationRequest r = request == null ? new ActivationRequest(null, null) : request;
    return versions.activate(id, version, r.by(), r.reason());
  }

  @POST
  @Path("/{id}/rollback")
  public Activation rollback(@PathParam("id") String id, ActivationRequest request) {
    ActivationRequest r = request == null ? new ActivationRequest(null, null) : request;
    return versions.rollback(id, r.by(), r.reason());
  }
}

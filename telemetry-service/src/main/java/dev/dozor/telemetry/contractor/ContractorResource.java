package dev.dozor.telemetry.contractor;

import dev.dozor.telemetry.contractor.ContractorDtos.ContractorRequest;
import dev.dozor.telemetry.contractor.ContractorDtos.ContractorView;
import dev.dozor.telemetry.registry.RegistryService.PutResult;
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

/** Contractors: the organisations that operate vehicles. */
@Path("/api/v1/contractors")
@Produces(MediaType.APPLICATION_JSON)
public class ContractorResource {
  private final ContractorService contractors;

  public ContractorResource(ContractorService contractors) {
    this.contractors = contractors;
  }

  @GET
  public Uni<List<ContractorView>> list() {
    return contractors.list();
  }

  @GET
  @Path("{id}")
  public Uni<ContractorView> get(@PathParam("id") String id) {
    return contractors.get(id);
  }

  /**
   * Creates (201) or replaces (200) a contractor; answers after the registry topic acknowledged.
   */
  @PUT
  @Path("{id}")
  public Uni<Response> put(@PathParam("id") String id, ContractorRequest body) {
    return contractors.put(id, body).map(PutResult::response);
  }

  /** Deletes a contractor (204) and publishes its tombstone; 409 while a vehicle names it. */
  @DELETE
  @Path("{id}")
  public Uni<Response> delete(@PathParam("id") String id) {
    return contractors.delete(id).replaceWith(Response.noContent().build());
  }
}

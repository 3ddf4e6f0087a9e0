package dev.dozor.rules.whatif;

import dev.dozor.rules.common.ApiException;
import dev.dozor.rules.whatif.WhatIfService.WhatIfRequest;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/**
 * What-if replays: "if this regulation's candidate version had been active over that district and
 * period, which violations would have been added or removed?"
 */
@Path("/api/v1/whatif")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Blocking
public class WhatIfResource {
  private final WhatIfService service;

  public WhatIfResource(WhatIfService service) {
    this.service = service;
  }

  /** Starts a replay: 202 with the job and its Location. */
  @POST
  public Response start(WhatIfRequest request) {
    if (request == null) {
      throw ApiException.badRequest("body", "a JSON body is required");
    }
    WhatIfJob job = service.start(request);
    return Response.accepted(job).location(URI.create("/api/v1/whatif/" + job.id())).build();
  }

  /** A replay's progress, and its comparison once DONE. */
  @GET
  @Path("/{id}")
  public WhatIfJob job(@PathParam("id") String id) {
    return service.job(id);
  }

  @GET
  public List<WhatIfJob> jobs() {
    return service.jobs();
  }
}

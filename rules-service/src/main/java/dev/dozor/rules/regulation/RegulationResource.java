package dev.dozor.rules.regulation;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The regulation catalogue: ids, versions, titles, severities and parameter defaults. */
@Path("/api/v1/regulations")
@Produces(MediaType.APPLICATION_JSON)
public class RegulationResource {

  @Inject RegulationCatalogue catalogue;

  @GET
  public List<Regulation> list() {
    return catalogue.regulations();
  }
}

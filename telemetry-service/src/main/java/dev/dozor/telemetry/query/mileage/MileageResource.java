package dev.dozor.telemetry.query.mileage;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** {@code GET /api/v1/mileage?from=&to=[&vehicle=id...]}: km per vehicle, equipment on and off. */
@Path("/api/v1/mileage")
@Produces(MediaType.APPLICATION_JSON)
public class MileageResource {
  private final MileageService mileage;

  public MileageResource(MileageService mileage) {
    this.mileage = mileage;
  }

  @GET
  public Uni<Mileage> mileage(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("vehicle") List<String> vehicles) {
    return mileage.mileage(from, to, vehicles);
  }
}

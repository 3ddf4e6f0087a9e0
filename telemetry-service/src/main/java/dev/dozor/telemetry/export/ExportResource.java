package dev.dozor.telemetry.export;

import io.smallrye.common.annotation.Blocking;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.List;

/**
 * {@code GET /api/v1/telemetry/export?from=&to=&district=<OKTMO>[&vehicle=id...]}: the stored
 * points as NDJSON, one {@code TelemetryPoint} per line in fix-time order; header {@value
 * #VEHICLES_HEADER} = how many vehicles are in it. On a worker thread: the points come from a JDBC
 * cursor and are written as fast as the client reads.
 */
@Path("/api/v1/telemetry/export")
public class ExportResource {
  public static final String NDJSON = "application/x-ndjson";
  public static final String VEHICLES_HEADER = "X-Dozor-Export-Vehicles";

  private final ExportService exports;

  public ExportResource(ExportService exports) {
    this.exports = exports;
  }

  @GET
  @Blocking
  @Produces(NDJSON)
  public Response export(
      @QueryParam("district") String district,
      @QueryParam("vehicle") List<String> vehicles,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      RoutingContext http) {
    ExportService.Export export = exports.prepare(district, vehicles, from, to);
    // a response whose body is never written (HEAD, a client gone first) frees the slot too
    http.addEndHandler(ended -> export.release());
    // reset: the erroneous end of a response; on HTTP/1.1 it closes the connection at once, so the
    // chunked body never gets its last chunk (connection().close() may wait for the response)
    StreamingOutput body = out -> export.writeTo(out, () -> http.response().reset());
    return Response.ok(body, NDJSON).header(VEHICLES_HEADER, export.vehicleIds().size()).build();
  }
}

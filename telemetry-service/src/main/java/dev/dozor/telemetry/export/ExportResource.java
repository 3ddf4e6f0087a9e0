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
import java.util.concurrent.TimeUnit;

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
    StreamingOutput body = out -> export.writeTo(out, () -> cut(http));
    return Response.ok(body, NDJSON).header(VEHICLES_HEADER, export.vehicleIds().size()).build();
  }

  /**
   * Closes the connection under a response whose status is already sent, and waits (up to 5 s)
   * until it is closed: only then can nothing end the chunked body normally any more (the framework
   * ends the response after the body writer returned or threw, and a close still queued behind that
   * end would leave the client a complete-looking answer).
   */
  private static void cut(RoutingContext http) {
    http.response().reset();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    try {
      while (!http.response().closed() && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

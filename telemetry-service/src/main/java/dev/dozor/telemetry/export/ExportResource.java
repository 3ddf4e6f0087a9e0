package dev.dozor.telemetry.export;

import io.smallrye.common.annotation.Blocking;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

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
  private static final Logger LOG = Logger.getLogger(ExportResource.class);

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
   * Cuts the connection under a response whose status is already sent, and waits (up to 5 s) until
   * it is closed: only then can nothing end the chunked body normally any more. The framework ends
   * the response after the body writer threw, and that end must find the channel closed.
   *
   * <p>On HTTP/1.x the Netty channel itself is closed. Vert.x's {@code reset()} and {@code close()}
   * close gracefully: they first flush, and their close waits behind every write still queued, so
   * the framework's end of the body slipped in before it. On HTTP/2 a reset ends only this stream.
   */
  private static void cut(RoutingContext http) {
    if (http.request().version() != HttpVersion.HTTP_2
        && http.request().connection() instanceof ConnectionBase connection) {
      if (!connection.channel().close().awaitUninterruptibly(5, TimeUnit.SECONDS)) {
        LOG.warnf("export: the connection of %s was not closed within 5 s", http.request().uri());
      }
    } else {
      http.response().reset();
    }
  }
}

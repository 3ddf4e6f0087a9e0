package dev.dozor.gateway.http;

import dev.dozor.gateway.ingest.IngestResult;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Maps an {@link IngestResult} to the HTTP answer the README documents. */
public final class IngestResponses {
  static final String UNAUTHORIZED_MESSAGE = "unknown or missing device token";
  static final String REGISTRY_LOADING_MESSAGE =
      "the gateway is still loading the device registry; keep the points and retry";
  static final String STORAGE_MESSAGE = "Kafka did not acknowledge the points; keep them and retry";

  private IngestResponses() {}

  public static Response toResponse(IngestResult result, int retryAfterSeconds) {
    if (result instanceof IngestResult.Accepted a) {
      return json(Response.Status.ACCEPTED, new AcceptedBody(a.count()));
    }
    if (result instanceof IngestResult.RegistryLoading) {
      return Response.status(Response.Status.SERVICE_UNAVAILABLE)
          .header(HttpHeaders.RETRY_AFTER, retryAfterSeconds)
          .type(MediaType.APPLICATION_JSON_TYPE)
          .entity(ErrorBody.of("registry loading", REGISTRY_LOADING_MESSAGE))
          .build();
    }
    if (result instanceof IngestResult.Unauthorized) {
      return Response.status(Response.Status.UNAUTHORIZED)
          .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
          .type(MediaType.APPLICATION_JSON_TYPE)
          .entity(ErrorBody.of("unauthorized", UNAUTHORIZED_MESSAGE))
          .build();
    }
    if (result instanceof IngestResult.DeviceNotBound d) {
      return json(
          Response.Status.FORBIDDEN,
          ErrorBody.of(
              "device not bound",
              "device " + d.deviceId() + " is not bound to a vehicle; bind it in the registry"));
    }
    if (result instanceof IngestResult.EmptyBatch) {
      return json(
          Response.Status.BAD_REQUEST,
          ErrorBody.of("empty batch", "the body must be a non-empty JSON array of points"));
    }
    if (result instanceof IngestResult.TooManyPoints t) {
      return json(
          Response.Status.REQUEST_ENTITY_TOO_LARGE,
          ErrorBody.of(
              "too many points",
              "at most "
                  + t.max()
                  + " points per request, got "
                  + t.count()
                  + "; split the batch"));
    }
    if (result instanceof IngestResult.InvalidPoint i) {
      return json(
          Response.Status.BAD_REQUEST,
          new ErrorBody(
              "invalid point",
              i.violation().index(),
              i.violation().field(),
              i.violation().message()));
    }
    if (result instanceof IngestResult.StorageUnavailable) {
      return Response.status(Response.Status.SERVICE_UNAVAILABLE)
          .header(HttpHeaders.RETRY_AFTER, retryAfterSeconds)
          .type(MediaType.APPLICATION_JSON_TYPE)
          .entity(ErrorBody.of("storage unavailable", STORAGE_MESSAGE))
          .build();
    }
    throw new IllegalStateException("unhandled result " + result);
  }

  private static Response json(Response.Status status, Object body) {
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }
}

package dev.dozor.gateway.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.dozor.events.DeviceRecord;
import dev.dozor.gateway.stats.GatewayStats;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns body-parsing and framework errors into JSON answers; no stack trace reaches a client. */
public class JsonErrorMappers {
  private static final Logger LOG = Logger.getLogger(JsonErrorMappers.class);

  private final GatewayStats stats;

  public JsonErrorMappers(GatewayStats stats) {
    this.stats = stats;
  }

  @ServerExceptionMapper
  public Response mapJson(JsonProcessingException e) {
    if (e instanceof InvalidDefinitionException) {
      return internalError(e);
    }
    return malformed(e);
  }

  /** Also for this subtype: otherwise Quarkus' built-in mapper answers with its own body. */
  @ServerExceptionMapper(priority = Priorities.USER - 1)
  public Response mapMismatchedInput(MismatchedInputException e) {
    return malformed(e);
  }

  @ServerExceptionMapper
  public Response mapWebApplication(WebApplicationException e) {
    if (e.getCause() instanceof JsonProcessingException json) {
      return mapJson(json);
    }
    Response original = e.getResponse();
    int status = original.getStatus();
    String reason =
        Response.Status.fromStatusCode(status) != null
            ? Response.Status.fromStatusCode(status).getReasonPhrase().toLowerCase()
            : "http " + status;
    Response.ResponseBuilder answer =
        Response.status(status)
            .type(MediaType.APPLICATION_JSON_TYPE)
            .entity(ErrorBody.of(reason, e.getMessage()));
    original
        .getHeaders()
        .forEach(
            (name, values) -> {
              if (!name.equalsIgnoreCase("Content-Type")) {
                values.forEach(v -> answer.header(name, v));
              }
            });
    return answer.build();
  }

  @ServerExceptionMapper
  public Response mapUnexpected(RuntimeException e) {
    return internalError(e);
  }

  private Response malformed(JsonProcessingException e) {
    String message = describe(e);
    stats.malformed(DeviceRecord.HTTP_JSON);
    LOG.infof("refused telemetry: malformed JSON: %s", message);
    return Response.status(Response.Status.BAD_REQUEST)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(ErrorBody.of("malformed JSON", message))
        .build();
  }

  private static Response internalError(Exception e) {
    LOG.error("unexpected error while handling a request", e);
    return Response.status(Response.Status.INTERNAL_SERVER_ERROR)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(ErrorBody.of("internal error", "the gateway failed; retry later"))
        .build();
  }

  /** Jackson's message without source excerpts, prefixed with where in the body it happened. */
  static String describe(JsonProcessingException e) {
    String where = "";
    if (e instanceof JsonMappingException d && !d.getPath().isEmpty()) {
      StringBuilder path = new StringBuilder("at ");
      for (JsonMappingException.Reference ref : d.getPath()) {
        if (ref.getIndex() >= 0) {
          path.append('[').append(ref.getIndex()).append(']');
        } else if (ref.getFieldName() != null) {
          path.append(path.length() > 3 ? "." : "").append(ref.getFieldName());
        }
      }
      where = path.append(": ").toString();
    }
    String original = e.getOriginalMessage() == null ? "unreadable body" : e.getOriginalMessage();
    return where + original;
  }
}

package dev.dozor.telemetry.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every failure into a JSON {@link ApiError}; no stack trace ever reaches a client. */
public class ApiMappers {
  private static final Logger LOG = Logger.getLogger(ApiMappers.class);

  @ServerExceptionMapper
  public Response api(ApiException e) {
    return json(e.toError());
  }

  @ServerExceptionMapper
  public Response constraint(ConstraintViolationException e) {
    var first = e.getConstraintViolations().stream().findFirst();
    String field =
        first
            .map(v -> v.getPropertyPath().toString())
            .map(p -> p.substring(p.lastIndexOf('.') + 1))
            .orElse(null);
    String message = first.map(v -> v.getMessage()).orElse("invalid request");
    return json(new ApiError(400, "validation", field, message));
  }

  @ServerExceptionMapper
  public Response badJson(JsonProcessingException e) {
    String field = null;
    if (e instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
      field = m.getPath().get(m.getPath().size() - 1).getFieldName();
    }
    return json(new ApiError(400, "validation", field, "request body is not valid JSON"));
  }

  @ServerExceptionMapper
  public Response web(WebApplicationException e) {
    int status = e.getResponse().getStatus();
    String message =
        switch (status) {
          case 400 -> "request is malformed (e.g. the body is not valid JSON)";
          case 404 -> "no such resource";
          default -> e.getResponse().getStatusInfo().getReasonPhrase();
        };
    String error = status == 404 ? "not-found" : status == 400 ? "validation" : "http";
    return json(new ApiError(status, error, null, message));
  }

  @ServerExceptionMapper
  public Response unexpected(Throwable e) {
    LOG.error("request failed", e);
    return json(new ApiError(500, "internal", null, "internal error; see the service log"));
  }

  private static Response json(ApiError error) {
    return Response.status(error.status()).type(MediaType.APPLICATION_JSON).entity(error).build();
  }
}

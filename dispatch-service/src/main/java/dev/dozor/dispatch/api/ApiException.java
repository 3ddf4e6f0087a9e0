package dev.dozor.dispatch.api;

import jakarta.ws.rs.core.Response;

/** A client error with the status and JSON body to answer with; see {@link ApiExceptionMapper}. */
public class ApiException extends RuntimeException {
  private final Response.Status status;
  private final ApiError body;

  public ApiException(Response.Status status, ApiError body) {
    super(body.error(), null, false, false);
    this.status = status;
    this.body = body;
  }

  /** 400 naming the offending parameter. */
  public static ApiException badParameter(String field, String message) {
    return new ApiException(Response.Status.BAD_REQUEST, new ApiError(message, field));
  }

  public Response toResponse() {
    return Response.status(status).entity(body).build();
  }
}

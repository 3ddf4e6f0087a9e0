package dev.dozor.rules.common;

import jakarta.ws.rs.core.Response;

/** A request the service refuses, with the status and the body the client gets. */
public final class ApiException extends RuntimeException {
  private final int status;
  private final ApiError body;

  public ApiException(int status, ApiError body) {
    super(body.error());
    this.status = status;
    this.body = body;
  }

  public static ApiException badRequest(String field, String message) {
    return new ApiException(400, ApiError.of(message, field));
  }

  public static ApiException notFound(String message) {
    return new ApiException(404, ApiError.of(message, null));
  }

  public static ApiException conflict(String message) {
    return new ApiException(409, ApiError.of(message, null));
  }

  public Response toResponse() {
    return Response.status(status).entity(body).build();
  }

  public int status() {
    return status;
  }
}

package dev.dozor.rules.common;

import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns a refused request into its status and {@link ApiError} body. */
public class ApiExceptionMapper {
  @ServerExceptionMapper
  public Response map(ApiException e) {
    return e.toResponse();
  }
}

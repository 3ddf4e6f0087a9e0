package dev.dozor.dispatch.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns client errors into JSON bodies; never a stack trace to a client. */
public class ApiExceptionMapper {
  @ServerExceptionMapper
  public Response map(ApiException e) {
    Response r = e.toResponse();
    return Response.fromResponse(r).type(MediaType.APPLICATION_JSON_TYPE).build();
  }
}

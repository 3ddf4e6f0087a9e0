package dev.dozor.simulator.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

/** Shared HTTP plumbing of the clients. */
final class Http {
  private static final int MAX_BODY_IN_MESSAGE = 500;

  private Http() {}

  /** HTTP/1.1 (no h2c upgrade dance with the services), short connect timeout. */
  static HttpClient newClient() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  static URI withoutTrailingSlash(URI uri) {
    String s = uri.toString();
    return s.endsWith("/") ? URI.create(s.substring(0, s.length() - 1)) : uri;
  }

  static String abbreviate(String body) {
    if (body == null || body.isBlank()) {
      return "(empty body)";
    }
    return body.length() <= MAX_BODY_IN_MESSAGE
        ? body
        : body.substring(0, MAX_BODY_IN_MESSAGE) + "…";
  }

  static String describe(Throwable e) {
    if (e instanceof java.net.ConnectException) {
      return "connection refused (is it running?)";
    }
    if (e instanceof java.net.http.HttpTimeoutException) {
      return "timed out: " + e.getMessage();
    }
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}

package dev.dozor.telemetry.common;

/** A client error with an answer the caller can act on; mapped to JSON by {@link ApiMappers}. */
public class ApiException extends RuntimeException {
  private final int status;
  private final String error;
  private final String field;

  public ApiException(int status, String error, String field, String message) {
    super(message);
    this.status = status;
    this.error = error;
    this.field = field;
  }

  /** 400: {@code field} is invalid. */
  public static ApiException invalid(String field, String message) {
    return new ApiException(400, "validation", field, message);
  }

  /** 404: the named entity does not exist. */
  public static ApiException notFound(String message) {
    return new ApiException(404, "not-found", null, message);
  }

  /** 409: the request clashes with the current state (a duplicate, a reference in use). */
  public static ApiException conflict(String field, String message) {
    return new ApiException(409, "conflict", field, message);
  }

  public ApiError toError() {
    return new ApiError(status, error, field, getMessage());
  }

  public int status() {
    return status;
  }
}

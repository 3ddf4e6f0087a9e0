package dev.dozor.dispatch.api;

/**
 * The JSON body of every 4xx answer.
 *
 * @param error what went wrong, for a person
 * @param field the request parameter or body field at fault, or null
 */
public record ApiError(String error, String field) {
  public static ApiError of(String error) {
    return new ApiError(error, null);
  }
}

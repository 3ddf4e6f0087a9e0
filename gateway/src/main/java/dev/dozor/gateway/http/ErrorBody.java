package dev.dozor.gateway.http;

/**
 * The JSON body of every refusal. {@code index} and {@code field} are present only when one point
 * is at fault (null fields are not serialised).
 *
 * @param error short, stable category, e.g. {@code invalid point}
 * @param index 0-based position of the offending point
 * @param field JSON name of the offending field
 * @param message what is wrong, for a human
 */
public record ErrorBody(String error, Integer index, String field, String message) {

  public static ErrorBody of(String error, String message) {
    return new ErrorBody(error, null, null, message);
  }
}

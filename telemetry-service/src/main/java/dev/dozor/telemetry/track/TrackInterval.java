package dev.dozor.telemetry.track;

import dev.dozor.telemetry.common.ApiException;
import dev.dozor.telemetry.query.QueryParams;
import java.time.Duration;
import java.time.Instant;

/**
 * A validated half-open interval {@code [from, to)} of fix times.
 *
 * @param from first instant included
 * @param to first instant excluded
 */
public record TrackInterval(Instant from, Instant to) {

  /**
   * Parses and checks the query parameters.
   *
   * @throws ApiException 400 naming {@code from} or {@code to}
   */
  public static TrackInterval parse(String from, String to, Duration maxInterval) {
    return of(
        QueryParams.requiredInstant("from", from),
        QueryParams.requiredInstant("to", to),
        maxInterval);
  }

  /**
   * Checks an interval: {@code end} after {@code start}, at most {@code maxInterval} long.
   *
   * @throws ApiException 400 naming {@code to} otherwise
   */
  public static TrackInterval of(Instant start, Instant end, Duration maxInterval) {
    if (!start.isBefore(end)) {
      throw ApiException.invalid("to", "to must be after from");
    }
    if (Duration.between(start, end).compareTo(maxInterval) > 0) {
      throw ApiException.invalid(
          "to", "the interval is longer than the limit of " + maxInterval + "; ask for less");
    }
    return new TrackInterval(start, end);
  }
}

package dev.dozor.telemetry.track;

import dev.dozor.telemetry.common.ApiException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

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
    Instant start = instant("from", from);
    Instant end = instant("to", to);
    if (!start.isBefore(end)) {
      throw ApiException.invalid("to", "to must be after from");
    }
    if (Duration.between(start, end).compareTo(maxInterval) > 0) {
      throw ApiException.invalid(
          "to", "the interval is longer than the limit of " + maxInterval + "; ask for less");
    }
    return new TrackInterval(start, end);
  }

  private static Instant instant(String field, String value) {
    if (value == null || value.isBlank()) {
      throw ApiException.invalid(field, field + " is required (ISO-8601 instant)");
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw ApiException.invalid(
          field, field + " is not an ISO-8601 instant such as 2026-01-15T06:00:00Z");
    }
  }
}

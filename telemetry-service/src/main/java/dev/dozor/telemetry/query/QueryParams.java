package dev.dozor.telemetry.query;

import dev.dozor.telemetry.common.ApiException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;

/** Parses optional query parameters; every failure is a 400 naming the parameter. */
public final class QueryParams {
  private QueryParams() {}

  /** A required ISO-8601 instant. */
  public static Instant requiredInstant(String field, String value) {
    Instant i = instant(field, value);
    if (i == null) {
      throw ApiException.invalid(field, field + " is required (ISO-8601 instant)");
    }
    return i;
  }

  /** An optional ISO-8601 instant; null when absent. */
  public static Instant instant(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw ApiException.invalid(
          field, field + " is not an ISO-8601 instant such as 2026-01-15T06:00:00Z");
    }
  }

  /** An optional positive ISO-8601 duration at most {@code max}; {@code fallback} when absent. */
  public static Duration duration(String field, String value, Duration fallback, Duration max) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    Duration d;
    try {
      d = Duration.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw ApiException.invalid(field, field + " is not an ISO-8601 duration such as PT24H");
    }
    if (d.isNegative() || d.isZero()) {
      throw ApiException.invalid(field, field + " must be positive");
    }
    if (d.compareTo(max) > 0) {
      throw ApiException.invalid(field, field + " is longer than the limit of " + max);
    }
    return d;
  }

  /** An optional number in {@code [min, max]}; {@code fallback} when absent. */
  public static double number(String field, String value, double fallback, double min, double max) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    double d;
    try {
      d = Double.parseDouble(value.trim());
    } catch (NumberFormatException e) {
      throw ApiException.invalid(field, field + " is not a number");
    }
    if (!(d >= min && d <= max)) {
      throw ApiException.invalid(field, field + " must be between " + min + " and " + max);
    }
    return d;
  }

  /** An optional integer in {@code [min, max]}; {@code fallback} when absent. */
  public static int integer(String field, String value, int fallback, int min, int max) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    int i;
    try {
      i = Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw ApiException.invalid(field, field + " is not an integer");
    }
    if (i < min || i > max) {
      throw ApiException.invalid(field, field + " must be between " + min + " and " + max);
    }
    return i;
  }

  /** A required, non-blank text parameter. */
  public static String required(String field, String value) {
    if (value == null || value.isBlank()) {
      throw ApiException.invalid(field, field + " is required");
    }
    return value.trim();
  }

  /**
   * Ids from a repeatable parameter whose values may also be comma-separated ({@code
   * vehicle=a&vehicle=b,c}): trimmed, blanks dropped, first occurrence kept; empty when absent.
   */
  public static List<String> ids(List<String> values) {
    LinkedHashSet<String> ids = new LinkedHashSet<>();
    if (values != null) {
      for (String value : values) {
        for (String id : value.split(",")) {
          if (!id.isBlank()) {
            ids.add(id.trim());
          }
        }
      }
    }
    return List.copyOf(ids);
  }
}

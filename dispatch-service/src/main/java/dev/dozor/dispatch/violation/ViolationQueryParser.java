package dev.dozor.dispatch.violation;

import dev.dozor.dispatch.api.ApiException;
import dev.dozor.events.ViolationStatus;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;

/** Turns raw query parameters into a {@link ViolationFilter}, naming the parameter at fault. */
public final class ViolationQueryParser {
  public static final int DEFAULT_LIMIT = 100;
  public static final int MAX_LIMIT = 1000;

  private ViolationQueryParser() {}

  /**
   * @throws ApiException 400 naming {@code status}, {@code from}, {@code to} or {@code limit}
   */
  public static ViolationFilter parse(
      String vehicleId, String regulationId, String status, String from, String to, String limit) {
    return new ViolationFilter(
        blankToNull(vehicleId),
        blankToNull(regulationId),
        statuses(blankToNull(status)),
        instant("from", blankToNull(from)),
        instant("to", blankToNull(to)),
        limit(blankToNull(limit)));
  }

  private static Set<ViolationStatus> statuses(String status) {
    if (status == null) {
      return null;
    }
    if (status.equalsIgnoreCase("active")) {
      return ViolationFilter.ACTIVE;
    }
    try {
      return Set.of(ViolationStatus.valueOf(status.toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      throw ApiException.badParameter(
          "status", "status must be OPENED, UPDATED, CLOSED or active, got '" + status + "'");
    }
  }

  private static Instant instant(String name, String value) {
    if (value == null) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw ApiException.badParameter(
          name,
          name + " must be an ISO-8601 instant such as 2026-01-15T08:00:00Z, got '" + value + "'");
    }
  }

  private static int limit(String value) {
    if (value == null) {
      return DEFAULT_LIMIT;
    }
    try {
      int limit = Integer.parseInt(value);
      if (limit >= 1 && limit <= MAX_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw ApiException.badParameter(
        "limit", "limit must be an integer from 1 to " + MAX_LIMIT + ", got '" + value + "'");
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}

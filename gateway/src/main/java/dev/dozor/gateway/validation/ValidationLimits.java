package dev.dozor.gateway.validation;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits {@link PointValidator} enforces, as a value (so the validator is testable without
 * configuration).
 *
 * @param maxSpeedKmh highest accepted speed, inclusive
 * @param maxFutureSkew how far ahead of the server clock a fix may be, inclusive
 * @param maxAge how far behind the server clock a fix may be, inclusive
 * @param maxPointsPerRequest most points in one request, inclusive
 */
public record ValidationLimits(
    double maxSpeedKmh, Duration maxFutureSkew, Duration maxAge, int maxPointsPerRequest) {

  public ValidationLimits {
    Objects.requireNonNull(maxFutureSkew, "maxFutureSkew");
    Objects.requireNonNull(maxAge, "maxAge");
    if (!(maxSpeedKmh > 0) || maxPointsPerRequest < 1) {
      throw new IllegalArgumentException("maxSpeedKmh and maxPointsPerRequest must be positive");
    }
  }

  /** The documented defaults. */
  public static ValidationLimits defaults() {
    return new ValidationLimits(300, Duration.ofHours(24), Duration.ofDays(30), 1000);
  }
}

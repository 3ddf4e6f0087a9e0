package dev.dozor.gateway.validation;

import dev.dozor.gateway.point.TelemetryPointRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Checks request points against {@link ValidationLimits}. Pure: the only input besides the points
 * is the clock, so every rule is testable at its edge.
 */
public final class PointValidator {
  private final ValidationLimits limits;
  private final Clock clock;

  public PointValidator(ValidationLimits limits, Clock clock) {
    this.limits = limits;
    this.clock = clock;
  }

  public ValidationLimits limits() {
    return limits;
  }

  /** The first invalid point of the batch, or empty when every point is valid. */
  public Optional<PointViolation> firstViolation(List<TelemetryPointRequest> points) {
    Instant now = clock.instant();
    for (int i = 0; i < points.size(); i++) {
      Optional<PointViolation> violation = check(i, points.get(i), now);
      if (violation.isPresent()) {
        return violation;
      }
    }
    return Optional.empty();
  }

  /** Checks one point; {@code index} is only used to name it in the answer. */
  public Optional<PointViolation> check(int index, TelemetryPointRequest p, Instant now) {
    if (p == null) {
      return fail(index, "point", "point must be a JSON object, got null");
    }
    String problem = checkFixTime(p.fixTime(), now);
    if (problem != null) {
      return fail(index, "fixTime", problem);
    }
    problem = checkRequiredRange("lat", p.lat(), -90, 90);
    if (problem != null) {
      return fail(index, "lat", problem);
    }
    problem = checkRequiredRange("lon", p.lon(), -180, 180);
    if (problem != null) {
      return fail(index, "lon", problem);
    }
    if (p.speedKmh() != null) {
      problem = checkRange("speedKmh", p.speedKmh(), 0, limits.maxSpeedKmh());
      if (problem != null) {
        return fail(index, "speedKmh", problem);
      }
    }
    if (p.headingDeg() != null) {
      double h = p.headingDeg();
      if (!Double.isFinite(h) || h < 0 || h >= 360) {
        return fail(index, "headingDeg", "headingDeg must be in [0, 360), got " + h);
      }
    }
    if (p.odometerKm() != null) {
      double km = p.odometerKm();
      if (!Double.isFinite(km) || km < 0) {
        return fail(index, "odometerKm", "odometerKm must be a finite number >= 0, got " + km);
      }
    }
    if (p.equipment() != null && p.equipment().spreadRateGm2() != null) {
      double rate = p.equipment().spreadRateGm2();
      if (!Double.isFinite(rate) || rate < 0) {
        return fail(
            index,
            "equipment.spreadRateGm2",
            "equipment.spreadRateGm2 must be a finite number >= 0, got " + rate);
      }
    }
    return Optional.empty();
  }

  private String checkFixTime(Instant fixTime, Instant now) {
    if (fixTime == null) {
      return "fixTime is required";
    }
    Instant latest = now.plus(limits.maxFutureSkew());
    if (fixTime.isAfter(latest)) {
      return "fixTime "
          + fixTime
          + " is more than "
          + limits.maxFutureSkew()
          + " ahead of the server clock ("
          + now
          + ")";
    }
    Instant earliest = now.minus(limits.maxAge());
    if (fixTime.isBefore(earliest)) {
      return "fixTime "
          + fixTime
          + " is older than "
          + limits.maxAge()
          + " (before "
          + earliest
          + ")";
    }
    return null;
  }

  private static String checkRequiredRange(String field, Double value, double min, double max) {
    if (value == null) {
      return field + " is required";
    }
    return checkRange(field, value, min, max);
  }

  private static String checkRange(String field, double value, double min, double max) {
    if (!Double.isFinite(value) || value < min || value > max) {
      return field + " must be between " + fmt(min) + " and " + fmt(max) + ", got " + value;
    }
    return null;
  }

  /** Limits print as {@code -90}, not {@code -90.0}; values keep Java's form to show precision. */
  private static String fmt(double limit) {
    return limit == Math.rint(limit) ? Long.toString((long) limit) : Double.toString(limit);
  }

  private static Optional<PointViolation> fail(int index, String field, String message) {
    return Optional.of(new PointViolation(index, field, message));
  }
}

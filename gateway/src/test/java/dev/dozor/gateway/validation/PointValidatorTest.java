package dev.dozor.gateway.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dozor.events.Equipment;
import dev.dozor.gateway.point.TelemetryPointRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PointValidatorTest {
  private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
  private final PointValidator validator =
      new PointValidator(ValidationLimits.defaults(), Clock.fixed(NOW, ZoneOffset.UTC));

  private static TelemetryPointRequest point(Instant fixTime, Double lat, Double lon) {
    return new TelemetryPointRequest(fixTime, lat, lon, null, null, null, null, null);
  }

  private static TelemetryPointRequest valid() {
    return point(NOW.minusSeconds(10), 55.85, 37.64);
  }

  private static TelemetryPointRequest withSpeed(Double speed) {
    return new TelemetryPointRequest(NOW, 55.85, 37.64, speed, null, null, null, null);
  }

  private static TelemetryPointRequest withHeading(Double heading) {
    return new TelemetryPointRequest(NOW, 55.85, 37.64, null, heading, null, null, null);
  }

  private Optional<PointViolation> check(TelemetryPointRequest p) {
    return validator.firstViolation(java.util.Collections.singletonList(p));
  }

  private void assertRefused(TelemetryPointRequest p, String field) {
    Optional<PointViolation> v = check(p);
    assertTrue(v.isPresent(), "expected " + field + " to be refused");
    assertEquals(field, v.get().field());
    assertEquals(0, v.get().index());
  }

  private void assertAccepted(TelemetryPointRequest p) {
    assertEquals(Optional.empty(), check(p));
  }

  @Test
  void acceptsFullyPopulatedPoint() {
    assertAccepted(
        new TelemetryPointRequest(
            NOW,
            55.85,
            37.64,
            42.5,
            90.0,
            1234.5,
            new Equipment(true, false, false, 12.0, false, true, false),
            java.util.Map.of("din3", "1")));
  }

  @Test
  void acceptsLatitudeAtPolesAndRefusesBeyond() {
    assertAccepted(point(NOW, 90.0, 0.0));
    assertAccepted(point(NOW, -90.0, 0.0));
    assertRefused(point(NOW, 90.0001, 0.0), "lat");
    assertRefused(point(NOW, -90.0001, 0.0), "lat");
  }

  @Test
  void namesValueAndRangeInLatitudeMessage() {
    assertEquals(
        "lat must be between -90 and 90, got 95.0", check(point(NOW, 95.0, 0.0)).get().message());
  }

  @Test
  void acceptsLongitudeAtAntimeridianAndRefusesBeyond() {
    assertAccepted(point(NOW, 0.0, 180.0));
    assertAccepted(point(NOW, 0.0, -180.0));
    assertRefused(point(NOW, 0.0, 180.0001), "lon");
    assertRefused(point(NOW, 0.0, -180.0001), "lon");
  }

  @Test
  void refusesMissingRequiredFields() {
    assertRefused(point(null, 55.0, 37.0), "fixTime");
    assertRefused(point(NOW, null, 37.0), "lat");
    assertRefused(point(NOW, 55.0, null), "lon");
  }

  @Test
  void refusesNonFiniteNumbers() {
    assertRefused(point(NOW, Double.NaN, 37.0), "lat");
    assertRefused(point(NOW, 55.0, Double.POSITIVE_INFINITY), "lon");
    assertRefused(withSpeed(Double.NaN), "speedKmh");
    assertRefused(withHeading(Double.NaN), "headingDeg");
  }

  @Test
  void acceptsSpeedFromZeroToMaximumAndAbsentSpeed() {
    assertAccepted(withSpeed(0.0));
    assertAccepted(withSpeed(300.0));
    assertAccepted(withSpeed(null));
    assertRefused(withSpeed(-0.1), "speedKmh");
    assertRefused(withSpeed(300.01), "speedKmh");
  }

  @Test
  void speedLimitComesFromConfiguration() {
    PointValidator strict =
        new PointValidator(
            new ValidationLimits(100, Duration.ofMinutes(2), Duration.ofDays(30), 1000),
            Clock.fixed(NOW, ZoneOffset.UTC));
    assertEquals("speedKmh", strict.firstViolation(List.of(withSpeed(100.5))).get().field());
  }

  @Test
  void acceptsHeadingInHalfOpenCircle() {
    assertAccepted(withHeading(0.0));
    assertAccepted(withHeading(359.99));
    assertRefused(withHeading(360.0), "headingDeg");
    assertRefused(withHeading(-1.0), "headingDeg");
  }

  @Test
  void acceptsFixTimeExactlyAtFutureSkewAndRefusesOneMillisecondMore() {
    assertAccepted(point(NOW.plus(Duration.ofHours(24)), 55.0, 37.0));
    assertRefused(point(NOW.plus(Duration.ofHours(24)).plusMillis(1), 55.0, 37.0), "fixTime");
  }

  @Test
  void acceptsFixTimeExactlyAtMaxAgeAndRefusesOlder() {
    assertAccepted(point(NOW.minus(Duration.ofDays(30)), 55.0, 37.0));
    assertRefused(point(NOW.minus(Duration.ofDays(30)).minusMillis(1), 55.0, 37.0), "fixTime");
  }

  @Test
  void refusesNegativeOdometerAndSpreadRate() {
    assertRefused(
        new TelemetryPointRequest(NOW, 55.0, 37.0, null, null, -1.0, null, null), "odometerKm");
    assertRefused(
        new TelemetryPointRequest(
            NOW,
            55.0,
            37.0,
            null,
            null,
            null,
            new Equipment(null, null, true, -5.0, null, null, null),
            null),
        "equipment.spreadRateGm2");
  }

  @Test
  void refusesNullElement() {
    assertRefused(null, "point");
  }

  @Test
  void reportsIndexOfFirstInvalidPoint() {
    List<TelemetryPointRequest> batch =
        Arrays.asList(valid(), valid(), point(NOW, 95.0, 37.0), point(NOW, 55.0, 200.0));
    PointViolation v = validator.firstViolation(batch).orElseThrow();
    assertEquals(2, v.index());
    assertEquals("lat", v.field());
  }

  @Test
  void acceptsBatchOfValidPoints() {
    assertEquals(Optional.empty(), validator.firstViolation(List.of(valid(), valid(), valid())));
  }
}

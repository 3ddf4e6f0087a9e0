package dev.dozor.rules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dozor.rules.geo.Geography;
import dev.dozor.rules.registry.Fleet;
import dev.dozor.rules.regulation.ParameterResolver;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class PointContextTest {

  @Test
  void theLocalMinuteOfDayIsTheWallClockOfAZoneWithoutDaylightSaving() {
    PointContext moscow = context("Europe/Moscow");

    assertEquals(0, moscow.localMinuteOfDay(Instant.parse("2026-01-14T21:00:00Z").toEpochMilli()));
    assertEquals(
        3 * 60 + 7,
        moscow.localMinuteOfDay(Instant.parse("2026-01-15T00:07:59.999Z").toEpochMilli()));
    assertEquals(
        23 * 60 + 59,
        moscow.localMinuteOfDay(Instant.parse("2026-07-15T20:59:00Z").toEpochMilli()));
    // before 1970 (negative epoch milliseconds)
    assertEquals(
        3 * 60 + 30, moscow.localMinuteOfDay(Instant.parse("1969-12-31T00:30:00Z").toEpochMilli()));
  }

  @Test
  void theLocalMinuteOfDayFollowsDaylightSavingWhereTheZoneHasIt() {
    // Berlin switched to summer time at 2026-03-29T01:00Z and back at 2026-10-25T01:00Z
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    PointContext context = context("Europe/Berlin");
    Instant from = Instant.parse("2026-03-28T00:00:00Z");
    Instant to = Instant.parse("2026-10-26T00:00:00Z");
    for (Instant t = from; t.isBefore(to); t = t.plusSeconds(7 * 60 + 13)) {
      ZonedDateTime local = t.atZone(berlin);
      assertEquals(
          local.getHour() * 60 + local.getMinute(),
          context.localMinuteOfDay(t.toEpochMilli()),
          t::toString);
    }
    assertEquals(
        3 * 60, context.localMinuteOfDay(Instant.parse("2026-03-29T01:00:00Z").toEpochMilli()));
  }

  private static PointContext context(String zone) {
    return new PointContext(Fleet.EMPTY, Geography.EMPTY, ParameterResolver.NONE, ZoneId.of(zone));
  }
}

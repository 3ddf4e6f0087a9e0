package dev.dozor.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dozor.simulator.replay.TraceFix;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class SyracuseTraceTest {
  private static final Instant T0 = Instant.parse("2021-02-14T00:20:50Z");

  @Test
  void countsDistinctFixesPerTruckAndMeasuresGpsAgainstOdometerInKilometres() {
    List<TraceFix> rows =
        List.of(
            new TraceFix("A", T0.plusSeconds(15), 43.009, -76.1, 100.6, 3),
            new TraceFix("A", T0, 43.0, -76.1, 100.0, 2),
            new TraceFix("B", T0, 43.5, -76.5, null, 4),
            // the same instant again, elsewhere: not a new fix, and not part of the path
            new TraceFix("A", T0.plusSeconds(15), 44.0, -77.0, 999.0, 5),
            new TraceFix("A", T0.plusSeconds(30), 43.009, -76.1, 100.7, 6));

    SyracuseTrace.Summary s = SyracuseTrace.summarise(rows, 2);

    assertEquals(5, s.parsedRows());
    assertEquals(2, s.refusedRows());
    assertEquals(1, s.duplicates());
    assertEquals(4, s.distinctFixes());
    assertEquals(T0, s.first());
    assertEquals(T0.plusSeconds(30), s.last());
    SyracuseTrace.Truck a = s.trucks().get(0);
    assertEquals("A", a.name());
    assertEquals(3, a.fixes());
    // 0.009° of latitude on the 6,371.0088 km sphere, then standing still
    assertEquals(1.000_75, a.gpsKm(), 1e-5);
    assertEquals(0.7 * 1.609344, a.odometerKm(), 1e-9);
    assertEquals(1.000_75 / (0.7 * 1.609344), a.ratio(), 1e-5);
    SyracuseTrace.Truck b = s.trucks().get(1);
    assertEquals(1, b.fixes());
    assertEquals(0.0, b.gpsKm());
    assertNull(b.odometerKm());
    assertNull(b.ratio());
  }

  @Test
  void shiftsByWholeDaysToEndBetweenOneAndTwoDaysAgo() {
    Instant last = Instant.parse("2021-02-15T23:14:53Z");
    for (Instant now :
        List.of(
            Instant.parse("2026-03-10T12:00:00Z"),
            last.plus(Duration.ofDays(1)),
            last.plus(Duration.ofDays(2)).minusNanos(1))) {
      Duration shift = SyracuseTrace.wholeDayShift(last, now);
      Instant shiftedLast = last.plus(shift);
      assertEquals(0, shift.toSeconds() % 86_400, "whole days: " + shift);
      assertTrue(!shiftedLast.isAfter(now.minus(Duration.ofDays(1))), now + " -> " + shiftedLast);
      assertTrue(shiftedLast.isAfter(now.minus(Duration.ofDays(2))), now + " -> " + shiftedLast);
    }
  }

  /**
   * The data behind {@link SyracuseReplayIT#ODOMETER_TOLERANCE}: prints every truck's GPS and
   * odometer distance and checks the trucks the IT asserts are within the tolerance by the CSV
   * alone.
   */
  @Test
  void theRealTracesDensestTrucksAreWithinTheOdometerToleranceByTheCsvAlone() throws Exception {
    Path file = SyracuseTrace.file();
    assumeTrue(Files.isReadable(file), "skipped: the Syracuse trace is not at " + file);
    List<String> refused = new ArrayList<>();
    SyracuseTrace.Summary s =
        SyracuseTrace.summarise(SyracuseTrace.read(file, refused::add), refused.size());

    assertEquals(25_255, s.parsedRows(), "rows parsed, refused: " + refused);
    assertEquals(0, s.refusedRows(), refused.toString());
    assertEquals(0, s.duplicates());
    assertEquals(31, s.trucks().size());
    for (SyracuseTrace.Truck t : s.trucks()) {
      System.out.printf(
          Locale.ROOT,
          "trace: truck %-8s %5d fixes  gps %7.2f km  odometer %7s km  ratio %s%n",
          t.name(),
          t.fixes(),
          t.gpsKm(),
          t.odometerKm() == null ? "-" : String.format(Locale.ROOT, "%.2f", t.odometerKm()),
          t.ratio() == null ? "-" : String.format(Locale.ROOT, "%.3f", t.ratio()));
    }
    for (SyracuseTrace.Truck t : s.trucks().subList(0, SyracuseReplayIT.MILEAGE_TRUCKS)) {
      assertTrue(
          Math.abs(t.ratio() - 1) <= SyracuseReplayIT.ODOMETER_TOLERANCE,
          "truck " + t.name() + " GPS/odometer " + t.ratio());
    }
  }
}

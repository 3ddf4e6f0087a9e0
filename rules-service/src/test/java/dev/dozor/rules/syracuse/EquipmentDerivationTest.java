package dev.dozor.rules.syracuse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.dozor.events.Equipment;
import dev.dozor.events.SchemaVersions;
import dev.dozor.events.TelemetryPoint;
import dev.dozor.simulator.replay.TraceFix;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The equipment derivation of the Syracuse trace, on hand-made tracks (no data file needed). */
class EquipmentDerivationTest {
  private static final Instant T0 = Instant.parse("2021-02-14T00:00:00Z");
  private static final double LAT = 43.05;
  private static final double LON = -76.15;

  /** A track builder: fixes at seconds after T0 with a speed, on a line eastwards. */
  private static final class Track {
    final List<TelemetryPoint> points = new ArrayList<>();
    double lon = LON;

    Track at(long second, double speedKmh) {
      return at(second, speedKmh, 0);
    }

    Track at(long second, double speedKmh, double eastM) {
      lon += eastM / (111_320 * Math.cos(Math.toRadians(LAT)));
      points.add(
          new TelemetryPoint(
              SchemaVersions.TELEMETRY_POINT,
              "syr-1",
              "dev-syr-1",
              T0.plusSeconds(second),
              null,
              LAT,
              lon,
              speedKmh,
              null,
              null,
              new Equipment(null, null, null, null, null, null, null),
              Map.of()));
      return this;
    }

    List<Equipment> derived() {
      return EquipmentDerivation.derive(points, EquipmentDerivation.DEFAULT).stream()
          .map(TelemetryPoint::equipment)
          .toList();
    }
  }

  private static List<Boolean> plough(List<Equipment> e) {
    return e.stream().map(Equipment::plough).toList();
  }

  private static List<Boolean> ignition(List<Equipment> e) {
    return e.stream().map(Equipment::ignition).toList();
  }

  @Test
  void thePloughIsDownOnlyAtPloughingSpeedsBetween5And60KmhInclusive() {
    List<Equipment> e =
        new Track()
            .at(0, 30)
            .at(15, 4.9)
            .at(30, 5)
            .at(45, 60)
            .at(60, 60.1)
            .at(75, 0)
            .at(90, 30)
            .at(105, 0)
            .derived();
    assertEquals(List.of(true, false, true, true, false, false, true, false), plough(e));
  }

  @Test
  void theIgnitionIsOnWithin10MinutesOfAMovingFixBeforeOrAfter() {
    List<Equipment> e =
        new Track()
            .at(599, 0) // 10 min 1 s before the moving fix at 1200: off
            .at(600, 0) // exactly 10 min before: on
            .at(840, 0)
            .at(1080, 0)
            .at(1200, 20)
            .at(1440, 0)
            .at(1680, 0)
            .at(1800, 0) // exactly 10 min after: on
            .at(1801, 0) // 10 min 1 s after, 12 min before the next moving fix: off
            .at(2040, 0) // 8 min before the next moving fix: on
            .at(2280, 0)
            .at(2520, 20)
            .at(2535, 20) // the last fix of the record: off
            .derived();
    assertEquals(
        List.of(false, true, true, true, true, true, true, true, false, true, true, true, false),
        ignition(e));
  }

  @Test
  void aSilenceWithoutMovingSwitchesTheEngineOffAndIsNotCrossed() {
    List<Equipment> e =
        new Track()
            .at(0, 20)
            .at(15, 0) // the tracker then sleeps 6 min, the truck stays: switched off here
            .at(375, 0) // after the silence: a new run, its next moving fix is 4 min away
            .at(615, 20)
            .at(630, 20)
            .derived();
    assertEquals(List.of(true, false, true, true, false), ignition(e));
  }

  @Test
  void aSilenceAfterWhichTheTruckIsElsewhereKeepsTheEngineOn() {
    List<Equipment> e =
        new Track()
            .at(0, 20)
            .at(15, 20, 80)
            .at(400, 20, 51) // 6 min later, 51 m on: the tracker was quiet, not the engine
            .at(415, 20, 80)
            .derived();
    assertEquals(List.of(true, true, true, false), ignition(e));
  }

  @Test
  void aSilenceOfExactly5MinutesIsNotASleep() {
    List<Equipment> e = new Track().at(0, 20).at(15, 0).at(315, 0).at(330, 20).derived();
    assertEquals(List.of(true, true, true, false), ignition(e));
  }

  @Test
  void thePloughIsUpWhenTheEngineIsOffAndOtherChannelsAreNotReported() {
    List<Equipment> e = new Track().at(0, 20).at(15, 30).derived();
    assertEquals(List.of(true, false), plough(e), "the last fix: engine off, plough up");
    e.forEach(
        x -> {
          assertNull(x.brush());
          assertNull(x.spreader());
          assertNull(x.spreadRateGm2());
          assertNull(x.bodyTip());
          assertNull(x.pto());
        });
  }

  @Test
  void traceRowsBecomePointsAtTheirRecordedTimesWithSpeedAndOdometer() {
    List<TraceFix> rows =
        List.of(
            new TraceFix("42", T0.plusSeconds(60), 43.0009, -76.15, 100.1, 3),
            new TraceFix("42", T0, 43.0, -76.15, 100.0, 2),
            new TraceFix("42", T0.plusSeconds(60), 43.5, -76.15, 100.1, 4));
    List<TelemetryPoint> points =
        SyracuseTrace.toPoints(rows, EquipmentDerivation.DEFAULT).get("syr-42");
    assertEquals(2, points.size(), "a repeated instant is dropped");
    assertEquals(
        List.of(T0, T0.plusSeconds(60)), points.stream().map(TelemetryPoint::fixTime).toList());
    assertEquals(0, points.get(0).speedKmh());
    assertEquals(6.0, points.get(1).speedKmh(), 0.05, "100 m in 60 s");
    assertEquals(161.095, points.get(1).odometerKm(), 0.001, "miles to km");
    assertEquals(
        List.of(true, false), ignition(points.stream().map(TelemetryPoint::equipment).toList()));
  }
}

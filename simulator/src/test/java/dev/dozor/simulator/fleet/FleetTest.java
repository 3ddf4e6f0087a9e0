package dev.dozor.simulator.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dozor.events.TelemetryPoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class FleetTest {
  static final Instant START = Instant.parse("2026-01-15T06:00:00Z");
  private static final Pattern PLATE =
      Pattern.compile("[АВЕКМНОРСТУХ]\\d{3}[АВЕКМНОРСТУХ]{2}(77|97|99|177|197|777|799)");

  static List<TelemetryPoint> simulate(FleetConfig config, Duration span) {
    Fleet fleet = Fleet.create(config, START);
    List<TelemetryPoint> all = new ArrayList<>();
    for (Instant t = START; !t.isAfter(START.plus(span)); t = t.plus(config.interval())) {
      all.addAll(fleet.step(t));
    }
    return all;
  }

  @Test
  void sameSeedGivesSamePointsAndAnotherSeedDoesNot() {
    FleetConfig config = FleetConfig.defaults();
    List<TelemetryPoint> first = simulate(config, Duration.ofMinutes(10));
    List<TelemetryPoint> second = simulate(config, Duration.ofMinutes(10));
    assertEquals(12 * 301, first.size());
    assertEquals(first, second);
    assertNotEquals(first, simulate(config.withSeed(7), Duration.ofMinutes(10)));
  }

  @Test
  void vehiclesAlternatePloughAndSweeperWithUniqueMoscowPlates() {
    List<SimVehicle> vehicles = Fleet.create(FleetConfig.defaults(), START).vehicles();
    assertEquals(12, vehicles.size());
    assertEquals("sim-plough-01", vehicles.get(0).id());
    assertEquals("sim-sweeper-01", vehicles.get(1).id());
    assertEquals("sim-sweeper-06", vehicles.get(11).id());
    assertEquals("dev-sim-plough-01", vehicles.get(0).deviceId());
    for (int i = 0; i < vehicles.size(); i++) {
      SimVehicle v = vehicles.get(i);
      assertEquals(i % 2 == 0 ? VehicleType.PLOUGH : VehicleType.SWEEPER, v.type());
      assertTrue(PLATE.matcher(v.plate()).matches(), v.plate());
      assertEquals(v.type().wireName(), v.toVehicleRecord().type());
    }
    assertEquals(12, new HashSet<>(vehicles.stream().map(SimVehicle::plate).toList()).size());
    assertEquals(
        List.of("sim-plough-01"),
        vehicles.stream().filter(SimVehicle::offender).map(SimVehicle::id).toList());
  }

  @Test
  void everyFixPassesTheSanityCheckOverAnHour() {
    FleetConfig config = FleetConfig.defaults().withVehicles(20).withOffenders(2);
    List<TelemetryPoint> points = simulate(config, Duration.ofHours(1));
    points.forEach(FixSanity::checkPoint);
    FixSanity.checkTracks(points, config.interval());
  }

  @Test
  void lawfulVehiclesStayInsideTheirWorkingSpeeds() {
    List<TelemetryPoint> points = simulate(FleetConfig.defaults(), Duration.ofHours(1));
    for (TelemetryPoint p : points) {
      if (p.vehicleId().startsWith("sim-sweeper")) {
        assertTrue(p.speedKmh() <= 15, p::toString);
        if (p.equipment().isBrushOn()) {
          assertTrue(p.speedKmh() >= 8 && p.speedKmh() <= 10, p::toString);
        }
      } else if (!p.vehicleId().equals("sim-plough-01")) {
        if (p.equipment().isPloughDown()) {
          assertTrue(p.speedKmh() >= 20 && p.speedKmh() <= 40, p::toString);
        } else {
          assertTrue(p.speedKmh() >= 40 && p.speedKmh() <= 60, p::toString);
        }
      }
    }
    // both modes actually occur
    assertTrue(points.stream().anyMatch(p -> p.equipment().isPloughDown()));
    assertTrue(
        points.stream()
            .anyMatch(
                p -> p.vehicleId().startsWith("sim-plough") && !p.equipment().isPloughDown()));
    assertTrue(points.stream().anyMatch(p -> p.equipment().isBrushOn()));
  }

  @Test
  void aLateStepCatchesUpWithTheSameFixesAsRegularSteps() {
    FleetConfig config = FleetConfig.defaults();
    List<TelemetryPoint> regular = simulate(config, Duration.ofSeconds(60));
    Fleet late = Fleet.create(config, START);
    List<TelemetryPoint> caughtUp = late.step(START.plus(Duration.ofMillis(60_500)));
    assertEquals(regular.size(), caughtUp.size());
    assertEquals(new HashSet<>(regular), new HashSet<>(caughtUp));
    assertTrue(late.step(START.plus(Duration.ofMillis(61_000))).isEmpty());
  }

  @Test
  void nothingIsDueBeforeTheStart() {
    Fleet fleet = Fleet.create(FleetConfig.defaults(), START);
    assertTrue(fleet.step(START.minusMillis(1)).isEmpty());
    assertEquals(12, fleet.step(START).size());
  }
}

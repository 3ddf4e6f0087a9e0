package dev.dozor.simulator.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dozor.simulator.CliException;
import dev.dozor.simulator.CliParser;
import dev.dozor.simulator.fault.GroundTruthEntry;
import dev.dozor.simulator.road.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The fault demo of {@code bin/dozor up --faults all} (its preset is copied here): within one 45
 * min shift every regulation the live faults stand for gets an episode — the faults waiting for a
 * place (playgrounds) go first, idling may start on a transport stretch so 17–25 min fit, and a
 * late roll-out of a short shift still comes after TIM-006's 30 min. (INT-003's odometer drift is
 * written to the ground truth only once the vehicle is parked, after its last lap.)
 */
class ShortDemoShiftTest {
  /** SIM_ALL_FAULTS of bin/dozor. */
  static final String PRESET =
      "overspeed=4/h,spreading-standing=12/h,deviation=4/h,gaps=2/h,jumps=4/h,sweeping-fast=4/h,"
          + "bad-spread-rate=4/h,transport-speeding=4/h,idling=1/h,sensor-flapping=4/h,"
          + "clock-skew=4/h,odometer-drift=1.5,dump-outside=4/h,outside-zone=4/h,"
          + "no-machinery=12/h,night-collection=4/h,night-yard=4/h,late-roll-out=0.5";

  @Test
  void everyLiveFaultRegulationHappensWithinTheShiftOnTheSvaoRoads() throws CliException {
    Path roads = SharedData.file("moscow-roads-svao-extract/graphhopper_moscow_highways.geojson");
    assumeTrue(Files.exists(roads), "no shared data at " + roads);
    FleetConfig config =
        ((CliParser.Demo)
                CliParser.parse(
                    "demo",
                    "--types",
                    "plough,sweeper,spreader,refuse",
                    "--shift",
                    "45m",
                    "--roads",
                    roads.toString(),
                    "--fault",
                    PRESET))
            .options()
            .fleet();
    Set<String> expected =
        new TreeSet<>(
            Set.of(
                "SPD-001", "SPD-002", "SPD-003", "SPD-004", "EQP-001", "EQP-003", "EQP-004",
                "GEO-001", "GEO-003", "INT-001", "INT-002", "INT-004", "INT-005", "TIM-006",
                "TIM-007"));
    for (String at :
        new String[] {"2026-11-29T06:00:00Z", "2026-11-29T10:00:00Z", "2026-11-29T13:35:10Z"}) {
      Instant start = Instant.parse(at);
      Fleet fleet = Fleet.create(config, start);
      for (int m = 1; m <= 60; m++) {
        fleet.step(start.plus(Duration.ofMinutes(m)));
      }
      Set<String> seen = new TreeSet<>();
      fleet.groundTruth().stream()
          .filter(e -> e.start().isBefore(start.plus(Duration.ofMinutes(45))))
          .map(GroundTruthEntry::regulationId)
          .filter(Objects::nonNull)
          .forEach(seen::add);
      seen.retainAll(expected);
      assertEquals(expected, seen, at);
    }
  }
}

package dev.dozor.rules.engine;

import static dev.dozor.rules.engine.RuleTestSupport.shift;
import static dev.dozor.rules.engine.Track.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.dozor.events.VehicleRecord;
import dev.dozor.rules.registry.RegistryState;
import org.junit.jupiter.api.Test;

/**
 * The track keeps the registry's assignments and record of its vehicle only while the registry's
 * plans and vehicles stay the same.
 */
class VehicleTrackTest {
  @Test
  void aChangeOfTheAssignmentsIsSeenByTheNextFix() {
    RegistryState registry = new RegistryState();
    VehicleTrack track = new VehicleTrack("v1");
    assertNull(track.activeAssignment(registry, t(60).toEpochMilli()));

    registry.assignment(shift("a1", "v1", t(0), t(3600)));
    assertEquals("a1", track.activeAssignment(registry, t(60).toEpochMilli()).getId());
    assertNull(track.activeAssignment(registry, t(3600).toEpochMilli()), "the shift end is out");

    registry.assignment(shift("a1", "v1", t(0), t(7200)));
    assertEquals("a1", track.activeAssignment(registry, t(3600).toEpochMilli()).getId());

    registry.removeAssignment("a1");
    assertNull(track.activeAssignment(registry, t(60).toEpochMilli()));
  }

  @Test
  void theKeptAnswerIsTheScansAtEveryTimeAroundOverlappingShifts() {
    RegistryState registry = new RegistryState();
    // a1 0–3600, a2 1800–5400 (overlaps a1: a1 comes first while both run), a3 7200–7200 (empty)
    registry.assignment(shift("a1", "v1", t(0), t(3600)));
    registry.assignment(shift("a2", "v1", t(1800), t(5400)));
    registry.assignment(shift("a3", "v1", t(7200), t(7200)));
    registry.assignment(shift("b1", "v2", t(100), t(200)));
    VehicleTrack track = new VehicleTrack("v1");
    java.util.SplittableRandom random = new java.util.SplittableRandom(11);
    int[] edges = {0, 1800, 3600, 5400, 7200};
    for (int i = 0; i < 20_000; i++) {
      // on, just before and just after every edge, and anywhere, in no order
      long ms =
          random.nextInt(3) == 0
              ? t(-600).toEpochMilli() + random.nextLong(9_000_000L)
              : t(edges[random.nextInt(edges.length)]).toEpochMilli() + random.nextInt(3) - 1;
      AssignmentFact expected = registry.activeAssignment("v1", ms);
      AssignmentFact kept = track.activeAssignment(registry, ms);
      assertEquals(
          expected == null ? null : expected.getId(),
          kept == null ? null : kept.getId(),
          "at " + ms);
      if (i == 10_000) {
        registry.removeAssignment("a1"); // the next answers come from a new scan
      }
    }
  }

  @Test
  void aChangeOfTheVehicleRecordIsSeenByTheNextFix() {
    RegistryState registry = new RegistryState();
    VehicleTrack track = new VehicleTrack("v1");
    assertNull(track.vehicle(registry), "not registered yet");

    registry.vehicle(VehicleRecord.of("v1", "А001АА77", "plough", "Contractor", "district-1"));
    assertEquals("plough", track.vehicle(registry).type());

    registry.vehicle(VehicleRecord.of("v1", "А001АА77", "sweeper", "Contractor", "district-1"));
    assertEquals("sweeper", track.vehicle(registry).type(), "re-registered with another type");

    registry.vehicle(VehicleRecord.of("v2", "А002АА77", "spreader", "Contractor", "district-1"));
    assertEquals("sweeper", track.vehicle(registry).type(), "another vehicle's change");

    registry.removeVehicle("v1");
    assertNull(track.vehicle(registry), "removed from the registry");
  }
}

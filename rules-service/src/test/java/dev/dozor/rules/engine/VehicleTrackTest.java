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

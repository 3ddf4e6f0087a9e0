package dev.dozor.rules.engine;

import static dev.dozor.rules.engine.RuleTestSupport.shift;
import static dev.dozor.rules.engine.Track.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.dozor.rules.registry.RegistryState;
import org.junit.jupiter.api.Test;

/** The track keeps the registry's assignments of its vehicle only while the plans stay the same. */
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
}

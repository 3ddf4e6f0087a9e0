package dev.dozor.telemetry.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RoadPriorityTest {
  @Test
  void mainRoadsComeFirstAndServiceRoadsLast() {
    for (String c : new String[] {"motorway", "trunk_link", "primary", "primary_link"}) {
      assertEquals(1, RoadPriority.of(c), c);
    }
    assertEquals(2, RoadPriority.of("secondary"));
    assertEquals(2, RoadPriority.of("secondary_link"));
    for (String c :
        new String[] {
          "tertiary", "tertiary_link", "residential", "unclassified", "living_street"
        }) {
      assertEquals(3, RoadPriority.of(c), c);
    }
    assertEquals(4, RoadPriority.of("service"));
    assertEquals(4, RoadPriority.of("footway"));
    assertEquals(4, RoadPriority.of(null));
  }
}

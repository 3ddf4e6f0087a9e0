package dev.dozor.rules.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RecentFixTimesTest {
  @Test
  void aRememberedTimeIsRecognisedAndANewerOneIsNot() {
    RecentFixTimes recent = new RecentFixTimes(4);
    recent.add(1_000);
    recent.add(2_000);

    assertTrue(recent.contains(1_000));
    assertTrue(recent.contains(2_000));
    assertFalse(recent.contains(3_000));
    assertFalse(recent.contains(1_500));
  }

  @Test
  void aTimeOlderThanTheNewestIsFoundByItsValueNotByItsOrder() {
    RecentFixTimes recent = new RecentFixTimes(8);
    recent.add(5_000);
    recent.add(1_000); // a black-box fix after live ones

    assertTrue(recent.contains(1_000));
    assertTrue(recent.contains(5_000));
    assertFalse(recent.contains(4_000));
  }

  @Test
  void pastItsCapacityTheOldestTimeIsForgotten() {
    RecentFixTimes recent = new RecentFixTimes(3);
    for (long t = 1; t <= 4; t++) {
      recent.add(t * 1_000);
    }

    assertEquals(3, recent.size());
    assertFalse(recent.contains(1_000));
    assertTrue(recent.contains(2_000));
    assertTrue(recent.contains(4_000));
  }

  @Test
  void itGrowsBeyondItsFirstArrayUpToTheCapacity() {
    RecentFixTimes recent = new RecentFixTimes(256);
    for (long t = 0; t < 300; t++) {
      recent.add(t);
    }

    assertEquals(256, recent.size());
    assertFalse(recent.contains(43));
    assertTrue(recent.contains(44));
    assertTrue(recent.contains(299));
  }

  @Test
  void aCapacityBelowOneIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new RecentFixTimes(0));
  }
}

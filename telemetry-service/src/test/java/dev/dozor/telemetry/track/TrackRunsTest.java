package dev.dozor.telemetry.track;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.dozor.telemetry.query.EquipmentBits;
import org.junit.jupiter.api.Test;

class TrackRunsTest {

  private static TrackPoints withEquipment(int... bits) {
    TrackPoints p = new TrackPoints();
    for (int i = 0; i < bits.length; i++) {
      p.add(i * 1000L, 55, 37, bits[i]);
    }
    return p;
  }

  @Test
  void aNewRunStartsWheneverAnyChannelChanges() {
    int up = EquipmentBits.of(false);
    int down = EquipmentBits.of(true);
    int downBrush = EquipmentBits.of(true, true);
    int unreported = EquipmentBits.of();
    assertArrayEquals(
        new int[] {0, 2, 3, 5, 6},
        TrackRuns.starts(withEquipment(up, up, down, downBrush, downBrush, unreported)));
  }

  @Test
  void noFixesNoRunsAndOneFixOneRun() {
    assertArrayEquals(new int[] {0}, TrackRuns.starts(withEquipment()));
    assertArrayEquals(new int[] {0, 1}, TrackRuns.starts(withEquipment(0)));
  }

  @Test
  void falseAndUnreportedAreDifferentStates() {
    assertArrayEquals(
        new int[] {0, 1, 2},
        TrackRuns.starts(withEquipment(EquipmentBits.of(false), EquipmentBits.of())));
  }
}

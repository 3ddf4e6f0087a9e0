package dev.dozor.simulator.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** When a late vehicle rolls out: 40–60 min, or within a short demo shift still past 30 min. */
class LateRollOutTest {
  private static final double MIN = 60;

  @Test
  void aLongShiftKeeps40To60MinutesAndTenMinutesBeforeItsEnd() {
    assertEquals(40 * MIN, VehicleDriver.lateRollOutS(0, 8 * 60 * MIN));
    assertEquals(50 * MIN, VehicleDriver.lateRollOutS(0.5, 8 * 60 * MIN));
    assertEquals(50 * MIN, VehicleDriver.lateRollOutS(0.5, Double.POSITIVE_INFINITY));
    // a 60 min shift: a draw past 50 min does not fit (as before), one before it does
    assertEquals(0, VehicleDriver.lateRollOutS(0.75, 60 * MIN));
    assertEquals(45 * MIN, VehicleDriver.lateRollOutS(0.25, 60 * MIN));
  }

  @Test
  void aShortShiftRollsOutAfter31MinutesAndTwoMinutesBeforeItsEnd() {
    for (double u = 0; u < 1; u += 0.05) {
      double late = VehicleDriver.lateRollOutS(u, 45 * MIN);
      assertTrue(late >= 31 * MIN && late <= 43 * MIN, "" + late);
    }
    assertEquals(31 * MIN, VehicleDriver.lateRollOutS(0, 35 * MIN));
    assertEquals(0, VehicleDriver.lateRollOutS(0.5, 32 * MIN)); // no room past TIM-006's 30 min
  }
}

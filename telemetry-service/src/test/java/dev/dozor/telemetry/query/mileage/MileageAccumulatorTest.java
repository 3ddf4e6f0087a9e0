package dev.dozor.telemetry.query.mileage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.dozor.telemetry.query.EquipmentBits;
import dev.dozor.telemetry.query.Haversine;
import org.junit.jupiter.api.Test;

class MileageAccumulatorTest {
  /** 100 m along a meridian, in degrees of latitude. */
  private static final double D100 = Math.toDegrees(100 / Haversine.EARTH_RADIUS_M);

  private static final int PLOUGH = EquipmentBits.of(true);
  private static final int PLOUGH_AND_SPREADER = EquipmentBits.of(true, null, true);
  private static final int OFF = EquipmentBits.of(false, false, false);

  @Test
  void threeFixes100mApartOnAMeridianMake200mSplitByTheEarlierFixesEquipment() {
    var m = new MileageAccumulator(200);
    m.accept(0, 55.0, 37.0, PLOUGH_AND_SPREADER, 1000.0);
    m.accept(10_000, 55.0 + D100, 37.0, OFF, 1000.1);
    m.accept(20_000, 55.0 + 2 * D100, 37.0, PLOUGH, 1000.25);

    assertEquals(3, m.points());
    assertEquals(200, m.totalM(), 1e-6);
    // step 1 starts with plough + spreader on, step 2 with everything off
    assertEquals(100, m.equipmentOnM(), 1e-6);
    assertEquals(100, m.workingM(0), 1e-6); // plough
    assertEquals(0, m.workingM(1), 1e-6); // brush
    assertEquals(100, m.workingM(2), 1e-6); // spreader
    assertEquals(0.25, m.odometerDeltaKm(), 1e-9);
    assertEquals(0, m.discardedSteps());
  }

  @Test
  void aSingleOutlierIsDiscardedAndTheDistanceAroundItCounted() {
    var m = new MileageAccumulator(200);
    m.accept(0, 55.0, 37.0, OFF, Double.NaN);
    // 10 km east 10 s later: 3,600 km/h
    m.accept(10_000, 55.0, 37.157, OFF, Double.NaN);
    // back 100 m north of the first fix 10 s later: counted from the first fix (36 km/h)
    m.accept(20_000, 55.0 + D100, 37.0, OFF, Double.NaN);

    assertEquals(100, m.totalM(), 1e-6);
    assertEquals(1, m.discardedSteps());
    assertNull(m.odometerDeltaKm());
  }

  @Test
  void aRealRelocationIsDiscardedOnceAndCountingResumesThere() {
    var m = new MileageAccumulator(200);
    m.accept(0, 55.0, 37.0, OFF, Double.NaN);
    m.accept(10_000, 55.0, 37.157, OFF, Double.NaN); // jump, towed with the tracker off
    m.accept(20_000, 55.0 + D100, 37.157, OFF, Double.NaN); // 100 m on from there
    m.accept(30_000, 55.0 + 2 * D100, 37.157, OFF, Double.NaN); // and 100 m more

    assertEquals(200, m.totalM(), 1e-6);
    assertEquals(1, m.discardedSteps());
  }

  @Test
  void justBelowTheLimitCountsAndAGapIsAStraightLine() {
    var m = new MileageAccumulator(200);
    // 100 m in 1.9 s = 189 km/h: counted
    m.accept(0, 55.0, 37.0, OFF, Double.NaN);
    m.accept(1_900, 55.0 + D100, 37.0, OFF, Double.NaN);
    // an hour without fixes, 100 m further: the straight line, 100 m
    m.accept(3_601_900, 55.0 + 2 * D100, 37.0, OFF, Double.NaN);
    assertEquals(200, m.totalM(), 1e-6);
    assertEquals(0, m.discardedSteps());
  }
}

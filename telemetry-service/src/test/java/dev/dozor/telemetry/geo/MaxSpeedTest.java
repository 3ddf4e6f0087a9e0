package dev.dozor.telemetry.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class MaxSpeedTest {
  @Test
  void parsesNumbersAndKmh() {
    assertEquals(60, MaxSpeed.parseKmh("60"));
    assertEquals(60, MaxSpeed.parseKmh("60 km/h"));
    assertEquals(40, MaxSpeed.parseKmh(" 40km/h "));
  }

  @Test
  void parsesRussianImplicitLimits() {
    assertEquals(60, MaxSpeed.parseKmh("RU:urban"));
    assertEquals(90, MaxSpeed.parseKmh("RU:rural"));
  }

  @Test
  void unknownValuesGiveNull() {
    assertNull(MaxSpeed.parseKmh(null));
    assertNull(MaxSpeed.parseKmh(""));
    assertNull(MaxSpeed.parseKmh("none"));
    assertNull(MaxSpeed.parseKmh("30 mph"));
    assertNull(MaxSpeed.parseKmh("signals"));
  }
}

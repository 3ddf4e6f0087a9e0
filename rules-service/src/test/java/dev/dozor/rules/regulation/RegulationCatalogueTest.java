package dev.dozor.rules.regulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RegulationCatalogueTest {

  @Test
  void loadsSpd001WithItsParameterDefaultsAndRules() {
    RegulationCatalogue catalogue = RegulationCatalogue.fromClasspath();

    Regulation spd001 = catalogue.require("SPD-001");
    assertEquals(1, spd001.version());
    assertEquals("Ploughing too fast", spd001.title().en());
    assertEquals("HIGH", spd001.severity());
    assertEquals(List.of("plough"), spd001.vehicleTypes());
    assertEquals(
        List.of("speedLimitKmh", "minDurationS", "maxGapS"),
        List.copyOf(spd001.parameters().keySet()));
    assertEquals(45.0, spd001.defaultParameters().value("speedLimitKmh"));
    assertEquals(60_000, spd001.defaultParameters().millis("minDurationS"));
    assertEquals("km/h", spd001.parameters().get("speedLimitKmh").unit());
    String drl = catalogue.entries().get(0).drl();
    assertTrue(drl.contains("rule \"SPD-001 "), "DRL loaded with its rules");
    assertTrue(!drl.contains("45"), "no threshold hard-coded in the DRL");
  }
}

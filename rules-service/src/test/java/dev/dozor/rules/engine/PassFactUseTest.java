package dev.dozor.rules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dozor.rules.regulation.RegulationCatalogue;
import dev.dozor.rules.regulation.tim001.SegmentDeadlines;
import dev.dozor.rules.regulation.tim003.SiteStop;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Which state facts the compiled rules need before a segment pass can matter to them: the engine
 * keeps passes out of the session until a fact of one of them is inserted.
 */
class PassFactUseTest {
  private static final RegulationCatalogue SHIPPED = RegulationCatalogue.fromClasspath();

  @Test
  void theShippedDeadlineRulesNeedPassesOnlyWhileAVehicleHoldsDeadlines() {
    PassFactUse use = PassFactUse.of(KieBaseCompiler.compile(SHIPPED));

    assertFalse(use.needed());
    assertEquals(Set.of(SegmentDeadlines.class), use.gates());
    assertTrue(use.opens(SegmentDeadlines.class));
    assertFalse(use.opens(SiteStop.class));
  }

  @Test
  void aCatalogueWithoutTheDeadlineRulesNeverNeedsPasses() {
    RegulationCatalogue speedOnly =
        RegulationCatalogue.of(List.of(SHIPPED.entry("SPD-001").orElseThrow()));

    PassFactUse use = PassFactUse.of(KieBaseCompiler.compile(speedOnly));

    assertFalse(use.needed());
    assertEquals(Set.of(), use.gates());
  }

  @Test
  void aRuleJoiningPassesWithNoStateOfAVehicleNeedsThemAlways() {
    // a version an official might write: count passes over the vehicle's assignment, no state
    List<RegulationCatalogue.Entry> entries = new ArrayList<>();
    for (RegulationCatalogue.Entry e : SHIPPED.entries()) {
      entries.add(
          e.regulation().id().equals("TIM-001")
              ? new RegulationCatalogue.Entry(
                  e.regulation(),
                  e.drl()
                      + """

                      rule "TIM-001 a pass over an assigned segment (no deadlines)"
                      when
                          $a : AssignmentFact( $vid : vehicleId )
                          SegmentPassFact( vehicleId == $vid, plough )
                      then
                      end
                      """)
              : e);
    }

    PassFactUse use = PassFactUse.of(KieBaseCompiler.compile(RegulationCatalogue.of(entries)));

    assertTrue(use.needed());
  }
}

package dev.dozor.rules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dozor.rules.regulation.RegulationCatalogue;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;

class KieBaseCompilerTest {
  private final RegulationCatalogue spd001 =
      RegulationCatalogue.of(
          List.of(RegulationCatalogue.fromClasspath().entry("SPD-001").orElseThrow()));

  @Test
  void theSameRegulationsCompileOnceAndShareTheKieBase() {
    KieBase first = KieBaseCompiler.compile(spd001);
    KieBase again = KieBaseCompiler.compile(RegulationCatalogue.of(spd001.entries()));

    assertSame(first, again);
  }

  @Test
  void aChangedDrlIsCompiledAnew() {
    RegulationCatalogue.Entry entry = spd001.entries().get(0);
    RegulationCatalogue.Entry changed =
        new RegulationCatalogue.Entry(entry.regulation(), entry.drl() + "\n// reviewed\n");

    KieBase first = KieBaseCompiler.compile(spd001);
    KieBase other = KieBaseCompiler.compile(RegulationCatalogue.of(List.of(changed)));

    assertNotSame(first, other);
  }

  @Test
  void aBrokenDrlIsReportedWithItsFileAndLineEveryTimeAndNeverCached() {
    RegulationCatalogue.Entry entry = spd001.entries().get(0);
    RegulationCatalogue broken =
        RegulationCatalogue.of(
            List.of(
                new RegulationCatalogue.Entry(
                    entry.regulation(), entry.drl().replace("then", "then oops("))));

    for (int i = 0; i < 2; i++) {
      KieBaseCompiler.RegulationCompileException e =
          assertThrows(
              KieBaseCompiler.RegulationCompileException.class,
              () -> KieBaseCompiler.compile(broken));
      KieBaseCompiler.Problem first = e.problems().get(0);
      assertEquals(entry.regulation().drl(), first.file());
      assertTrue(first.line() > 0, first.toString());
    }
  }

  @Test
  void aDrlIsCompiledInTheFolderOfItsPackageSoDroolsDoesNotWarnAboutIt() {
    assertEquals(
        "src/main/resources/dozor/regulations/spd001/SPD-001-plough-speed.drl",
        KieBaseCompiler.sourcePath(
            "SPD-001-plough-speed.drl",
            "// SPD-001, with a package line below\npackage dozor.regulations.spd001;\nrule ..."));
    assertEquals(
        "src/main/resources/dozor/engine/episode-lifecycle.drl",
        KieBaseCompiler.sourcePath(
            KieBaseCompiler.ENGINE_DRL, "  package dozor.engine\n\nglobal Object sink;"));
    assertEquals(
        "src/main/resources/X-001.drl",
        KieBaseCompiler.sourcePath("X-001.drl", "/* package not.this; */\nrule \"X-001 a\" ..."),
        "no package: the root");
  }
}

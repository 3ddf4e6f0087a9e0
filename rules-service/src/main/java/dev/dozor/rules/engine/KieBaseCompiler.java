package dev.dozor.rules.engine;

import dev.dozor.rules.regulation.Regulation;
import dev.dozor.rules.regulation.RegulationCatalogue;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.kie.api.KieBase;
import org.kie.api.conf.EventProcessingOption;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.internal.utils.KieHelper;

/** Compiles the catalogue's DRL into one STREAM-mode KieBase and checks the rule naming. */
public final class KieBaseCompiler {
  /** The engine's own rules (the episode lifecycle), compiled with every regulation set. */
  public static final String ENGINE_DRL = "engine/episode-lifecycle.drl";

  /** Rule names of the engine's own rules start with this. */
  public static final String ENGINE_RULE_PREFIX = "EPISODE ";

  private KieBaseCompiler() {}

  /**
   * Compiles every regulation of the catalogue.
   *
   * @throws RegulationCompileException with Drools' messages when a DRL does not compile, or when a
   *     rule name does not start with a regulation id
   */
  public static KieBase compile(RegulationCatalogue catalogue) {
    KieHelper helper = new KieHelper().setClassLoader(KieBaseCompiler.class.getClassLoader());
    helper.addContent(engineDrl(), "src/main/resources/" + ENGINE_DRL);
    for (RegulationCatalogue.Entry entry : catalogue.entries()) {
      String path = "src/main/resources/" + RegulationCatalogue.FOLDER + entry.regulation().drl();
      helper.addContent(entry.drl(), path);
    }
    KieBase kieBase;
    try {
      kieBase = helper.build(EventProcessingOption.STREAM);
    } catch (RuntimeException e) {
      throw new RegulationCompileException("regulations do not compile: " + e.getMessage(), e);
    }
    checkRuleNames(kieBase, catalogue.regulations());
    return kieBase;
  }

  private static void checkRuleNames(KieBase kieBase, List<Regulation> regulations) {
    Set<String> withRules = new HashSet<>();
    for (KiePackage pkg : kieBase.getKiePackages()) {
      for (Rule rule : pkg.getRules()) {
        if (rule.getName().startsWith(ENGINE_RULE_PREFIX)) {
          continue;
        }
        String owner =
            regulations.stream()
                .map(Regulation::id)
                .filter(id -> rule.getName().startsWith(id + " "))
                .findFirst()
                .orElseThrow(
                    () ->
                        new RegulationCompileException(
                            "rule '"
                                + rule.getName()
                                + "' in package "
                                + pkg.getName()
                                + " does not start with a regulation id",
                            null));
        withRules.add(owner);
      }
    }
    for (Regulation r : regulations) {
      if (!withRules.contains(r.id())) {
        throw new RegulationCompileException(
            "regulation " + r.id() + " (" + r.drl() + ") has no rule named '" + r.id() + " …'",
            null);
      }
    }
  }

  private static String engineDrl() {
    try (java.io.InputStream in =
        KieBaseCompiler.class.getClassLoader().getResourceAsStream(ENGINE_DRL)) {
      if (in == null) {
        throw new IllegalStateException(ENGINE_DRL + " is missing from the class path");
      }
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The regulation set cannot be used; the message carries the compiler's findings. */
  public static final class RegulationCompileException extends RuntimeException {
    public RegulationCompileException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}

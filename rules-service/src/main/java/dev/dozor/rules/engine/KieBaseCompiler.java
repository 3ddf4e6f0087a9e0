package dev.dozor.rules.engine;

import dev.dozor.rules.regulation.Regulation;
import dev.dozor.rules.regulation.RegulationCatalogue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.kie.api.KieBase;
import org.kie.api.builder.Message;
import org.kie.api.conf.EventProcessingOption;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.internal.utils.KieHelper;

/**
 * Compiles a regulation set (plus the engine's own lifecycle rules) into one STREAM-mode KieBase,
 * and checks that every rule belongs to a regulation and every regulation has rules. Problems come
 * back with the file, line and column Drools reports, so an administrator can fix them.
 */
public final class KieBaseCompiler {
  /** The engine's own rules (the episode lifecycle), compiled with every regulation set. */
  public static final String ENGINE_DRL = "engine/episode-lifecycle.drl";

  /** Rule names of the engine's own rules start with this. */
  public static final String ENGINE_RULE_PREFIX = "EPISODE ";

  private static final String SOURCE_ROOT = "src/main/resources/";

  private KieBaseCompiler() {}

  /** A finding of the compiler; line and column are 0 when Drools gives none. */
  public record Problem(String file, int line, int column, String message) {
    @Override
    public String toString() {
      return file + ":" + line + ":" + column + ": " + message;
    }
  }

  /**
   * Compiles every regulation of the catalogue.
   *
   * @throws RegulationCompileException with the problems when a DRL does not compile, when a rule
   *     name does not start with a regulation id, or when a regulation has no rule
   */
  public static KieBase compile(RegulationCatalogue catalogue) {
    KieHelper helper = helper(catalogue);
    List<Problem> problems = new ArrayList<>();
    for (Message m : helper.verify().getMessages(Message.Level.ERROR)) {
      problems.add(new Problem(fileOf(m.getPath()), m.getLine(), m.getColumn(), m.getText()));
    }
    if (!problems.isEmpty()) {
      throw new RegulationCompileException(problems);
    }
    KieBase kieBase;
    try {
      kieBase = helper.build(EventProcessingOption.STREAM);
    } catch (RuntimeException e) {
      throw new RegulationCompileException(List.of(new Problem("", 0, 0, e.getMessage())));
    }
    checkRuleNames(kieBase, catalogue.regulations());
    return kieBase;
  }

  private static KieHelper helper(RegulationCatalogue catalogue) {
    KieHelper helper = new KieHelper().setClassLoader(KieBaseCompiler.class.getClassLoader());
    helper.addContent(engineDrl(), SOURCE_ROOT + ENGINE_DRL);
    for (RegulationCatalogue.Entry entry : catalogue.entries()) {
      String path = SOURCE_ROOT + RegulationCatalogue.FOLDER + entry.regulation().drl();
      helper.addContent(entry.drl(), path);
    }
    return helper;
  }

  private static String fileOf(String path) {
    if (path == null) {
      return "";
    }
    int slash = path.lastIndexOf('/');
    return slash < 0 ? path : path.substring(slash + 1);
  }

  private static void checkRuleNames(KieBase kieBase, List<Regulation> regulations) {
    Set<String> withRules = new HashSet<>();
    List<Problem> problems = new ArrayList<>();
    for (KiePackage pkg : kieBase.getKiePackages()) {
      for (Rule rule : pkg.getRules()) {
        if (rule.getName().startsWith(ENGINE_RULE_PREFIX)) {
          continue;
        }
        regulations.stream()
            .map(Regulation::id)
            .filter(id -> rule.getName().startsWith(id + " "))
            .findFirst()
            .ifPresentOrElse(
                withRules::add,
                () ->
                    problems.add(
                        new Problem(
                            "package " + pkg.getName(),
                            0,
                            0,
                            "rule '" + rule.getName() + "' does not start with a regulation id")));
      }
    }
    for (Regulation r : regulations) {
      if (!withRules.contains(r.id())) {
        problems.add(
            new Problem(
                r.drl(), 0, 0, "regulation " + r.id() + " has no rule named '" + r.id() + " …'"));
      }
    }
    if (!problems.isEmpty()) {
      throw new RegulationCompileException(problems);
    }
  }

  private static String engineDrl() {
    try (InputStream in = KieBaseCompiler.class.getClassLoader().getResourceAsStream(ENGINE_DRL)) {
      if (in == null) {
        throw new IllegalStateException(ENGINE_DRL + " is missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The regulation set cannot be used; {@link #problems()} says where and why. */
  public static final class RegulationCompileException extends RuntimeException {
    private final transient List<Problem> problems;

    public RegulationCompileException(List<Problem> problems) {
      super("regulations do not compile: " + problems);
      this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
      return problems;
    }
  }
}

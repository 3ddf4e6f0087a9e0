package dev.dozor.rules.engine;

import dev.dozor.rules.regulation.Regulation;
import dev.dozor.rules.regulation.RegulationCatalogue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.conf.BetaRangeIndexOption;
import org.kie.api.conf.EventProcessingOption;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieContainer;

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
   * Compiles every regulation of the catalogue, or returns the KieBase compiled before for the same
   * content (the engine DRL and each regulation's id, file and DRL text). A KieBase is immutable
   * here and shared safely by many sessions: tests, what-if replays and a re-activated version do
   * not pay the compile (1–2 s for the catalogue) again. The last {@value #CACHED} sets are kept.
   *
   * @throws RegulationCompileException with the problems when a DRL does not compile, when a rule
   *     name does not start with a regulation id, or when a regulation has no rule
   */
  public static KieBase compile(RegulationCatalogue catalogue) {
    String engineDrl = EngineDrl.TEXT;
    String key = contentKey(engineDrl, catalogue);
    synchronized (CACHE) {
      KieBase cached = CACHE.get(key);
      if (cached != null) {
        return cached;
      }
      KieBase compiled = build(engineDrl, catalogue);
      CACHE.put(key, compiled);
      return compiled;
    }
  }

  private static final int CACHED = 8;

  /** The engine DRL, read from the class path once, on first use (every compile needs it). */
  private static final class EngineDrl {
    static final String TEXT = engineDrl();
  }

  /** Compiled sets by content key, least recently used first. */
  private static final Map<String, KieBase> CACHE =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, KieBase> eldest) {
          return size() > CACHED;
        }
      };

  /** One build: KieHelper's verify() then build() would compile everything twice. */
  private static KieBase build(String engineDrl, RegulationCatalogue catalogue) {
    KieServices ks = KieServices.Factory.get();
    KieFileSystem files = ks.newKieFileSystem();
    files.write(sourcePath(ENGINE_DRL, engineDrl), engineDrl);
    for (RegulationCatalogue.Entry entry : catalogue.entries()) {
      files.write(sourcePath(entry), entry.drl());
    }
    ClassLoader loader = KieBaseCompiler.class.getClassLoader();
    KieBuilder builder = ks.newKieBuilder(files, loader).buildAll();
    List<Problem> problems = new ArrayList<>();
    for (Message m : builder.getResults().getMessages(Message.Level.ERROR)) {
      problems.add(new Problem(fileOf(m.getPath()), m.getLine(), m.getColumn(), m.getText()));
    }
    if (!problems.isEmpty()) {
      throw new RegulationCompileException(problems);
    }
    KieBase kieBase;
    try {
      KieContainer container = ks.newKieContainer(builder.getKieModule().getReleaseId(), loader);
      KieBaseConfiguration config = ks.newKieBaseConfiguration();
      config.setOption(EventProcessingOption.STREAM);
      // clock rules join the EventClock with every vehicle's deadline (`shiftEndMs <= $c.nowMs`):
      // indexed by that range, a tick visits only the facts whose time has come (≈ 6 % of the
      // engine's time at 20,000 vehicles)
      config.setOption(BetaRangeIndexOption.ENABLED);
      kieBase = container.newKieBase(config);
    } catch (RuntimeException e) {
      throw new RegulationCompileException(List.of(new Problem("", 0, 0, e.getMessage())));
    }
    checkRuleNames(kieBase, catalogue.regulations());
    return kieBase;
  }

  private static String sourcePath(RegulationCatalogue.Entry entry) {
    return sourcePath(entry.regulation().drl(), entry.drl());
  }

  /**
   * Where a DRL goes in the compiler's file system: the folder of its package (Drools warns at
   * every compile about a file whose folder and package differ), the root without one. Problems
   * name only the file ({@link #fileOf}), so the folder never shows.
   */
  static String sourcePath(String file, String drl) {
    Matcher m = PACKAGE.matcher(drl);
    String folder = m.find() ? m.group(1).replace('.', '/') + "/" : "";
    return SOURCE_ROOT + folder + fileOf(file);
  }

  private static final Pattern PACKAGE =
      Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;?\\s*$", Pattern.MULTILINE);

  private static String contentKey(String engineDrl, RegulationCatalogue catalogue) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      update(sha, engineDrl);
      for (RegulationCatalogue.Entry entry : catalogue.entries()) {
        update(sha, entry.regulation().id());
        update(sha, sourcePath(entry));
        update(sha, entry.drl());
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static void update(MessageDigest sha, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    sha.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
    sha.update(bytes);
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

package dev.dozor.rules.engine;

import dev.dozor.events.TelemetryPoint;
import dev.dozor.events.ViolationEvent;
import dev.dozor.rules.coverage.CoverageConfig;
import dev.dozor.rules.registry.RegistryState;
import dev.dozor.rules.regulation.RegulationCatalogue;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import org.jboss.logging.Logger;

/** The application's one {@link RuleEngine}, compiled at start-up. */
@Startup
@ApplicationScoped
public class RuleEngineService {
  private static final Logger LOG = Logger.getLogger(RuleEngineService.class);

  @Inject RegulationCatalogue catalogue;
  @Inject RulesConfig config;
  @Inject RegistryState registry;
  @Inject CoverageConfig coverage;

  private volatile RuleEngine engine;

  @PostConstruct
  void compile() {
    long start = System.nanoTime();
    RuleEngine compiled =
        new RuleEngine(
            catalogue, config.toSettings(), Clock.systemUTC(), registry, coverage.toSettings());
    LOG.infof(
        "compiled %d regulations (%d rules) in %d ms",
        catalogue.regulations().size(),
        compiled.ruleCount(),
        (System.nanoTime() - start) / 1_000_000);
    engine = compiled;
  }

  @PreDestroy
  void close() {
    RuleEngine current = engine;
    if (current != null) {
      current.close();
    }
  }

  /** True once the KieBase compiled. */
  public boolean isReady() {
    return engine != null;
  }

  /** See {@link RuleEngine#process}; serialised by the engine. */
  public List<ViolationEvent> process(List<TelemetryPoint> points) {
    return engine().process(points);
  }

  /** See {@link RuleEngine#processBatch}: violations and segment passes; serialised. */
  public EngineOutput processBatch(List<TelemetryPoint> points) {
    return engine().processBatch(points);
  }

  public RuleEngine engine() {
    RuleEngine current = engine;
    if (current == null) {
      throw new IllegalStateException("rule engine not compiled yet");
    }
    return current;
  }
}

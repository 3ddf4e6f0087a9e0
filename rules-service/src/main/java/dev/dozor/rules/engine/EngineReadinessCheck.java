package dev.dozor.rules.engine;

import dev.dozor.rules.registry.RegistryConsumer;
import dev.dozor.rules.version.RegulationVersionService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the regulations compiled into a KieBase. */
@Readiness
@ApplicationScoped
public class EngineReadinessCheck implements HealthCheck {

  @Inject RuleEngineService service;
  @Inject RegistryConsumer registry;
  @Inject RegulationVersionService versions;

  @Override
  public HealthCheckResponse call() {
    if (!service.isReady()) {
      return HealthCheckResponse.down("rule-engine");
    }
    if (!versions.isLoaded()) {
      return HealthCheckResponse.named("rule-engine")
          .down()
          .withData("versions", "loading the active regulation versions")
          .build();
    }
    if (!registry.isCaughtUp()) {
      // without zones, segments and assignments the place rules would raise false violations
      return HealthCheckResponse.named("rule-engine")
          .down()
          .withData("registry", "reading " + dev.dozor.events.Topics.REGISTRY)
          .build();
    }
    RuleEngine engine = service.engine();
    return HealthCheckResponse.named("rule-engine")
        .up()
        .withData("regulations", engine.catalogue().regulations().size())
        .withData("rules", engine.ruleCount())
        .withData("vehicles", engine.activeSessions())
        .withData("partitions", engine.partitions().toString())
        .withData(
            "eventTime",
            engine.watermarkMs() == Long.MIN_VALUE
                ? "none"
                : java.time.Instant.ofEpochMilli(engine.watermarkMs()).toString())
        .withData("processedPoints", engine.processedPoints())
        .withData("skippedPoints", engine.skippedPoints())
        .build();
  }
}

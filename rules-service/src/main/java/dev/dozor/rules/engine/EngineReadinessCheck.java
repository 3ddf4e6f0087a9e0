package dev.dozor.rules.engine;

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

  @Override
  public HealthCheckResponse call() {
    if (!service.isReady()) {
      return HealthCheckResponse.down("rule-engine");
    }
    RuleEngine engine = service.engine();
    return HealthCheckResponse.named("rule-engine")
        .up()
        .withData("regulations", engine.catalogue().regulations().size())
        .withData("rules", engine.ruleCount())
        .withData("vehicleSessions", engine.activeSessions())
        .withData("processedPoints", engine.processedPoints())
        .withData("skippedPoints", engine.skippedPoints())
        .build();
  }
}

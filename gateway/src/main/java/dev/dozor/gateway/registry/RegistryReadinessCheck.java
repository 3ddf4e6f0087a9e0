package dev.dozor.gateway.registry;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready means "can authenticate": the registry has been read up to its end at start-up. */
@Readiness
@ApplicationScoped
public class RegistryReadinessCheck implements HealthCheck {
  private final RegistryConsumer consumer;
  private final DeviceRegistry registry;

  public RegistryReadinessCheck(RegistryConsumer consumer, DeviceRegistry registry) {
    this.consumer = consumer;
    this.registry = registry;
  }

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("device-registry")
        .status(consumer.isCaughtUp() && consumer.isRunning())
        .withData("caughtUp", consumer.isCaughtUp())
        .withData("devices", registry.size())
        .withData("profiles", registry.profileCount())
        .build();
  }
}

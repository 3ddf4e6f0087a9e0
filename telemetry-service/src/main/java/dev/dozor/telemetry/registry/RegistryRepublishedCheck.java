package dev.dozor.telemetry.registry;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready until the start-up re-publication of the registry has finished: registry changes wait
 * for it (see {@link RegistryPublisher}), so clients that wait for readiness never wait on a write.
 */
@Readiness
@ApplicationScoped
public class RegistryRepublishedCheck implements HealthCheck {
  private final RegistryPublisher publisher;

  public RegistryRepublishedCheck(RegistryPublisher publisher) {
    this.publisher = publisher;
  }

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("registry-republished")
        .status(publisher.isRepublished())
        .build();
  }
}

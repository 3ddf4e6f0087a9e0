package dev.dozor.telemetry.registry;

import dev.dozor.telemetry.TelemetryConfig;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * At start-up, re-publishes the whole registry (see {@link RegistryService#republishAll}): the
 * compacted topic is a projection of the database, so this repairs it after a broker wipe or a
 * publication lost after a commit. Runs in the background so a slow broker does not hold the
 * start-up.
 */
@ApplicationScoped
public class RegistryRepublisher {
  private static final Logger LOG = Logger.getLogger(RegistryRepublisher.class);

  private final RegistryService registry;
  private final RegistryPublisher publisher;
  private final TelemetryConfig config;

  public RegistryRepublisher(
      RegistryService registry, RegistryPublisher publisher, TelemetryConfig config) {
    this.registry = registry;
    this.publisher = publisher;
    this.config = config;
  }

  void onStart(@Observes StartupEvent event) {
    if (!config.registry().republishOnStart()) {
      publisher.markRepublished();
      return;
    }
    VertxContextSupport.subscribe(
        () ->
            registry
                .republishAll()
                .ifNoItem()
                .after(config.registry().republishTimeout())
                .fail()
                .toMulti(),
        subscribe ->
            subscribe.with(
                count -> {
                  publisher.markRepublished();
                  LOG.infof(
                      "registry re-published: %d device profiles, %d contractors, %d okrugs, %d"
                          + " districts, %d zones, %d road segments, %d vehicles, %d devices, %d"
                          + " assignments, %d weather events",
                      count.profiles(),
                      count.contractors(),
                      count.okrugs(),
                      count.districts(),
                      count.zones(),
                      count.segments(),
                      count.vehicles(),
                      count.devices(),
                      count.assignments(),
                      count.weatherEvents());
                },
                failure -> {
                  publisher.markRepublished();
                  LOG.errorf(
                      failure,
                      "registry re-publication failed; the registry topic may be stale until"
                          + " the next start");
                }));
  }
}

package dev.dozor.simulator.city;

import dev.dozor.simulator.client.TelemetryRegistryClient;

/**
 * Registers a {@link CityPlan} with telemetry-service, in an order its references allow:
 * contractors and zones first (the vehicles refer to them), then — after the caller registered the
 * vehicles ({@link CityPlan#vehicleBody}) — assignments and weather events. Every call is a PUT, so
 * registering the same plan again changes nothing.
 */
public final class CityRegistrar {
  private final TelemetryRegistryClient client;

  public CityRegistrar(TelemetryRegistryClient client) {
    this.client = client;
  }

  /** Contractors and zones: what vehicles and assignments refer to. */
  public void registerPlaces(CityPlan plan) {
    plan.contractors().forEach(c -> client.putContractor(c.id(), c.body()));
    plan.zones().forEach(z -> client.putZone(z.id(), CityPlan.zoneBody(z)));
  }

  /** Assignments and weather events; the vehicles must be registered already. */
  public void registerShifts(CityPlan plan) {
    plan.assignments().forEach(a -> client.putAssignment(a.id(), a.body()));
    plan.weather().forEach(w -> client.putWeatherEvent(w.id(), w.body()));
  }
}

package dev.dozor.telemetry.registry;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** Vehicles, through Hibernate Reactive Panache. */
@ApplicationScoped
public class VehicleRepository implements PanacheRepositoryBase<Vehicle, String> {}

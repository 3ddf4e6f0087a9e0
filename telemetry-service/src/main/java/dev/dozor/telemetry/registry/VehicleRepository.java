package dev.dozor.telemetry.registry;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Vehicles, through Hibernate Reactive Panache. */
@ApplicationScoped
public class VehicleRepository implements PanacheRepositoryBase<Vehicle, String> {
  /** vehicles.contractor_id references contractors (V4). */
  public static final String CONTRACTOR_FK = "vehicles_contractor_id_fkey";

  /** vehicles.home_district_id references districts (V4). */
  public static final String HOME_DISTRICT_FK = "vehicles_home_district_id_fkey";

  /** vehicles.depot_zone_id references zones (V4). */
  public static final String DEPOT_ZONE_FK = "vehicles_depot_zone_id_fkey";

  /** Whether a row with this id exists in {@code table} (a constant), in the caller's session. */
  public Uni<Boolean> exists(String table, String id) {
    return getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(
                        "SELECT count(*) FROM " + table + " WHERE id = :id", Long.class)
                    .setParameter("id", id)
                    .getSingleResult())
        .map(n -> n > 0);
  }

  /** The kind of the zone, or null when there is no such zone. */
  public Uni<String> zoneKind(String zoneId) {
    return getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(
                        "SELECT kind FROM telemetry.zones WHERE id = :id", String.class)
                    .setParameter("id", zoneId)
                    .getResultList())
        .map((List<String> kinds) -> kinds.isEmpty() ? null : kinds.get(0));
  }
}

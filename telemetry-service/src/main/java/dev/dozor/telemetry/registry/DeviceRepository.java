package dev.dozor.telemetry.registry;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Devices, through Hibernate Reactive Panache. */
@ApplicationScoped
public class DeviceRepository implements PanacheRepositoryBase<Device, String> {

  /** Whether a device other than {@code exceptId} already uses this token hash. */
  public Uni<Boolean> tokenUsedByOther(String tokenSha256, String exceptId) {
    return count("tokenSha256 = ?1 and id <> ?2", tokenSha256, exceptId).map(n -> n > 0);
  }
}

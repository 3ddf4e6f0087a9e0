package dev.dozor.telemetry.registry;

import dev.dozor.events.DeviceRecord;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Devices, through Hibernate Reactive Panache. */
@ApplicationScoped
public class DeviceRepository implements PanacheRepositoryBase<Device, String> {
  /** Unique (protocol, terminal_id) where terminal_id is set (V2). */
  public static final String TERMINAL_UNIQUE = "devices_protocol_terminal_id_key";

  /** Unique token hash among HTTP JSON devices (V2). */
  public static final String HTTP_TOKEN_UNIQUE = "devices_http_token_sha256_key";

  /** devices.profile_id references device_profiles, ON DELETE RESTRICT (V2). */
  public static final String PROFILE_FK = "devices_profile_id_fkey";

  /**
   * Whether an HTTP JSON device other than {@code exceptId} already uses this token hash (Wialon
   * IPS passwords may repeat).
   */
  public Uni<Boolean> tokenUsedByOther(String tokenSha256, String exceptId) {
    return count(
            "protocol = ?1 and tokenSha256 = ?2 and id <> ?3",
            DeviceRecord.HTTP_JSON,
            tokenSha256,
            exceptId)
        .map(n -> n > 0);
  }

  /** The device other than {@code exceptId} that owns this terminal id, or null. */
  public Uni<Device> terminalOwner(String protocol, String terminalId, String exceptId) {
    return find("protocol = ?1 and terminalId = ?2 and id <> ?3", protocol, terminalId, exceptId)
        .firstResult();
  }

  /** Whether the device profile exists (in the caller's transaction). */
  public Uni<Boolean> profileExists(String profileId) {
    return getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(
                        "SELECT count(*) FROM telemetry.device_profiles WHERE id = :id", Long.class)
                    .setParameter("id", profileId)
                    .getSingleResult())
        .map(n -> n > 0);
  }
}

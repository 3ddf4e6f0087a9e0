package dev.dozor.telemetry.registry;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A tracker bound to a vehicle ({@code telemetry.devices}); only the hash of its token (HTTP JSON)
 * or password (Wialon IPS) is kept.
 */
@Entity
@Table(name = "devices")
public class Device {
  @Id public String id;

  @Column(name = "vehicle_id", nullable = false)
  public String vehicleId;

  @Column(nullable = false)
  public String protocol;

  /** Null for protocols without a secret and for Wialon IPS devices that log in with NA. */
  @Column(name = "token_sha256")
  public String tokenSha256;

  /**
   * What the device itself sends (OsmAnd id, EGTS TID/IMEI, Wialon IPS IMEI); null for HTTP JSON.
   */
  @Column(name = "terminal_id")
  public String terminalId;

  @Column(name = "profile_id")
  public String profileId;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;
}

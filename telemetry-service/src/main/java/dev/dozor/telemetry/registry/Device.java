package dev.dozor.telemetry.registry;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A tracker bound to a vehicle ({@code telemetry.devices}); only the token's hash is kept. */
@Entity
@Table(name = "devices")
public class Device {
  @Id public String id;

  @Column(name = "vehicle_id", nullable = false)
  public String vehicleId;

  @Column(nullable = false)
  public String protocol;

  @Column(name = "token_sha256", nullable = false, unique = true)
  public String tokenSha256;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;
}

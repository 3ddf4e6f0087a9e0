package dev.dozor.telemetry.registry;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A vehicle of the fleet ({@code telemetry.vehicles}). */
@Entity
@Table(name = "vehicles")
public class Vehicle {
  @Id public String id;

  @Column(nullable = false)
  public String plate;

  @Column(nullable = false)
  public String type;

  public String contractor;
  public String district;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;
}

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

  /** Free-text labels kept for older clients; the references are the *Id columns. */
  public String contractor;

  public String district;

  @Column(name = "contractor_id")
  public String contractorId;

  @Column(name = "home_district_id")
  public String homeDistrictId;

  /** A zone of kind depot. */
  @Column(name = "depot_zone_id")
  public String depotZoneId;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;
}

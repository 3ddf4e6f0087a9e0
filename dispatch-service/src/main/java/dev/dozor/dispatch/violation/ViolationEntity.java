package dev.dozor.dispatch.violation;

import dev.dozor.events.ViolationStatus;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.ColumnTransformer;

/**
 * Row of {@code dispatch.violations}. The jsonb columns are carried as JSON text: written through
 * {@code cast(cast(? as text) as jsonb)} (without the inner cast the Vert.x client encodes the
 * String as a JSON string scalar) and read as text; {@link ViolationRepository} maps them.
 */
@Entity
@Table(schema = "dispatch", name = "violations")
public class ViolationEntity extends PanacheEntityBase {
  @Id public String id;

  @Column(name = "regulation_id")
  public String regulationId;

  @Column(name = "regulation_version")
  public int regulationVersion;

  public String title;
  public String severity;

  @Column(name = "vehicle_id")
  public String vehicleId;

  @Enumerated(EnumType.STRING)
  public ViolationStatus status;

  @Column(name = "started_at")
  public Instant startedAt;

  @Column(name = "ended_at")
  public Instant endedAt;

  @Column(name = "last_event_time")
  public Instant lastEventTime;

  @ColumnTransformer(read = "cast(parameters as text)", write = "cast(cast(? as text) as jsonb)")
  public String parameters;

  @ColumnTransformer(read = "cast(measurements as text)", write = "cast(cast(? as text) as jsonb)")
  public String measurements;

  @ColumnTransformer(read = "cast(evidence as text)", write = "cast(cast(? as text) as jsonb)")
  public String evidence;

  @Column(name = "acknowledged_by")
  public String acknowledgedBy;

  @Column(name = "acknowledged_at")
  public Instant acknowledgedAt;

  @Column(name = "ack_comment")
  public String ackComment;

  @Column(name = "created_at")
  public Instant createdAt;

  @Column(name = "updated_at")
  public Instant updatedAt;
}

package dev.dozor.rules.engine;

import dev.dozor.events.EvidencePoint;
import dev.dozor.events.TelemetryPoint;
import java.time.Instant;
import org.kie.api.definition.type.Role;
import org.kie.api.definition.type.Timestamp;

/**
 * The fact a rule sees for one fix: an event stamped with its fix time. The engine inserts it,
 * fires the rules and deletes it again, so a session holds at most the current point.
 */
@Role(Role.Type.EVENT)
@Timestamp("fixTimeMs")
public final class VehiclePoint {
  private final TelemetryPoint point;

  public VehiclePoint(TelemetryPoint point) {
    this.point = point;
  }

  public TelemetryPoint getPoint() {
    return point;
  }

  public String getVehicleId() {
    return point.vehicleId();
  }

  public Instant getFixTime() {
    return point.fixTime();
  }

  public long getFixTimeMs() {
    return point.fixTime().toEpochMilli();
  }

  public double getLat() {
    return point.lat();
  }

  public double getLon() {
    return point.lon();
  }

  public double getSpeedKmh() {
    return point.speedKmh();
  }

  /** Plough blade down; false when up or not reported. */
  public boolean isPloughDown() {
    return point.equipment().isPloughDown();
  }

  public boolean isBrushOn() {
    return point.equipment().isBrushOn();
  }

  public boolean isSpreaderOn() {
    return point.equipment().isSpreaderOn();
  }

  public EvidencePoint toEvidence() {
    return EvidencePoint.of(point);
  }

  @Override
  public String toString() {
    return "VehiclePoint[" + point.vehicleId() + " " + point.fixTime() + "]";
  }
}

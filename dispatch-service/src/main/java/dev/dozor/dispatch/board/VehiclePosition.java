package dev.dozor.dispatch.board;

import dev.dozor.events.Equipment;
import dev.dozor.events.TelemetryPoint;
import java.time.Instant;
import java.util.List;

/**
 * The last known position of a vehicle on the board.
 *
 * @param mode what the vehicle is doing: {@code plough}, {@code brush}, {@code spreader} (an
 *     implement is working) or {@code transport}
 * @param trail recent positions, oldest first, ending with this one
 */
public record VehiclePosition(
    String vehicleId,
    String deviceId,
    Instant fixTime,
    double lat,
    double lon,
    double speedKmh,
    Double headingDeg,
    Equipment equipment,
    String mode,
    List<TrailPoint> trail) {

  public static final String TRANSPORT = "transport";

  static VehiclePosition of(TelemetryPoint p, List<TrailPoint> trail) {
    return new VehiclePosition(
        p.vehicleId(),
        p.deviceId(),
        p.fixTime(),
        p.lat(),
        p.lon(),
        p.speedKmh(),
        p.headingDeg(),
        p.equipment(),
        mode(p.equipment()),
        List.copyOf(trail));
  }

  /** The working implement, the plough first since it matters most for road safety. */
  static String mode(Equipment e) {
    if (e.isPloughDown()) {
      return "plough";
    }
    if (e.isBrushOn()) {
      return "brush";
    }
    if (e.isSpreaderOn()) {
      return "spreader";
    }
    return TRANSPORT;
  }
}

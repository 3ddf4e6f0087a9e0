package dev.dozor.simulator.fleet;

import dev.dozor.events.VehicleRecord;

/**
 * A simulated vehicle and its on-board unit.
 *
 * @param id vehicle id, {@code sim-<type>-NN}
 * @param deviceId id of its tracker, {@code dev-<vehicleId>}
 * @param plate Russian registration plate, e.g. {@code А123ВС77}
 * @param type plough or sweeper
 * @param contractor organisation that operates it
 * @param district district it is assigned to
 * @param offender true when it deliberately ploughs too fast (SPD-001)
 */
public record SimVehicle(
    String id,
    String deviceId,
    String plate,
    VehicleType type,
    String contractor,
    String district,
    boolean offender) {

  /** The device id the simulator registers for a vehicle. */
  public static String deviceIdFor(String vehicleId) {
    return "dev-" + vehicleId;
  }

  /** The registry form of this vehicle. */
  public VehicleRecord toVehicleRecord() {
    return VehicleRecord.of(id, plate, type.wireName(), contractor, district);
  }
}

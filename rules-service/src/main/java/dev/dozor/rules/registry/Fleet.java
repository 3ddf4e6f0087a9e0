package dev.dozor.rules.registry;

import dev.dozor.events.VehicleRecord;
import dev.dozor.rules.engine.AssignmentFact;
import java.util.List;

/** What the rules may ask the fleet registry about a vehicle. */
public interface Fleet {

  /** A registry that knows no vehicle. */
  Fleet EMPTY =
      new Fleet() {
        @Override
        public VehicleRecord vehicle(String vehicleId) {
          return null;
        }

        @Override
        public AssignmentFact activeAssignment(String vehicleId, long epochMs) {
          return null;
        }
      };

  /**
   * The vehicle's registry record, or null when the vehicle is not registered; a caller may keep it
   * while {@link #vehiclesVersion()} stays the same.
   */
  VehicleRecord vehicle(String vehicleId);

  /** Raised on every change of a vehicle record (read it before {@link #vehicle}). */
  default long vehiclesVersion() {
    return 0;
  }

  /** The vehicle's type, or null when the vehicle is not registered. */
  default String vehicleType(String vehicleId) {
    VehicleRecord v = vehicle(vehicleId);
    return v == null ? null : v.type();
  }

  default String contractorId(String vehicleId) {
    VehicleRecord v = vehicle(vehicleId);
    return v == null ? null : v.contractorId();
  }

  default String homeDistrictId(String vehicleId) {
    VehicleRecord v = vehicle(vehicleId);
    return v == null ? null : v.homeDistrictId();
  }

  default String depotZoneId(String vehicleId) {
    VehicleRecord v = vehicle(vehicleId);
    return v == null ? null : v.depotZoneId();
  }

  /** The vehicle's assignment whose shift contains the time, or null. */
  AssignmentFact activeAssignment(String vehicleId, long epochMs);

  /**
   * The vehicle's assignments by shift start (the first whose shift contains a time is its active
   * one), as an immutable list a caller may keep while {@link #plansVersion()} stays the same.
   */
  default List<AssignmentFact> assignmentsOf(String vehicleId) {
    return List.of();
  }

  /** Raised on every change of the assignments (read it before {@link #assignmentsOf}). */
  default long plansVersion() {
    return 0;
  }
}

package dev.dozor.rules.engine;

/**
 * Inserted when a vehicle's state is about to be dropped (the vehicle went silent): rules close
 * what is still open for it, since no later fix will ever do it.
 *
 * @param vehicleId the vehicle
 * @param lastFixTimeMs fix time of the vehicle's last processed point
 */
public record EndOfData(String vehicleId, long lastFixTimeMs) {
  public String getVehicleId() {
    return vehicleId;
  }

  public long getLastFixTimeMs() {
    return lastFixTimeMs;
  }
}

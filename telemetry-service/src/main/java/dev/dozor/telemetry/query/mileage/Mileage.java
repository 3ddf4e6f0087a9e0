package dev.dozor.telemetry.query.mileage;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The answer of {@code GET /api/v1/mileage}; distances in km rounded to the metre. */
public record Mileage(Instant from, Instant to, double maxSpeedKmh, List<VehicleMileage> vehicles) {

  /**
   * @param equipmentOnKm distance with plough, brush or spreader on
   * @param byEquipment distance per working channel (a step with two channels on counts in both)
   * @param odometerDeltaKm last − first device odometer in the interval; null when not reported
   * @param discardedSteps steps left out because they implied more than maxSpeedKmh
   */
  public record VehicleMileage(
      String vehicleId,
      String plate,
      int points,
      double totalKm,
      double equipmentOnKm,
      double equipmentOffKm,
      Map<String, Double> byEquipment,
      @JsonInclude(JsonInclude.Include.ALWAYS) Double odometerDeltaKm,
      int discardedSteps) {}
}

package dev.dozor.telemetry.query.mileage;

import dev.dozor.telemetry.common.ApiException;
import dev.dozor.telemetry.query.EquipmentBits;
import dev.dozor.telemetry.query.QueryConfig;
import dev.dozor.telemetry.query.QueryParams;
import dev.dozor.telemetry.track.TrackInterval;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Mileage per vehicle, split into equipment on and off. Computed in Java with the haversine formula
 * rather than in SQL: the jump filter needs the last accepted fix, which a window function cannot
 * carry; the rows stream through without being stored.
 */
@ApplicationScoped
public class MileageService {
  private final MileageRepository repository;
  private final QueryConfig.Mileage config;

  public MileageService(MileageRepository repository, QueryConfig queries) {
    this.repository = repository;
    this.config = queries.mileage();
  }

  /**
   * @param vehicles vehicle ids (repeated or comma-separated); none = every vehicle with fixes
   * @throws ApiException 400 for a bad interval, 404 when a named vehicle is not registered
   */
  public Uni<Mileage> mileage(String from, String to, List<String> vehicles) {
    TrackInterval interval = TrackInterval.parse(from, to, config.maxInterval());
    List<String> ids = QueryParams.ids(vehicles);
    double maxSpeed = config.maxSpeedKmh();
    return repository
        .plates(ids)
        .chain(
            plates -> {
              for (String id : ids) {
                if (!plates.containsKey(id)) {
                  throw ApiException.notFound("vehicle '" + id + "' is not registered");
                }
              }
              return repository
                  .mileage(interval.from(), interval.to(), ids, maxSpeed)
                  .map(acc -> answer(interval, ids, plates, acc, maxSpeed));
            });
  }

  private static Mileage answer(
      TrackInterval interval,
      List<String> ids,
      Map<String, String> plates,
      Map<String, MileageAccumulator> byVehicle,
      double maxSpeed) {
    // named vehicles always appear (0 km without fixes); otherwise those with fixes, by id
    var order = ids.isEmpty() ? new TreeSet<>(byVehicle.keySet()) : ids;
    List<Mileage.VehicleMileage> vehicles = new ArrayList<>();
    for (String id : order) {
      MileageAccumulator acc = byVehicle.getOrDefault(id, new MileageAccumulator(maxSpeed));
      Map<String, Double> byEquipment = new LinkedHashMap<>();
      for (int i = 0; i < EquipmentBits.WORKING.size(); i++) {
        byEquipment.put(EquipmentBits.WORKING.get(i), km(acc.workingM(i)));
      }
      Double odometer = acc.odometerDeltaKm();
      vehicles.add(
          new Mileage.VehicleMileage(
              id,
              plates.get(id),
              acc.points(),
              km(acc.totalM()),
              km(acc.equipmentOnM()),
              (Math.round(acc.totalM()) - Math.round(acc.equipmentOnM())) / 1000.0,
              byEquipment,
              odometer == null ? null : Math.round(odometer * 1000) / 1000.0,
              acc.discardedSteps()));
    }
    return new Mileage(interval.from(), interval.to(), maxSpeed, vehicles);
  }

  private static double km(double metres) {
    return Math.round(metres) / 1000.0;
  }
}

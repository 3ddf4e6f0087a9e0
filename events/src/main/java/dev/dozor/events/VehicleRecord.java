package dev.dozor.events;

/**
 * A vehicle in the registry ({@link Topics#REGISTRY}, key {@link RegistryKeys#vehicle}).
 *
 * @param type {@code plough}, {@code sweeper}, {@code spreader}, {@code flusher}, {@code refuse},
 *     {@code loader}
 */
public record VehicleRecord(
    int schemaVersion, String id, String plate, String type, String contractor, String district) {

  public static VehicleRecord of(
      String id, String plate, String type, String contractor, String district) {
    return new VehicleRecord(SchemaVersions.VEHICLE, id, plate, type, contractor, district);
  }
}

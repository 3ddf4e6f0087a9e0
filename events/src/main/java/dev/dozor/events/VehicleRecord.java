package dev.dozor.events;

/**
 * A vehicle in the registry ({@link Topics#REGISTRY}, key {@link RegistryKeys#vehicle}).
 *
 * @param type {@code plough}, {@code sweeper}, {@code spreader}, {@code flusher}, {@code refuse},
 *     {@code loader}
 * @param contractor the operator's name as a label (free text, kept for older clients)
 * @param district the home district's name as a label (free text, kept for older clients)
 * @param contractorId the registered contractor ({@link ContractorRecord}), or null
 * @param homeDistrictId the registered home district ({@link DistrictRecord}, OKTMO), or null
 * @param depotZoneId the depot ({@link ZoneRecord} of kind {@code depot}), or null
 */
public record VehicleRecord(
    int schemaVersion,
    String id,
    String plate,
    String type,
    String contractor,
    String district,
    String contractorId,
    String homeDistrictId,
    String depotZoneId)
    implements Versioned {

  public static VehicleRecord of(
      String id, String plate, String type, String contractor, String district) {
    return new VehicleRecord(
        SchemaVersions.VEHICLE, id, plate, type, contractor, district, null, null, null);
  }
}

package dev.dozor.events;

/** Kafka topic names and partition counts: the one place they are defined. */
public final class Topics {
  /** Device fixes, keyed by vehicle id. Value: {@link TelemetryPoint}. */
  public static final String TELEMETRY = "dozor.telemetry.v1";

  /** Partitions of {@link #TELEMETRY}: the unit of parallelism of every consumer. */
  public static final int TELEMETRY_PARTITIONS = 12;

  /**
   * Fleet registry, compacted, keyed by {@link RegistryKeys}. Values: {@link VehicleRecord}, {@link
   * DeviceRecord}, {@link DeviceProfileRecord}, {@link ContractorRecord}, {@link OkrugRecord},
   * {@link DistrictRecord}, {@link ZoneRecord}, {@link RoadSegmentRecord}, {@link
   * AssignmentRecord}, {@link WeatherEventRecord}; a null value (tombstone) deletes the entity.
   */
  public static final String REGISTRY = "dozor.registry.v1";

  public static final int REGISTRY_PARTITIONS = 3;

  /** Violation episodes, keyed by vehicle id. Value: {@link ViolationEvent}. */
  public static final String VIOLATIONS = "dozor.violations.v1";

  public static final int VIOLATIONS_PARTITIONS = 6;

  /** Segment passes, keyed by segment id. Value: {@link SegmentPass}. */
  public static final String COVERAGE = "dozor.coverage.v1";

  public static final int COVERAGE_PARTITIONS = 6;

  private Topics() {}

  /** Dead-letter topic of a source topic: the poison record with error headers. */
  public static String deadLetter(String topic) {
    return topic + ".dlq";
  }
}

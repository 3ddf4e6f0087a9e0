package dev.dozor.events;

import java.util.Map;

/** Current schema version of every message; consumers refuse versions newer than they know. */
public final class SchemaVersions {
  public static final int TELEMETRY_POINT = 1;
  public static final int VIOLATION_EVENT = 1;
  public static final int VEHICLE = 1;
  public static final int DEVICE = 1;
  public static final int DEVICE_PROFILE = 1;
  public static final int CONTRACTOR = 1;
  public static final int OKRUG = 1;
  public static final int DISTRICT = 1;
  public static final int ZONE = 1;
  public static final int ROAD_SEGMENT = 1;
  public static final int ASSIGNMENT = 1;
  public static final int WEATHER_EVENT = 1;
  public static final int SEGMENT_PASS = 1;

  private static final Map<Class<?>, Integer> CURRENT =
      Map.ofEntries(
          Map.entry(TelemetryPoint.class, TELEMETRY_POINT),
          Map.entry(ViolationEvent.class, VIOLATION_EVENT),
          Map.entry(VehicleRecord.class, VEHICLE),
          Map.entry(DeviceRecord.class, DEVICE),
          Map.entry(DeviceProfileRecord.class, DEVICE_PROFILE),
          Map.entry(ContractorRecord.class, CONTRACTOR),
          Map.entry(OkrugRecord.class, OKRUG),
          Map.entry(DistrictRecord.class, DISTRICT),
          Map.entry(ZoneRecord.class, ZONE),
          Map.entry(RoadSegmentRecord.class, ROAD_SEGMENT),
          Map.entry(AssignmentRecord.class, ASSIGNMENT),
          Map.entry(WeatherEventRecord.class, WEATHER_EVENT),
          Map.entry(SegmentPass.class, SEGMENT_PASS));

  private SchemaVersions() {}

  /** The newest version this build knows for a message type; 0 for a type without versions. */
  public static int current(Class<?> type) {
    return CURRENT.getOrDefault(type, 0);
  }
}

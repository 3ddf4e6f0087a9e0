package dev.dozor.events;

/** Current schema version of every message; consumers refuse versions newer than they know. */
public final class SchemaVersions {
  public static final int TELEMETRY_POINT = 1;
  public static final int VIOLATION_EVENT = 1;
  public static final int VEHICLE = 1;
  public static final int DEVICE = 1;
  public static final int DEVICE_PROFILE = 1;

  private SchemaVersions() {}
}

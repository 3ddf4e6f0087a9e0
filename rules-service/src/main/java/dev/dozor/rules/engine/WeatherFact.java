package dev.dozor.rules.engine;

import dev.dozor.events.WeatherEventRecord;

/**
 * A weather event in a district ({@link WeatherEventRecord}), inserted into every partition
 * session; the deadline regulations start their clocks from it.
 */
public final class WeatherFact implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  private final WeatherEventRecord record;

  public WeatherFact(WeatherEventRecord record) {
    this.record = record;
  }

  public WeatherEventRecord getRecord() {
    return record;
  }

  public String getId() {
    return record.id();
  }

  public String getDistrictId() {
    return record.districtId();
  }

  /** {@link WeatherEventRecord#SNOWFALL_STARTED} or {@link WeatherEventRecord#SNOWFALL_ENDED}. */
  public String getKind() {
    return record.kind();
  }

  public boolean isSnowfallStarted() {
    return WeatherEventRecord.SNOWFALL_STARTED.equals(record.kind());
  }

  public boolean isSnowfallEnded() {
    return WeatherEventRecord.SNOWFALL_ENDED.equals(record.kind());
  }

  public long getAtMs() {
    return record.at().toEpochMilli();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WeatherFact other && other.record.equals(record);
  }

  @Override
  public int hashCode() {
    return record.hashCode();
  }

  @Override
  public String toString() {
    return "WeatherFact[" + record.kind() + " " + record.districtId() + " " + record.at() + "]";
  }
}

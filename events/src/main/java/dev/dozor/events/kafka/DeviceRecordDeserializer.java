package dev.dozor.events.kafka;

import dev.dozor.events.DeviceRecord;

/** Deserializer for {@link DeviceRecord} values. */
public class DeviceRecordDeserializer extends JsonDeserializer<DeviceRecord> {
  public DeviceRecordDeserializer() {
    super(DeviceRecord.class);
  }
}

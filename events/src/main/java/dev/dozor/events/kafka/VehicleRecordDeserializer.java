package dev.dozor.events.kafka;

import dev.dozor.events.VehicleRecord;

/** Deserializer for {@link VehicleRecord} values. */
public class VehicleRecordDeserializer extends JsonDeserializer<VehicleRecord> {
  public VehicleRecordDeserializer() {
    super(VehicleRecord.class);
  }
}

package dev.dozor.events.kafka;

import dev.dozor.events.TelemetryPoint;

/** Deserializer for {@link TelemetryPoint} values. */
public class TelemetryPointDeserializer extends JsonDeserializer<TelemetryPoint> {
  public TelemetryPointDeserializer() {
    super(TelemetryPoint.class);
  }
}

package dev.dozor.events.kafka;

import dev.dozor.events.ViolationEvent;

/** Deserializer for {@link ViolationEvent} values. */
public class ViolationEventDeserializer extends JsonDeserializer<ViolationEvent> {
  public ViolationEventDeserializer() {
    super(ViolationEvent.class);
  }
}

package dev.dozor.events.kafka;

import dev.dozor.events.SegmentPass;

/** Deserializer for {@link SegmentPass} values. */
public class SegmentPassDeserializer extends JsonDeserializer<SegmentPass> {
  public SegmentPassDeserializer() {
    super(SegmentPass.class);
  }
}

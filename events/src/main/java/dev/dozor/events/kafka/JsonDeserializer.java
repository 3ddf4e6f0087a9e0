package dev.dozor.events.kafka;

import dev.dozor.events.JsonSerde;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka value deserializer bound to one message type; null stays null (tombstones). Throws {@link
 * JsonSerde.MalformedMessageException} for a poison record so the consumer can dead-letter it.
 */
public abstract class JsonDeserializer<T> implements Deserializer<T> {
  private final Class<T> type;

  protected JsonDeserializer(Class<T> type) {
    this.type = type;
  }

  @Override
  public T deserialize(String topic, byte[] data) {
    return data == null ? null : JsonSerde.fromBytes(data, type);
  }
}

package dev.dozor.events.kafka;

import dev.dozor.events.JsonSerde;
import org.apache.kafka.common.serialization.Serializer;

/** Kafka value serializer for every Dozor message; null stays null (tombstones). */
public class JsonSerializer<T> implements Serializer<T> {
  @Override
  public byte[] serialize(String topic, T data) {
    return data == null ? null : JsonSerde.toBytes(data);
  }
}

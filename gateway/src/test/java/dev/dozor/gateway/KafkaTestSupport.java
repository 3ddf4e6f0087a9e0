package dev.dozor.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dozor.events.JsonSerde;
import dev.dozor.events.TelemetryPoint;
import dev.dozor.events.Topics;
import dev.dozor.events.kafka.JsonSerializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/** Registry records in, telemetry points out: the real broker of the test run. */
public final class KafkaTestSupport {
  private static final Duration DEADLINE = Duration.ofSeconds(60);

  private KafkaTestSupport() {}

  public static String bootstrap() {
    return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
  }

  /** Publishes a registry record (null = tombstone) and waits for the broker's acknowledgement. */
  public static void publishRegistry(String key, Object value) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<String, Object> producer =
        new KafkaProducer<>(p, new StringSerializer(), new JsonSerializer<>())) {
      producer.send(new ProducerRecord<>(Topics.REGISTRY, key, value)).get();
    } catch (Exception e) {
      throw new IllegalStateException("cannot publish registry record " + key, e);
    }
  }

  private static KafkaConsumer<String, byte[]> telemetryConsumer() {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    return new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
  }

  private static List<TopicPartition> telemetryPartitions() {
    return IntStream.range(0, Topics.TELEMETRY_PARTITIONS)
        .mapToObj(i -> new TopicPartition(Topics.TELEMETRY, i))
        .toList();
  }

  public static Map<TopicPartition, Long> telemetryEndOffsets() {
    try (KafkaConsumer<String, byte[]> c = telemetryConsumer()) {
      return c.endOffsets(telemetryPartitions());
    }
  }

  /** Exactly {@code count} points of {@code vehicleId} published after {@code from}. */
  public static List<TelemetryPoint> awaitPoints(
      String vehicleId, Map<TopicPartition, Long> from, int count) {
    List<TelemetryPoint> own = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> c = telemetryConsumer()) {
      c.assign(telemetryPartitions());
      from.forEach(c::seek);
      long deadline = System.nanoTime() + DEADLINE.toNanos();
      while (own.size() < count && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(500))) {
          if (vehicleId.equals(r.key())) {
            own.add(JsonSerde.fromBytes(r.value(), TelemetryPoint.class));
          }
        }
      }
      // a short extra poll so that unexpected extra points show up
      for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(300))) {
        if (vehicleId.equals(r.key())) {
          own.add(JsonSerde.fromBytes(r.value(), TelemetryPoint.class));
        }
      }
    }
    assertEquals(count, own.size(), "points of vehicle " + vehicleId + " on the topic: " + own);
    return own;
  }
}

package dev.dozor.telemetry;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/** Plain Kafka clients against the broker the service uses (no mocks). */
public final class TestKafka {
  private TestKafka() {}

  public static String bootstrap() {
    return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
  }

  /** Sends the records (key, value bytes) and waits for the broker's acknowledgement. */
  public static void send(String topic, List<Map.Entry<String, byte[]>> records) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
    try (var producer =
        new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
      var futures = new ArrayList<java.util.concurrent.Future<?>>();
      for (var r : records) {
        futures.add(producer.send(new ProducerRecord<>(topic, r.getKey(), r.getValue())));
      }
      producer.flush();
      for (var f : futures) {
        f.get();
      }
    } catch (Exception e) {
      throw new IllegalStateException("producing to " + topic + " failed", e);
    }
  }

  /**
   * Reads the topic from the beginning with a fresh group until {@code done} holds for the records
   * matching {@code filter} seen so far, or the deadline passes; returns those records.
   */
  public static List<ConsumerRecord<String, byte[]>> readUntil(
      String topic,
      Predicate<ConsumerRecord<String, byte[]>> filter,
      Predicate<List<ConsumerRecord<String, byte[]>>> done,
      Duration deadline) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "telemetry-test-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    List<ConsumerRecord<String, byte[]>> matched = new ArrayList<>();
    Instant end = Instant.now().plus(deadline);
    try (var consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      while (Instant.now().isBefore(end)) {
        for (var record : consumer.poll(Duration.ofMillis(500))) {
          if (filter.test(record)) {
            matched.add(record);
          }
        }
        if (done.test(matched)) {
          break;
        }
      }
    }
    return matched;
  }

  /** The current end offset of every partition of the topic (read from there to see only new). */
  public static Map<TopicPartition, Long> endOffsets(String topic) {
    try (var consumer = plainConsumer()) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      return consumer.endOffsets(partitions);
    }
  }

  /**
   * Reads from the given offsets (no consumer group) until {@code done} holds for the records
   * matching {@code filter} seen so far, or the deadline passes; returns those records in log order
   * per partition.
   */
  public static List<ConsumerRecord<String, byte[]>> readFrom(
      Map<TopicPartition, Long> start,
      Predicate<ConsumerRecord<String, byte[]>> filter,
      Predicate<List<ConsumerRecord<String, byte[]>>> done,
      Duration deadline) {
    List<ConsumerRecord<String, byte[]>> matched = new ArrayList<>();
    Instant end = Instant.now().plus(deadline);
    try (var consumer = plainConsumer()) {
      consumer.assign(start.keySet());
      start.forEach(consumer::seek);
      while (Instant.now().isBefore(end)) {
        for (var record : consumer.poll(Duration.ofMillis(300))) {
          if (filter.test(record)) {
            matched.add(record);
          }
        }
        if (done.test(matched)) {
          break;
        }
      }
    }
    return matched;
  }

  private static KafkaConsumer<String, byte[]> plainConsumer() {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
  }
}

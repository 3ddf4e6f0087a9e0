package dev.dozor.dispatch;

import dev.dozor.events.kafka.JsonSerializer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
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

/** Talks to the real broker the service under test consumes from. */
public final class TestKafka {
  private static KafkaProducer<String, Object> producer;
  private static KafkaProducer<String, byte[]> rawProducer;

  private TestKafka() {}

  /** Sends a contract message and waits for the broker's acknowledgement. */
  public static void send(String topic, String key, Object value) {
    try {
      producer().send(new ProducerRecord<>(topic, key, value)).get();
    } catch (Exception e) {
      throw new IllegalStateException("cannot produce to " + topic, e);
    }
  }

  /** Sends arbitrary bytes (a poison record) and waits for the acknowledgement. */
  public static void sendRaw(String topic, String key, byte[] value) {
    try {
      rawProducer().send(new ProducerRecord<>(topic, key, value)).get();
    } catch (Exception e) {
      throw new IllegalStateException("cannot produce to " + topic, e);
    }
  }

  /** A consumer positioned at the current end of every partition of {@code topic}. */
  public static KafkaConsumer<String, byte[]> tail(String topic) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "dispatch-test-" + UUID.randomUUID());
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p);
    List<TopicPartition> partitions =
        consumer.partitionsFor(topic).stream()
            .map(i -> new TopicPartition(topic, i.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position); // resolve the end offsets now, before producing
    return consumer;
  }

  /** The first record with {@code key} that arrives before the deadline, or null. */
  public static ConsumerRecord<String, byte[]> awaitKey(
      KafkaConsumer<String, byte[]> consumer, String key, Duration deadline) {
    Instant end = Instant.now().plus(deadline);
    while (Instant.now().isBefore(end)) {
      for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
        if (key.equals(r.key())) {
          return r;
        }
      }
    }
    return null;
  }

  private static String bootstrap() {
    return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
  }

  private static Properties producerProperties(String valueSerializer) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, valueSerializer);
    return p;
  }

  private static synchronized KafkaProducer<String, Object> producer() {
    if (producer == null) {
      producer = new KafkaProducer<>(producerProperties(JsonSerializer.class.getName()));
    }
    return producer;
  }

  private static synchronized KafkaProducer<String, byte[]> rawProducer() {
    if (rawProducer == null) {
      rawProducer = new KafkaProducer<>(producerProperties(ByteArraySerializer.class.getName()));
    }
    return rawProducer;
  }
}

package dev.dozor.rules.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dozor.events.Equipment;
import dev.dozor.events.TelemetryPoint;
import dev.dozor.events.Topics;
import dev.dozor.events.ViolationEvent;
import dev.dozor.events.ViolationStatus;
import dev.dozor.events.kafka.JsonSerializer;
import dev.dozor.events.kafka.ViolationEventDeserializer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Telemetry on the real broker in, violations on the real broker out. */
@QuarkusTest
@QuarkusTestResource(FreshConsumerGroupResource.class)
class TelemetryToViolationsTest {
  private static final Duration DEADLINE = Duration.ofSeconds(60);

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  @Test
  void fastPloughingOnTheTelemetryTopicOpensAndClosesAViolation() throws Exception {
    String vehicle = UUID.randomUUID().toString();
    Instant start = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
    List<TelemetryPoint> points = new ArrayList<>();
    for (int s = 0; s <= 95; s += 5) {
      boolean ploughDown = s <= 90;
      points.add(
          TelemetryPoint.of(
              vehicle,
              "dev-" + vehicle,
              start.plusSeconds(s),
              Instant.now(),
              55.75 + s * 0.0001,
              37.62,
              55.0,
              0.0,
              Equipment.plough(ploughDown)));
    }

    try (KafkaConsumer<String, ViolationEvent> consumer =
        consumerAtEnd(Topics.VIOLATIONS, new ViolationEventDeserializer())) {
      try (KafkaProducer<String, TelemetryPoint> producer =
          new KafkaProducer<>(producerProps(), new StringSerializer(), new JsonSerializer<>())) {
        for (TelemetryPoint p : points) {
          producer.send(new ProducerRecord<>(Topics.TELEMETRY, vehicle, p)).get();
        }
      }

      List<ViolationEvent> mine =
          pollUntil(
                  consumer,
                  r -> vehicle.equals(r.key()),
                  found ->
                      found.stream().anyMatch(r -> r.value().status() == ViolationStatus.CLOSED))
              .stream()
              .map(ConsumerRecord::value)
              .toList();

      ViolationEvent opened = only(mine, ViolationStatus.OPENED);
      ViolationEvent closed = only(mine, ViolationStatus.CLOSED);
      String id = ViolationEvent.episodeId("SPD-001", vehicle, start);
      assertEquals(id, opened.violationId());
      assertEquals(id, closed.violationId());
      assertEquals(start, opened.startedAt());
      assertEquals(start.plusSeconds(90), closed.endedAt());
      assertEquals(45.0, opened.parameters().get("speedLimitKmh"));
      assertEquals(55.0, closed.measurements().get("maxSpeedKmh"));
    }
  }

  @Test
  void anUnreadableTelemetryRecordGoesToTheDeadLetterTopic() throws Exception {
    String key = "poison-" + UUID.randomUUID();
    try (KafkaConsumer<String, byte[]> dlq =
        consumerAtEnd(Topics.deadLetter(Topics.TELEMETRY), new ByteArrayDeserializer())) {
      try (KafkaProducer<String, byte[]> producer =
          new KafkaProducer<>(producerProps(), new StringSerializer(), new ByteArraySerializer())) {
        producer
            .send(
                new ProducerRecord<>(
                    Topics.TELEMETRY, key, "{not json".getBytes(StandardCharsets.UTF_8)))
            .get();
      }

      ConsumerRecord<String, byte[]> dead =
          pollUntil(dlq, r -> key.equals(r.key()), found -> !found.isEmpty()).get(0);

      assertNotNull(dead.headers().lastHeader("dead-letter-reason"));
      String reason =
          new String(
              dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
      assertTrue(reason.contains(key), "reason names the record: " + reason);
    }
  }

  private static ViolationEvent only(List<ViolationEvent> events, ViolationStatus status) {
    List<ViolationEvent> matching = events.stream().filter(e -> e.status() == status).toList();
    assertEquals(1, matching.size(), "exactly one " + status + " in " + events);
    return matching.get(0);
  }

  private Properties producerProps() {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    return props;
  }

  /** A group-less consumer on every partition of a topic, positioned at the current end. */
  private <V> KafkaConsumer<String, V> consumerAtEnd(String topic, Deserializer<V> values) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    KafkaConsumer<String, V> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), values);
    List<TopicPartition> partitions =
        consumer.partitionsFor(topic).stream()
            .map(p -> new TopicPartition(topic, p.partition()))
            .toList();
    consumer.assign(partitions);
    Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
    ends.forEach(consumer::seek);
    return consumer;
  }

  private static <V> List<ConsumerRecord<String, V>> pollUntil(
      KafkaConsumer<String, V> consumer,
      Predicate<ConsumerRecord<String, V>> mine,
      Predicate<List<ConsumerRecord<String, V>>> done) {
    List<ConsumerRecord<String, V>> found = new ArrayList<>();
    Instant deadline = Instant.now().plus(DEADLINE);
    while (!done.test(found)) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("not found within " + DEADLINE + "; got " + found);
      }
      for (ConsumerRecord<String, V> r : consumer.poll(Duration.ofMillis(500))) {
        if (mine.test(r)) {
          found.add(r);
        }
      }
    }
    return found;
  }
}

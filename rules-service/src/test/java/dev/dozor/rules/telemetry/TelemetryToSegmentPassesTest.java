package dev.dozor.rules.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dozor.events.Equipment;
import dev.dozor.events.JsonSerde;
import dev.dozor.events.RegistryKeys;
import dev.dozor.events.RoadSegmentRecord;
import dev.dozor.events.SegmentPass;
import dev.dozor.events.TelemetryPoint;
import dev.dozor.events.Topics;
import dev.dozor.events.kafka.SegmentPassDeserializer;
import dev.dozor.rules.registry.RegistryState;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A road segment on the registry topic and a plough driving it on the telemetry topic: the segment
 * pass rules-service matched appears on {@code dozor.coverage.v1}, keyed by the segment.
 */
@QuarkusTest
@QuarkusTestResource(FreshConsumerGroupResource.class)
class TelemetryToSegmentPassesTest {
  private static final Duration DEADLINE = Duration.ofSeconds(60);
  private static final double METRES_PER_DEGREE = 111_195.08;

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  @Inject RegistryState registry;

  @Test
  void aPloughDrivingARegisteredSegmentYieldsAPassOnTheCoverageTopic() throws Exception {
    String u = UUID.randomUUID().toString();
    String vehicle = "veh-" + u;
    String segment = "way" + u.substring(0, 8) + "-0";
    // a 300 m segment due north at a latitude of its own, so no other test's road is near
    double lat0 = 56 + (u.hashCode() & 0xffff) / 100_000.0;
    double lon = 38.5;
    double lat1 = lat0 + 300 / METRES_PER_DEGREE;
    try (KafkaConsumer<String, SegmentPass> coverage = consumerAtEnd()) {
      try (KafkaProducer<String, byte[]> producer = producer()) {
        producer
            .send(
                new ProducerRecord<>(
                    Topics.REGISTRY,
                    RegistryKeys.segment(segment),
                    JsonSerde.toBytes(
                        RoadSegmentRecord.of(
                            segment,
                            "way",
                            "Снежная улица",
                            "residential",
                            3,
                            null,
                            null,
                            300,
                            line(lat0, lon, lat1, lon)))))
            .get();
        awaitSegment(segment);

        // from 50 m before the segment to 50 m beyond it, 10 m/s, a fix every 5 s
        Instant start = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i <= 8; i++) {
          double lat = lat0 + (-50 + 50.0 * i) / METRES_PER_DEGREE;
          TelemetryPoint p =
              TelemetryPoint.of(
                  vehicle,
                  "dev-" + u,
                  start.plusSeconds(5L * i),
                  Instant.now(),
                  lat,
                  lon,
                  36,
                  0.0,
                  Equipment.plough(true));
          producer
              .send(new ProducerRecord<>(Topics.TELEMETRY, vehicle, JsonSerde.toBytes(p)))
              .get();
        }
      }

      List<ConsumerRecord<String, SegmentPass>> mine =
          pollUntil(coverage, vehicle, found -> found.stream().anyMatch(r -> complete(r.value())));
      SegmentPass pass = mine.get(mine.size() - 1).value();
      assertEquals(segment, mine.get(0).key(), "keyed by segment");
      assertEquals(segment, pass.segmentId());
      assertEquals("plough", pass.equipment());
      assertEquals("rules-service", pass.source());
      assertTrue(mine.stream().allMatch(r -> r.value().passId().equals(pass.passId())));
      assertEquals(SegmentPass.passId(segment, vehicle, pass.startedAt()), pass.passId());
    }
  }

  private static boolean complete(SegmentPass p) {
    return p.coveredFraction() > 0.95;
  }

  private void awaitSegment(String segment) throws InterruptedException {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (registry.geoIndex().segment(segment) == null) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("segment " + segment + " did not reach the registry state");
      }
      Thread.sleep(100);
    }
  }

  private static ObjectNode line(double lat0, double lon0, double lat1, double lon1) {
    ObjectNode line = JsonNodeFactory.instance.objectNode().put("type", "LineString");
    var c = line.putArray("coordinates");
    c.addArray().add(lon0).add(lat0);
    c.addArray().add(lon1).add(lat1);
    return line;
  }

  private KafkaProducer<String, byte[]> producer() {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    return new KafkaProducer<>(p);
  }

  /** A group-less consumer on every partition of the coverage topic, at the current end. */
  private KafkaConsumer<String, SegmentPass> consumerAtEnd() {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    KafkaConsumer<String, SegmentPass> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new SegmentPassDeserializer());
    List<TopicPartition> partitions =
        consumer.partitionsFor(Topics.COVERAGE).stream()
            .map(p -> new TopicPartition(Topics.COVERAGE, p.partition()))
            .toList();
    consumer.assign(partitions);
    Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
    ends.forEach(consumer::seek);
    return consumer;
  }

  private static List<ConsumerRecord<String, SegmentPass>> pollUntil(
      KafkaConsumer<String, SegmentPass> consumer,
      String vehicle,
      java.util.function.Predicate<List<ConsumerRecord<String, SegmentPass>>> done) {
    List<ConsumerRecord<String, SegmentPass>> found = new ArrayList<>();
    Instant deadline = Instant.now().plus(DEADLINE);
    while (!done.test(found)) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("no complete pass within " + DEADLINE + "; got " + found);
      }
      for (ConsumerRecord<String, SegmentPass> r : consumer.poll(Duration.ofMillis(500))) {
        if (r.value() != null && vehicle.equals(r.value().vehicleId())) {
          found.add(r);
        }
      }
    }
    return found;
  }
}

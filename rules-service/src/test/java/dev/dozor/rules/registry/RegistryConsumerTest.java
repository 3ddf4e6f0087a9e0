package dev.dozor.rules.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dozor.events.AssignmentRecord;
import dev.dozor.events.JsonSerde;
import dev.dozor.events.RegistryKeys;
import dev.dozor.events.Topics;
import dev.dozor.events.VehicleRecord;
import dev.dozor.events.ZoneRecord;
import dev.dozor.rules.telemetry.FreshConsumerGroupResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Registry records on the real broker reach the rules' registry state; tombstones remove them. */
@QuarkusTest
@QuarkusTestResource(FreshConsumerGroupResource.class)
class RegistryConsumerTest {
  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  @Inject RegistryState state;
  @Inject RegistryConsumer consumer;

  @Test
  void vehiclesZonesAndAssignmentsArriveAndTombstonesRemoveThem() throws Exception {
    String id = UUID.randomUUID().toString();
    String zoneId = "zone-" + id;
    Instant start = Instant.parse("2026-01-15T06:00:00Z");
    try (KafkaProducer<String, byte[]> producer = producer()) {
      send(
          producer,
          RegistryKeys.vehicle(id),
          VehicleRecord.of(id, "А001АА77", "sweeper", null, null));
      send(
          producer,
          RegistryKeys.zone(zoneId),
          ZoneRecord.of(zoneId, "yard", ZoneRecord.YARD, null, square()));
      send(
          producer,
          RegistryKeys.assignment("a-" + id),
          AssignmentRecord.of(
              "a-" + id, id, start, start.plusSeconds(3600), zoneId, List.of(), null, null));
      // an unreadable record must not stop the reader
      producer.send(
          new ProducerRecord<>(
              Topics.REGISTRY,
              RegistryKeys.zone("broken-" + id),
              "{".getBytes(StandardCharsets.UTF_8)));
      producer.flush();

      await(() -> state.geoIndex().contains(zoneId, 55.80, 37.60));
      await(() -> state.activeAssignment(id, start.plusSeconds(60).toEpochMilli()) != null);
      assertEquals("sweeper", state.vehicleType(id));
      assertTrue(consumer.isCaughtUp());

      producer.send(new ProducerRecord<>(Topics.REGISTRY, RegistryKeys.zone(zoneId), null));
      producer.send(new ProducerRecord<>(Topics.REGISTRY, RegistryKeys.vehicle(id), null));
      producer.flush();
      await(() -> !state.geoIndex().contains(zoneId, 55.80, 37.60));
      await(() -> state.vehicleType(id) == null);
      assertNull(state.vehicleType(id));
    }
  }

  private static ObjectNode square() {
    ObjectNode polygon = JsonNodeFactory.instance.objectNode().put("type", "Polygon");
    var ring = polygon.putArray("coordinates").addArray();
    ring.addArray().add(37.599).add(55.799);
    ring.addArray().add(37.601).add(55.799);
    ring.addArray().add(37.601).add(55.801);
    ring.addArray().add(37.599).add(55.801);
    ring.addArray().add(37.599).add(55.799);
    return polygon;
  }

  private static void send(KafkaProducer<String, byte[]> producer, String key, Object value)
      throws Exception {
    producer.send(new ProducerRecord<>(Topics.REGISTRY, key, JsonSerde.toBytes(value))).get();
  }

  private KafkaProducer<String, byte[]> producer() {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    return new KafkaProducer<>(p);
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("registry state did not change within 30 s");
      }
      Thread.sleep(100);
    }
  }
}

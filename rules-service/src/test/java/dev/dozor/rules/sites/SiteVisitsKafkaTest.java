package dev.dozor.rules.sites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dozor.events.Equipment;
import dev.dozor.events.EvidencePoint;
import dev.dozor.events.JsonSerde;
import dev.dozor.events.RegistryKeys;
import dev.dozor.events.TelemetryPoint;
import dev.dozor.events.Topics;
import dev.dozor.events.VehicleRecord;
import dev.dozor.events.ViolationEvent;
import dev.dozor.events.ViolationStatus;
import dev.dozor.events.ZoneRecord;
import dev.dozor.events.kafka.ViolationEventDeserializer;
import dev.dozor.rules.registry.RegistryState;
import dev.dozor.rules.telemetry.FreshConsumerGroupResource;
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
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * TIM-003 through Kafka: a refuse truck standing at a container site on the telemetry topic gives
 * its visit on {@code dozor.site-visits.v1} (key: site); a site whose last visit on that topic is
 * older than its interval gets an OPENED TIM-003 episode of vehicle {@code site:<id>} on {@code
 * dozor.violations.v1} from the site monitor.
 */
@QuarkusTest
@QuarkusTestResource(FreshConsumerGroupResource.class)
class SiteVisitsKafkaTest {
  private static final Duration DEADLINE = Duration.ofSeconds(60);
  private static final double METRES_PER_DEGREE = 111_195.08;
  private static final String TOPIC = "dozor.site-visits.v1";

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  @Inject RegistryState registry;
  @Inject SiteMonitorService sites;

  @Test
  void aTruckStopIsPublishedAsAVisitAndAnOverdueSiteOpensAViolation() throws Exception {
    String u = UUID.randomUUID().toString().substring(0, 8);
    String vehicle = "refuse-" + u;
    String visited = "cs-" + u + "-a";
    String overdue = "cs-" + u + "-b";
    // places at a latitude of their own, so no other test's zone is near
    double lat0 = 57 + (u.hashCode() & 0xffff) / 100_000.0;
    double lon = 39.5;
    Instant oldVisitEnd = Instant.now().minus(Duration.ofDays(12)).truncatedTo(ChronoUnit.SECONDS);
    try (KafkaConsumer<String, SiteVisit> visits =
            consumerAtEnd(TOPIC, new SiteVisitDeserializer());
        KafkaConsumer<String, ViolationEvent> violations =
            consumerAtEnd(Topics.VIOLATIONS, new ViolationEventDeserializer());
        KafkaProducer<String, byte[]> producer = producer()) {
      // the overdue site's last visit, 12 days ago (longer than any interval), before the site
      // is in the registry: the monitor counts from it, not from a baseline of its own
      SiteVisit old =
          SiteVisit.visit(
              overdue,
              "refuse-old",
              oldVisitEnd.minusSeconds(120),
              oldVisitEnd,
              List.of(new EvidencePoint(oldVisitEnd, lat0, lon + 0.01, 0)));
      producer.send(new ProducerRecord<>(TOPIC, overdue, JsonSerde.toBytes(old))).get();
      await(
          () ->
              sites.monitorForTests() != null
                  && sites.monitorForTests().latestRecord(overdue) != null,
          "the monitor read the old visit");

      send(
          producer,
          Topics.REGISTRY,
          RegistryKeys.vehicle(vehicle),
          VehicleRecord.of(vehicle, "A" + u, "refuse", "c", null));
      send(
          producer,
          Topics.REGISTRY,
          RegistryKeys.zone(visited),
          ZoneRecord.of(visited, "КП " + u, "container-site", null, square(lat0, lon, 10)));
      send(
          producer,
          Topics.REGISTRY,
          RegistryKeys.zone(overdue),
          ZoneRecord.of(
              overdue, "КП " + u + " б", "container-site", null, square(lat0, lon + 0.01, 10)));
      await(
          () ->
              registry.geoIndex().zoneKind(visited) != null
                  && registry.geoIndex().zoneKind(overdue) != null,
          "the zones reached the registry state");

      // 15 m south of the visited site: stands 80 s, then drives off
      Instant start = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
      double lat = lat0 - 25 / METRES_PER_DEGREE;
      for (int i = 0; i <= 9; i++) {
        TelemetryPoint p =
            TelemetryPoint.of(
                vehicle,
                "dev-" + u,
                start.plusSeconds(10L * i),
                Instant.now(),
                i < 9 ? lat : lat - 200 / METRES_PER_DEGREE,
                lon,
                i < 9 ? 0 : 30,
                0.0,
                Equipment.NONE);
        producer.send(new ProducerRecord<>(Topics.TELEMETRY, vehicle, JsonSerde.toBytes(p))).get();
      }

      // reported when the stop qualifies (60 s) and again with its final end; a rebalance that
      // replays the window may report the qualified visit once more (same visit id), so the wait
      // is for a report whose end differs from the first one's, not for any two records
      List<ConsumerRecord<String, SiteVisit>> mine =
          pollUntil(
              visits,
              r -> vehicle.equals(r.value().vehicleId()),
              found ->
                  !found.isEmpty()
                      && !found
                          .get(found.size() - 1)
                          .value()
                          .endedAt()
                          .equals(found.get(0).value().endedAt()));
      assertEquals(visited, mine.get(0).key(), "keyed by site");
      assertEquals(start.plusSeconds(60), mine.get(0).value().endedAt(), "qualified after 60 s");
      SiteVisit last = mine.get(mine.size() - 1).value();
      assertEquals(visited, last.siteId());
      assertEquals(start, last.startedAt());
      assertEquals(start.plusSeconds(80), last.endedAt(), "the last standing fix");
      for (ConsumerRecord<String, SiteVisit> r : mine) {
        assertEquals(mine.get(0).value().visitId(), r.value().visitId(), "one visit: " + mine);
      }

      List<ConsumerRecord<String, ViolationEvent>> opened =
          pollUntil(
              violations,
              r -> ("site:" + overdue).equals(r.value().vehicleId()),
              found -> !found.isEmpty());
      ViolationEvent e = opened.get(0).value();
      assertEquals("site:" + overdue, opened.get(0).key(), "keyed by the site's vehicle id");
      assertEquals("TIM-003", e.regulationId());
      assertEquals(ViolationStatus.OPENED, e.status());
      double intervalH = e.measurements().get("intervalH");
      assertEquals(oldVisitEnd.plusSeconds(Math.round(intervalH * 3600)), e.startedAt());
      assertEquals(
          ViolationEvent.episodeId("TIM-003", "site:" + overdue, e.startedAt()), e.violationId());
      assertTrue(e.evidence().stream().anyMatch(p -> p.fixTime().equals(oldVisitEnd)));
      assertTrue(
          opened.stream().noneMatch(r -> ("site:" + visited).equals(r.value().vehicleId())),
          "the visited site is not overdue");
    }
  }

  private static void send(
      KafkaProducer<String, byte[]> producer, String topic, String key, Object value)
      throws Exception {
    producer.send(new ProducerRecord<>(topic, key, JsonSerde.toBytes(value))).get();
  }

  private static void await(java.util.function.BooleanSupplier done, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + DEADLINE + ": " + what);
      }
      Thread.sleep(100);
    }
  }

  private static ObjectNode square(double lat, double lon, double halfSideM) {
    double dLat = halfSideM / METRES_PER_DEGREE;
    double dLon = halfSideM / (METRES_PER_DEGREE * Math.cos(Math.toRadians(lat)));
    ObjectNode polygon = JsonNodeFactory.instance.objectNode().put("type", "Polygon");
    var ring = polygon.putArray("coordinates").addArray();
    ring.addArray().add(lon - dLon).add(lat - dLat);
    ring.addArray().add(lon + dLon).add(lat - dLat);
    ring.addArray().add(lon + dLon).add(lat + dLat);
    ring.addArray().add(lon - dLon).add(lat + dLat);
    ring.addArray().add(lon - dLon).add(lat - dLat);
    return polygon;
  }

  private KafkaProducer<String, byte[]> producer() {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    return new KafkaProducer<>(p);
  }

  /** A group-less consumer on every partition of a topic, at its current end. */
  private <T> KafkaConsumer<String, T> consumerAtEnd(String topic, Deserializer<T> values) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    KafkaConsumer<String, T> consumer =
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

  private static <T> List<ConsumerRecord<String, T>> pollUntil(
      KafkaConsumer<String, T> consumer,
      Predicate<ConsumerRecord<String, T>> mine,
      Predicate<List<ConsumerRecord<String, T>>> done) {
    List<ConsumerRecord<String, T>> found = new ArrayList<>();
    Instant deadline = Instant.now().plus(DEADLINE);
    while (!done.test(found)) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("not within " + DEADLINE + "; got " + found);
      }
      for (ConsumerRecord<String, T> r : consumer.poll(Duration.ofMillis(500))) {
        if (r.value() != null && mine.test(r)) {
          found.add(r);
        }
      }
    }
    return found;
  }
}

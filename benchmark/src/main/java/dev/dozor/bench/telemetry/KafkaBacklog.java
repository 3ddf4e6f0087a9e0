package dev.dozor.bench.telemetry;

import dev.dozor.bench.BenchException;
import dev.dozor.bench.Progress;
import dev.dozor.events.JsonSerde;
import dev.dozor.events.TelemetryPoint;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The benchmark's own topics: a fresh copy of the telemetry topic (12 partitions, like {@code
 * dozor.telemetry.v1}) that only the bench's telemetry-service reads, and a registry topic it
 * publishes to, so the demo's consumers never see the bench's data. The backlog is produced with
 * the service stopped, so the service's ingest is measured alone.
 */
final class KafkaBacklog {
  static final int TELEMETRY_PARTITIONS = 12;

  private final String bootstrap;

  KafkaBacklog(String bootstrap) {
    this.bootstrap = bootstrap;
  }

  private Admin admin() {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
    return Admin.create(p);
  }

  /** Deletes the topics (if present) and creates them empty. */
  void recreate(String telemetryTopic, String registryTopic) throws InterruptedException {
    delete(telemetryTopic, registryTopic);
    try (Admin admin = admin()) {
      long deadline = System.nanoTime() + 60_000_000_000L;
      while (true) {
        try {
          admin
              .createTopics(
                  List.of(
                      new NewTopic(telemetryTopic, TELEMETRY_PARTITIONS, (short) 1),
                      new NewTopic(registryTopic, 3, (short) 1)
                          .configs(Map.of("cleanup.policy", "compact"))))
              .all()
              .get();
          return;
        } catch (ExecutionException e) {
          // a deleted topic lingers for a moment ("marked for deletion")
          if (!(e.getCause() instanceof TopicExistsException) || System.nanoTime() > deadline) {
            throw new BenchException(
                "cannot create the bench topics on " + bootstrap + ": " + e.getCause(), e);
          }
          Thread.sleep(500);
        }
      }
    }
  }

  /** Deletes the topics; absent topics are fine. */
  void delete(String... topics) throws InterruptedException {
    try (Admin admin = admin()) {
      Set<String> existing = admin.listTopics().names().get();
      List<String> present = List.of(topics).stream().filter(existing::contains).toList();
      if (!present.isEmpty()) {
        admin.deleteTopics(present).all().get();
      }
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
        throw new BenchException("cannot delete the bench topics: " + e.getCause(), e);
      }
    }
  }

  /**
   * Produces the points keyed by vehicle (the gateway's settings: acks=all, idempotent, lz4).
   *
   * @return points acknowledged by Kafka
   */
  long produce(String topic, Iterator<TelemetryPoint> points, long total, Progress progress)
      throws InterruptedException {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 128L * 1024 * 1024);
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    AtomicLong acked = new AtomicLong();
    AtomicReference<Exception> failure = new AtomicReference<>();
    long t0 = System.nanoTime();
    long lastSay = t0;
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p)) {
      long sent = 0;
      while (points.hasNext()) {
        TelemetryPoint point = points.next();
        producer.send(
            new ProducerRecord<>(topic, point.vehicleId(), JsonSerde.toBytes(point)),
            (meta, e) -> {
              if (e != null) {
                failure.compareAndSet(null, e);
              } else {
                acked.incrementAndGet();
              }
            });
        sent++;
        if (failure.get() != null) {
          break;
        }
        if ((sent & 0xffff) == 0 && System.nanoTime() - lastSay > 10e9) {
          lastSay = System.nanoTime();
          progress.say(
              "  produced %,d of %,d points (%,.0f/s)", sent, total, sent / ((lastSay - t0) / 1e9));
        }
      }
      producer.flush();
    }
    if (failure.get() != null) {
      throw new BenchException(
          "producing to " + topic + " failed: " + failure.get().getMessage(), failure.get());
    }
    return acked.get();
  }
}
